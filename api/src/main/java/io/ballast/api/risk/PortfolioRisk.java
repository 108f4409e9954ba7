package io.ballast.api.risk;

import java.util.Objects;

/**
 * A rule fact: one portfolio as a whole, as the risk rules see it. Amounts are in the portfolio's
 * base currency; fractions are plain fractions of the NAV (0.05 is 5%); tail losses are one-day,
 * positive numbers for a loss.
 *
 * @param portfolioId                 the portfolio
 * @param netAssetValue               cash plus the market value of every priced position
 * @param peakNetAssetValue           the highest NAV the portfolio has had, this one included
 * @param valueAtRisk95Fraction       one-day value at risk at 95% confidence, a fraction of the NAV;
 *                                    NaN when there is too little price history to estimate it
 * @param expectedShortfall95Fraction one-day expected shortfall at 95%, a fraction of the NAV; NaN as above
 * @param valueAtRisk99Fraction       one-day value at risk at 99%, a fraction of the NAV; NaN as above
 * @param expectedShortfall99Fraction one-day expected shortfall at 99%, a fraction of the NAV; NaN as above
 * @param grossExposure               the sum of the positions' absolute market values; not negative
 * @param netExposure                 the sum of the positions' signed market values (shorts negative)
 * @param herfindahlIndex             the sum of the squared position weights (1 for a single asset,
 *                                    1/n for n equal positions); 0 for no positions
 * @param dailyPnl                    the change of the positions' value over the last day: each position at
 *                                    its last close minus at the close before, for a position whose last
 *                                    close is of the newest bar day (one that did not trade then adds 0); a
 *                                    position given its last price: at that price minus at its latest close
 * @param volatilityRegime            the portfolio's recent volatility against its long-run level
 */
public record PortfolioRisk(
        String portfolioId,
        double netAssetValue,
        double peakNetAssetValue,
        double valueAtRisk95Fraction,
        double expectedShortfall95Fraction,
        double valueAtRisk99Fraction,
        double expectedShortfall99Fraction,
        double grossExposure,
        double netExposure,
        double herfindahlIndex,
        double dailyPnl,
        VolatilityRegime volatilityRegime) {

    public PortfolioRisk {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(volatilityRegime, "volatilityRegime");
        FactNumbers.requireFinite("portfolio " + portfolioId, "netAssetValue", netAssetValue);
        FactNumbers.requireFinite("portfolio " + portfolioId, "peakNetAssetValue", peakNetAssetValue);
        if (peakNetAssetValue < netAssetValue) {
            throw new IllegalArgumentException("peakNetAssetValue " + peakNetAssetValue + " of portfolio " + portfolioId
                    + " is below its netAssetValue " + netAssetValue + ": the peak includes the current NAV");
        }
        requireNotNegativeOrNaN("valueAtRisk95Fraction", valueAtRisk95Fraction);
        requireNotNegativeOrNaN("expectedShortfall95Fraction", expectedShortfall95Fraction);
        requireNotNegativeOrNaN("valueAtRisk99Fraction", valueAtRisk99Fraction);
        requireNotNegativeOrNaN("expectedShortfall99Fraction", expectedShortfall99Fraction);
        FactNumbers.requireFinite("portfolio " + portfolioId, "grossExposure", grossExposure);
        if (grossExposure < 0) {
            throw new IllegalArgumentException("grossExposure of portfolio " + portfolioId + " must not be negative: " + grossExposure);
        }
        FactNumbers.requireFinite("portfolio " + portfolioId, "netExposure", netExposure);
        FactNumbers.requireFinite("portfolio " + portfolioId, "herfindahlIndex", herfindahlIndex);
        FactNumbers.requireFinite("portfolio " + portfolioId, "dailyPnl", dailyPnl);
    }

    /** How far the NAV is below its peak, a fraction of the peak: {@code 1 - NAV / peak}; 0 at the peak or without a positive peak. */
    public double drawdownFraction() {
        return peakNetAssetValue > 0 ? 1 - netAssetValue / peakNetAssetValue : 0;
    }

    /** Gross exposure over NAV: 1 for a fully invested long-only portfolio; infinite when the NAV is not positive but there is exposure. */
    public double leverage() {
        if (netAssetValue > 0) {
            return grossExposure / netAssetValue;
        }
        return grossExposure == 0 ? 0 : Double.POSITIVE_INFINITY;
    }

    /** The daily P&L as a fraction of the NAV a day before ({@code NAV - dailyPnl}); 0 when that NAV was not positive. */
    public double dailyReturnFraction() {
        double navBefore = netAssetValue - dailyPnl;
        return navBefore > 0 ? dailyPnl / navBefore : 0;
    }

    /** Whether the tail-loss fractions are known (there was enough price history). */
    public boolean hasValueAtRisk() {
        return !Double.isNaN(valueAtRisk95Fraction);
    }


    private void requireNotNegativeOrNaN(String field, double value) {
        if (value < 0 || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " of portfolio " + portfolioId
                    + " must be a loss fraction, not negative (or NaN when unknown): " + value);
        }
    }
}
