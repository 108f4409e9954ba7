package io.ballast.api.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rule fact: one holding of one portfolio, as the risk rules see it. Prices are in the
 * portfolio's base currency per unit.
 *
 * @param portfolioId           the portfolio holding the position
 * @param asset                 the asset id
 * @param quantity              units held; negative for a short
 * @param averageEntryPrice     the average price paid per unit; positive
 * @param lastPrice             the last known price per unit; positive
 * @param unrealisedPnlFraction unrealised profit or loss as a fraction of the entry price, from the
 *                              holder's side (-0.08 is a loss of 8%; a short gains when the price
 *                              falls), as the portfolio valuation computed it: exactly, rounded to
 *                              {@value #FRACTION_DECIMALS} decimals, so a rule's threshold such as
 *                              {@code <= -0.08} holds at exactly 8% (92 / 100 - 1 in doubles would not)
 */
public record PositionRisk(
        String portfolioId,
        String asset,
        double quantity,
        double averageEntryPrice,
        double lastPrice,
        double unrealisedPnlFraction) {

    /** The decimals of {@link #unrealisedPnlFraction}, the same as the portfolio valuation's fractions. */
    public static final int FRACTION_DECIMALS = 10;

    public PositionRisk {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(asset, "asset");
        if (!(averageEntryPrice > 0)) {
            throw new IllegalArgumentException("averageEntryPrice of " + asset + " must be positive: " + averageEntryPrice);
        }
        if (!(lastPrice > 0)) {
            throw new IllegalArgumentException("lastPrice of " + asset + " must be positive: " + lastPrice);
        }
        if (!Double.isFinite(unrealisedPnlFraction)) {
            throw new IllegalArgumentException("unrealisedPnlFraction of " + asset + " must be a finite number: " + unrealisedPnlFraction);
        }
    }

    /** The fact for a holding known only by its prices: the fraction worked out as the valuation does. */
    public static PositionRisk ofPrices(String portfolioId, String asset, double quantity, double averageEntryPrice, double lastPrice) {
        if (!(averageEntryPrice > 0)) {
            throw new IllegalArgumentException("averageEntryPrice of " + asset + " must be positive: " + averageEntryPrice);
        }
        BigDecimal entry = BigDecimal.valueOf(averageEntryPrice);
        BigDecimal fraction = BigDecimal.valueOf(lastPrice).subtract(entry)
                .multiply(BigDecimal.valueOf((long) Math.signum(quantity)))
                .divide(entry, FRACTION_DECIMALS, RoundingMode.HALF_EVEN);
        return new PositionRisk(portfolioId, asset, quantity, averageEntryPrice, lastPrice, fraction.doubleValue());
    }
}
