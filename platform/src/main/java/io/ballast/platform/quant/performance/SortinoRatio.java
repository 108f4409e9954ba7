package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.ObservedReturns;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Sortino ratio (empyrical {@code sortino_ratio}): annualised arithmetic mean return above the
 * target over the annualised {@link DownsideDeviation} below it,
 * {@code mean(r - T_p) * periodsPerYear / downsideDeviation}, {@code T_p} the periodic target from
 * the annual one (default 0). Empty when no period falls below the target.
 */
public final class SortinoRatio {

    private SortinoRatio() {
    }

    public static OptionalDouble of(double[] returns, double annualTargetReturn, Annualisation annualisation) {
        double[] observed = ObservedReturns.of(returns, "returns", 2).values();
        double downsideDeviation = DownsideDeviation.annual(observed, annualTargetReturn, annualisation);
        if (downsideDeviation == 0) {
            return OptionalDouble.empty();
        }
        double meanAboveTarget = StatUtils.mean(observed) - annualisation.periodicRate(annualTargetReturn);
        return OptionalDouble.of(annualisation.arithmeticMean(meanAboveTarget) / downsideDeviation);
    }
}
