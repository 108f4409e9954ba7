package io.ballast.plugins.strategies;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * An asset's return over a {@link MomentumWindow}, and how far it stands out of the asset's own
 * noise.
 *
 * @param simpleReturn       {@code p(t - skipDays) / p(t - lookbackDays) - 1}, a fraction
 * @param logReturn          {@code ln(p(t - skipDays) / p(t - lookbackDays))}, the sum of the window's daily log returns
 * @param formationDays      the number of daily returns in the window, {@code lookbackDays - skipDays}
 * @param dailyLogVolatility the sample standard deviation (n - 1) of the window's daily log returns
 */
record MomentumReturn(double simpleReturn, double logReturn, int formationDays, double dailyLogVolatility) {

    static MomentumReturn measure(CloseSeries closes, MomentumWindow window) {
        double first = closes.daysAgo(window.lookbackDays());
        double last = closes.daysAgo(window.skipDays());
        double[] dailyLogReturns = closes.logReturns(window.lookbackDays(), window.skipDays());
        return new MomentumReturn(last / first - 1, Math.log(last / first), window.formationDays(),
                new StandardDeviation().evaluate(dailyLogReturns));
    }

    /**
     * The standard error of {@link #logReturn()} as the sum of {@code formationDays} independent daily
     * returns: {@code dailyLogVolatility * sqrt(formationDays)}.
     */
    double standardError() {
        return dailyLogVolatility * Math.sqrt(formationDays);
    }

    /**
     * The one-sample t-statistic of the window's mean daily log return against zero:
     * {@code mean / (sd / sqrt(n)) = logReturn / standardError}; infinite for a move without noise,
     * 0 for no move at all.
     */
    double tStatistic() {
        return standardizedDistance(logReturn, standardError());
    }

    /** {@code distance / standardError}, with a noiseless distance infinite and no distance at all 0. */
    static double standardizedDistance(double distance, double standardError) {
        if (distance == 0) {
            return 0;
        }
        return standardError > 0 ? distance / standardError : Math.copySign(Double.POSITIVE_INFINITY, distance);
    }
}
