package io.ballast.platform.quant.risk;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Volatility of a periodic return series: the sample standard deviation (divisor n - 1, as numpy
 * {@code std(ddof=1)}, pandas and empyrical) of the non-missing returns, periodic or annualised by
 * {@code sqrt(periodsPerYear)}. A fraction: 0.2 is 20% a year.
 */
public final class Volatility {

    private Volatility() {
    }

    /** Needs at least two non-missing returns. */
    public static double periodic(double[] returns) {
        return new StandardDeviation(true).evaluate(ObservedReturns.of(returns, "returns", 2).values());
    }

    public static double annual(double[] returns, Annualisation annualisation) {
        return annualisation.volatility(periodic(returns));
    }
}
