package io.ballast.api.portfolio;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One position valued at the asset's last close. When the asset has no price bar yet, every field
 * from {@code lastPrice} on is {@code null}: the holding is unpriced and not part of the NAV.
 *
 * @param asset                 the asset id
 * @param quantity              units held; negative for a short
 * @param averagePrice          average entry price per unit, in the base currency
 * @param lastPrice             the close of the asset's newest bar, or null
 * @param lastPriceTime         the start of that bar, or null
 * @param marketValue           {@code quantity * lastPrice}, rounded to the currency's minor unit; negative for a short
 * @param weight                {@code marketValue / NAV}, a fraction (0.25 = 25 %); null also when the NAV is zero
 * @param unrealisedPnl         {@code quantity * (lastPrice - averagePrice)}, rounded to the currency's minor unit
 * @param unrealisedPnlFraction the return on the position's cost, a fraction: {@code lastPrice / averagePrice - 1}
 *                              for a long, its negative for a short (a short gains when the price falls)
 */
public record HoldingValuation(
        String asset,
        BigDecimal quantity,
        BigDecimal averagePrice,
        BigDecimal lastPrice,
        Instant lastPriceTime,
        BigDecimal marketValue,
        BigDecimal weight,
        BigDecimal unrealisedPnl,
        BigDecimal unrealisedPnlFraction) {

    public boolean priced() {
        return lastPrice != null;
    }
}
