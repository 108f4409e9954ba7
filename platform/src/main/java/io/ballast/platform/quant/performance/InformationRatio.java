package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.AlignedReturns;
import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.TrackingError;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Information ratio, annualised: annualised arithmetic mean active return over the annualised
 * {@link TrackingError}, {@code mean(r - b) * periodsPerYear / (sd(r - b) * sqrt(periodsPerYear))},
 * over periods where both have a return. empyrical's {@code excess_sharpe} and quantstats'
 * {@code information_ratio} give the periodic ratio {@code mean(r - b) / sd(r - b)}; this is that
 * times {@code sqrt(periodsPerYear)}, the form fund reports quote. Empty when the tracking error is 0.
 */
public final class InformationRatio {

    private InformationRatio() {
    }

    public static OptionalDouble of(AlignedReturns aligned, Annualisation annualisation) {
        double trackingError = TrackingError.annual(aligned, annualisation);
        if (trackingError == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(annualisation.arithmeticMean(StatUtils.mean(aligned.activeReturns())) / trackingError);
    }
}
