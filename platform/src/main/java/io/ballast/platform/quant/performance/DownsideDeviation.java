package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.ObservedReturns;

/**
 * Annualised downside deviation below a target (empyrical {@code downside_risk}):
 * {@code sqrt(mean(min(r_t - T_p, 0)^2)) * sqrt(periodsPerYear)}, the mean taken over all
 * non-missing periods (those above the target count as 0), {@code T_p} the periodic target from
 * the annual one.
 */
public final class DownsideDeviation {

    private DownsideDeviation() {
    }

    public static double annual(double[] returns, double annualTargetReturn, Annualisation annualisation) {
        double periodicTarget = annualisation.periodicRate(annualTargetReturn);
        double[] observed = ObservedReturns.of(returns, "returns", 1).values();
        double sumOfSquares = 0;
        for (double r : observed) {
            double shortfall = Math.min(r - periodicTarget, 0);
            sumOfSquares += shortfall * shortfall;
        }
        return annualisation.volatility(Math.sqrt(sumOfSquares / observed.length));
    }
}
