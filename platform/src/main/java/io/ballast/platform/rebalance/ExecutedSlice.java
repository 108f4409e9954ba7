package io.ballast.platform.rebalance;

import io.ballast.api.execution.Fill;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A slice the venue took, with its fills: in full ({@link #complete()}), or in part when the run failed
 * waiting for the rest.
 *
 * @param slice        what was ordered
 * @param venueOrderId the venue's id of the order
 * @param fills        every fill of the order, oldest first, as the venue reported them
 */
public record ExecutedSlice(ExecutionSlice slice, String venueOrderId, List<Fill> fills) {

    public ExecutedSlice {
        Objects.requireNonNull(slice, "slice");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        fills = List.copyOf(fills);
    }

    /** Whether the fills reach the slice's quantity. */
    public boolean complete() {
        return filledQuantity().compareTo(slice.quantity()) >= 0;
    }

    /** Units executed: the sum of the fills' quantities. */
    public BigDecimal filledQuantity() {
        return fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The fees of the fills, summed (in each fill's fee currency: the paper venue charges every fill in one). */
    public BigDecimal fees() {
        return fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** {@code Σ quantity × price} of the fills, before fees. */
    public BigDecimal filledNotional() {
        return fills.stream().map(fill -> fill.quantity().multiply(fill.price())).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
