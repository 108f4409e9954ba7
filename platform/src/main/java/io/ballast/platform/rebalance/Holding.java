package io.ballast.platform.rebalance;

import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;

/**
 * One asset of the portfolio to rebalance, at its last price. An asset the targets name but the
 * portfolio does not hold yet is listed with quantity 0, so that its price is known.
 *
 * @param asset     the asset id
 * @param quantity  units held; negative for a short; may be 0
 * @param lastPrice the last price per unit in the base currency; positive
 */
public record Holding(String asset, BigDecimal quantity, BigDecimal lastPrice) {

    public Holding {
        if (asset == null || asset.isBlank()) {
            throw new InvalidInputException("holdings.asset", "must not be blank");
        }
        if (quantity == null) {
            throw new InvalidInputException("holdings." + asset + ".quantity", "is missing");
        }
        if (lastPrice == null || lastPrice.signum() <= 0) {
            throw new InvalidInputException("holdings." + asset + ".lastPrice", "must be positive, got " + lastPrice);
        }
    }

    /** Quantity times last price, exact. */
    public BigDecimal marketValue() {
        return quantity.multiply(lastPrice);
    }
}
