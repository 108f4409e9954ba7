package io.ballast.platform.store;

import io.ballast.api.execution.OrderSide;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One executed slice of one trade of a rebalance, as booked. A slice is booked once: the key is
 * (rebalance, {@link #asset}, {@link #slice}), the same as the order's client order id
 * {@code <rebalanceId>:<asset>:<slice>}.
 *
 * @param asset        the asset id
 * @param slice        which slice of the trade, from 0 (0 for a trade executed whole)
 * @param side         buy or sell
 * @param quantity     units executed; positive, at most 8 decimals
 * @param price        price per unit in {@link #currency}; positive, at most 8 decimals
 * @param fee          the venue's fee in {@link #currency}; zero or positive, at most 8 decimals
 * @param currency     ISO 4217 code of price and fee; must be the portfolio's base currency
 * @param venueOrderId the venue's id of the slice's order
 * @param filledAt     when it executed (the last fill of the slice's order)
 */
public record RebalanceFill(
        String asset,
        int slice,
        OrderSide side,
        BigDecimal quantity,
        BigDecimal price,
        BigDecimal fee,
        String currency,
        String venueOrderId,
        Instant filledAt) {

    /** The scale of the store's quantity, price and fee columns: more decimals would be rounded away unseen. */
    static final int MAX_DECIMALS = 8;

    public RebalanceFill {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(filledAt, "filledAt");
        String fill = "fill " + asset + " slice " + slice + ": ";
        if (slice < 0) {
            throw new IllegalArgumentException(fill + "slice must not be negative, got " + slice);
        }
        requireAmount(quantity, "quantity", fill, true);
        requireAmount(price, "price", fill, true);
        requireAmount(fee, "fee", fill, false);
    }

    /** {@code quantity × price}: paid for a buy, received for a sell, before the fee. */
    public BigDecimal notional() {
        return quantity.multiply(price);
    }

    private static void requireAmount(BigDecimal amount, String field, String fill, boolean positive) {
        Objects.requireNonNull(amount, field);
        if (positive ? amount.signum() <= 0 : amount.signum() < 0) {
            throw new IllegalArgumentException(fill + field + " must be " + (positive ? "positive" : "zero or positive") + ", got " + amount);
        }
        if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(fill + field + " has more than " + MAX_DECIMALS + " decimals: " + amount);
        }
    }
}
