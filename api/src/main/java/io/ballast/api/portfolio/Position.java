package io.ballast.api.portfolio;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A holding as booked.
 *
 * @param asset        the asset id
 * @param quantity     units held; negative for a short; never zero
 * @param averagePrice average entry price per unit, in the portfolio's base currency; positive
 */
public record Position(String asset, BigDecimal quantity, BigDecimal averagePrice) {

    public Position {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
    }
}
