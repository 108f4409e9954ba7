package io.ballast.platform.rebalance;

import io.ballast.api.execution.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order of a rebalance's execution: a whole trade, or one slice of a TWAP trade.
 *
 * @param key            {@code <rebalanceId>:<asset>:<slice>}, the order's client order id: the same slice of the
 *                       same rebalance always has the same key, so a venue that sees it twice trades once
 * @param asset          the asset id
 * @param side           buy or sell
 * @param slice          which slice, from 1
 * @param sliceCount     how many slices the trade executes in
 * @param quantity       units of this slice; positive
 * @param referencePrice the asset's execution price (its latest close when the execution first started), sent as the
 *                       order's reference price
 */
public record ExecutionSlice(String key, String asset, OrderSide side, int slice, int sliceCount, BigDecimal quantity,
                             BigDecimal referencePrice) {

    public ExecutionSlice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(referencePrice, "referencePrice");
        if (slice < 1 || slice > sliceCount) {
            throw new IllegalArgumentException("slice " + key + ": slice " + slice + " of " + sliceCount + " is out of range");
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("slice " + key + ": quantity must be positive, got " + quantity);
        }
    }

    /** The key of slice {@code slice} (from 1) of {@code asset}'s trade in rebalance {@code rebalanceId}. */
    public static String key(String rebalanceId, String asset, int slice) {
        return rebalanceId + ":" + asset + ":" + slice;
    }

    /** e.g. {@code BUY 250 CCC (slice 1 of 4)}. */
    String describe() {
        return side + " " + quantity.toPlainString() + " " + asset + " (slice " + slice + " of " + sliceCount + ")";
    }
}
