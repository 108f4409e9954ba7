package io.ballast.platform.quant.risk;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Tracking error: the annualised sample (n - 1) standard deviation of the active returns
 * {@code r_t - b_t} over the periods where both the series and the benchmark have a return,
 * {@code sd(r - b) * sqrt(periodsPerYear)}. A fraction a year.
 */
public final class TrackingError {

    private TrackingError() {
    }

    public static double annual(double[] returns, double[] benchmarkReturns, Annualisation annualisation) {
        return annual(AlignedReturns.of(returns, benchmarkReturns), annualisation);
    }

    public static double annual(AlignedReturns aligned, Annualisation annualisation) {
        return annualisation.volatility(new StandardDeviation(true).evaluate(aligned.activeReturns()));
    }
}
