package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.AlignedReturns;
import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.Beta;
import java.util.OptionalDouble;

/**
 * Jensen's alpha, the return not explained by CAPM, annualised as empyrical's {@code alpha} does:
 * the periodic alpha {@code a = mean((r - rf_p) - beta (b - rf_p))} compounded to a year,
 * {@code (1 + a)^periodsPerYear - 1}, over the periods where both have a return, {@code rf_p} the
 * periodic risk-free rate. Empty when beta is undefined (the benchmark does not move).
 */
public final class JensensAlpha {

    private JensensAlpha() {
    }

    public static OptionalDouble annual(AlignedReturns aligned, double annualRiskFreeRate, Annualisation annualisation) {
        OptionalDouble beta = Beta.of(aligned);
        if (beta.isEmpty()) {
            return OptionalDouble.empty();
        }
        double periodicRiskFree = annualisation.periodicRate(annualRiskFreeRate);
        double[] returns = aligned.returns();
        double[] benchmark = aligned.benchmarkReturns();
        double sum = 0;
        for (int t = 0; t < returns.length; t++) {
            sum += (returns[t] - periodicRiskFree) - beta.getAsDouble() * (benchmark[t] - periodicRiskFree);
        }
        double periodicAlpha = sum / returns.length;
        return OptionalDouble.of(Math.pow(1 + periodicAlpha, annualisation.periodsPerYear()) - 1);
    }
}
