package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.strategy.MarketRegime;
import io.ballast.api.strategy.RegimeCall;
import java.util.Locale;

/**
 * The rules that turn {@link RegimeMeasures} into a regime, with their windows and thresholds.
 * In order:
 * <ol>
 *   <li>HIGH_VOLATILITY when at least {@code highVolatilityPercentile} of the last
 *       {@code volatilityHistoryDays} days' {@code volatilityDays}-day volatilities lie strictly below
 *       today's, whatever the trend;</li>
 *   <li>BULL when the close is more than {@code trendBand} above its {@code trendDays}-day average and
 *       the {@code slopeDays}-day slope is above {@code +minAnnualSlope};</li>
 *   <li>BEAR when the close is more than {@code trendBand} below the average and the slope is below
 *       {@code -minAnnualSlope};</li>
 *   <li>SIDEWAYS otherwise: within the band, a flat slope, or price and slope disagreeing.</li>
 * </ol>
 * Confidence is the call's distance to the thresholds that would change it, each measured in units
 * of its own threshold and capped at 1 (robustness of the call): for a trend test "x above t" the
 * margin is {@code clamp((x - t) / t, -1, 1)}, full at twice the threshold; for the volatility test
 * it is {@code (P - h) / (1 - h)} above the threshold percentile h and {@code (P - h) / h} below it.
 * A call made of several tests takes its weakest margin: BULL is {@code min(calm, gap up, slope up)},
 * SIDEWAYS is {@code min(calm, not bull, not bear)} where "not bull" is the larger of the two failed
 * bull margins.
 */
record RegimeRules(int trendDays, int slopeDays, int volatilityDays, int volatilityHistoryDays,
        double trendBand, double minAnnualSlope, double highVolatilityPercentile) {

    static final ParameterSpec TREND_DAYS = ParameterSpecs.integerSpec("trendDays",
            "Trading days of the moving average the latest close is compared with (200)", 200, 5, 2520);
    static final ParameterSpec SLOPE_DAYS = ParameterSpecs.integerSpec("slopeDays",
            "Trading days of the least-squares line through the log closes whose slope is the short-term trend (50)", 50, 3, 1260);
    static final ParameterSpec VOLATILITY_DAYS = ParameterSpecs.integerSpec("volatilityDays",
            "Daily returns in the current volatility (21 = one month), annualised by periodsPerYear", 21, 2, 252);
    static final ParameterSpec VOLATILITY_HISTORY_DAYS = ParameterSpecs.integerSpec("volatilityHistoryDays",
            "Trading days of the long-run history today's volatility is ranked in (756 = 3 years), today included", 756, 20, 5040);
    static final ParameterSpec TREND_BAND = ParameterSpecs.numberSpec("trendBand",
            "How far (fraction, 0.02 = 2%) the close must be above (below) its moving average to count as an up (down) trend", 0.02, 0.001, 0.5);
    static final ParameterSpec MIN_ANNUAL_SLOPE = ParameterSpecs.numberSpec("minAnnualSlope",
            "How steep (log growth a year, 0.10 = 10%) the short-term slope must be, up or down, to count as a trend", 0.10, 0.001, 5.0);
    static final ParameterSpec HIGH_VOLATILITY_PERCENTILE = ParameterSpecs.numberSpec("highVolatilityPercentile",
            "Share of the long-run volatilities that must lie below today's for HIGH_VOLATILITY (0.8 = above 80% of them)", 0.8, 0.5, 0.99);

    static RegimeRules read(ParameterValues parameters) {
        return new RegimeRules((int) parameters.integer(TREND_DAYS.name()), (int) parameters.integer(SLOPE_DAYS.name()), (int) parameters.integer(VOLATILITY_DAYS.name()),
                (int) parameters.integer(VOLATILITY_HISTORY_DAYS.name()), parameters.number(TREND_BAND.name()), parameters.number(MIN_ANNUAL_SLOPE.name()),
                parameters.number(HIGH_VOLATILITY_PERCENTILE.name()));
    }

    /** The closes the measures need: the longest of the trend, the slope and the volatility history windows. */
    int requiredCloses() {
        return Math.max(Math.max(trendDays, slopeDays), volatilityHistoryDays + volatilityDays);
    }

    /** Why {@link #requiredCloses()} closes, for an error message. */
    String requirement() {
        return "the longest of trendDays " + trendDays + ", slopeDays " + slopeDays + " and volatilityHistoryDays "
                + volatilityHistoryDays + " + volatilityDays " + volatilityDays;
    }

    RegimeCall classify(RegimeMeasures measures) {
        double p = measures.volatilityPercentile();
        double h = highVolatilityPercentile;
        double volatilityMargin = p >= h ? (p - h) / (1 - h) : (p - h) / h;
        double bullMargin = Math.min(margin(measures.trendGap(), trendBand), margin(measures.annualSlope(), minAnnualSlope));
        double bearMargin = Math.min(margin(-measures.trendGap(), trendBand), margin(-measures.annualSlope(), minAnnualSlope));
        String rationale = String.format(Locale.ROOT,
                "close %+.1f%% from its %d-day average (band %.1f%%), %d-day slope %+.1f%% a year (threshold %.1f%%),"
                        + " %d-day volatility %.1f%% a year, above %.1f%% of the last %d days' (high from %.0f%%)",
                100 * measures.trendGap(), trendDays, 100 * trendBand, slopeDays, 100 * measures.annualSlope(), 100 * minAnnualSlope,
                volatilityDays, 100 * measures.annualVolatility(), 100 * p, volatilityHistoryDays, 100 * h);
        if (volatilityMargin >= 0) {
            return new RegimeCall(MarketRegime.HIGH_VOLATILITY, volatilityMargin, rationale);
        }
        if (bullMargin > 0) {
            return new RegimeCall(MarketRegime.BULL, Math.min(-volatilityMargin, bullMargin), rationale);
        }
        if (bearMargin > 0) {
            return new RegimeCall(MarketRegime.BEAR, Math.min(-volatilityMargin, bearMargin), rationale);
        }
        return new RegimeCall(MarketRegime.SIDEWAYS, Math.min(-volatilityMargin, Math.min(-bullMargin, -bearMargin)), rationale);
    }

    /** How far {@code value} is above {@code threshold}, in units of the threshold, within [-1, 1]. */
    private static double margin(double value, double threshold) {
        return Math.clamp((value - threshold) / threshold, -1, 1);
    }
}
