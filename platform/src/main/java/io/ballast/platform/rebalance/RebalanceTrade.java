package io.ballast.platform.rebalance;

import io.ballast.api.execution.OrderSide;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One trade of a proposal.
 *
 * @param asset          the asset id
 * @param side           buy or sell
 * @param quantity       units to trade, a whole number of lots; positive
 * @param lotSize        the lot the quantity was rounded to when proposed, which also cuts its TWAP slices; positive.
 *                       Null only for a trade stored before lot sizes were kept on the trade: see {@link #storedLotSize()}
 * @param lastPrice      the price the notional and costs are estimated at
 * @param notional       {@code quantity × lastPrice}, rounded half-even to the currency's minor unit
 * @param estimatedCost  fee, spread and impact
 * @param twap           whether the trade is large enough against the daily volume to be sliced
 * @param sliceCount     how many slices it executes in: the settings' slice count when {@code twap}, else 1
 */
public record RebalanceTrade(
        String asset,
        OrderSide side,
        BigDecimal quantity,
        BigDecimal lotSize,
        BigDecimal lastPrice,
        BigDecimal notional,
        TradeCost estimatedCost,
        boolean twap,
        int sliceCount) {

    public RebalanceTrade {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(lastPrice, "lastPrice");
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(estimatedCost, "estimatedCost");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity of " + asset + " must be positive: " + quantity);
        }
        if (lotSize != null && (lotSize.signum() <= 0 || quantity.remainder(lotSize).signum() != 0)) {
            throw new IllegalArgumentException("lotSize of " + asset + " must be positive and divide the quantity " + quantity.toPlainString()
                    + ": " + lotSize.toPlainString());
        }
        if (sliceCount < 1 || (twap != sliceCount > 1)) {
            throw new IllegalArgumentException("sliceCount of " + asset + " must be more than 1 exactly when twap: " + sliceCount);
        }
    }

    /**
     * The lot size the trade was proposed with; empty for a trade stored before lot sizes were kept on the trade,
     * whose execution falls back to the configured one.
     */
    public Optional<BigDecimal> storedLotSize() {
        return Optional.ofNullable(lotSize);
    }

    /** The change of the held quantity: positive for a buy, negative for a sell. */
    public BigDecimal signedQuantity() {
        return side == OrderSide.BUY ? quantity : quantity.negate();
    }
}
