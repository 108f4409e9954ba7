package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.AlignedReturns;
import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.Beta;
import java.util.OptionalDouble;

/**
 * Treynor ratio: excess return per unit of market risk, {@code (annualisedReturn - rf) / beta},
 * with the geometric annualised return ({@link CompoundReturn#annualised}) of the series and
 * {@link Beta} both over the periods where the series and the benchmark have a return. Empty when
 * beta is 0 or undefined (the benchmark does not move).
 */
public final class TreynorRatio {

    private TreynorRatio() {
    }

    public static OptionalDouble of(AlignedReturns aligned, double annualRiskFreeRate, Annualisation annualisation) {
        OptionalDouble beta = Beta.of(aligned);
        if (beta.isEmpty() || beta.getAsDouble() == 0) {
            return OptionalDouble.empty();
        }
        double annualisedReturn = CompoundReturn.annualised(aligned.returns(), annualisation);
        return OptionalDouble.of((annualisedReturn - annualRiskFreeRate) / beta.getAsDouble());
    }
}
