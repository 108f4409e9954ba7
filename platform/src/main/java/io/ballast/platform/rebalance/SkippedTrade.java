package io.ballast.platform.rebalance;

import io.ballast.api.execution.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A trade towards the targets that the proposal leaves out, with why.
 *
 * @param asset    the asset id
 * @param side     the side it would have had
 * @param quantity the quantity it would have had: rounded to lots, or unrounded when less than one lot
 * @param notional that quantity at the last price, rounded to the minor unit
 * @param reason   the kind of reason
 * @param message  the reason in words, with the numbers
 */
public record SkippedTrade(String asset, OrderSide side, BigDecimal quantity, BigDecimal notional, SkipReason reason, String message) {

    public SkippedTrade {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
