package io.ballast.platform.quant.performance;

import io.ballast.platform.quant.risk.Annualisation;
import io.ballast.platform.quant.risk.ObservedReturns;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Sharpe ratio of a return series (empyrical {@code sharpe_ratio}, quantstats {@code sharpe}):
 * annualised arithmetic mean excess return over annualised volatility,
 * {@code mean(r - rf_p) / sd(r - rf_p) * sqrt(periodsPerYear)} with {@code rf_p} the periodic
 * risk-free rate from the annual one, {@code sd} the sample (n - 1) standard deviation. (The
 * optimizers' ex-ante Sharpe {@code (mu_p - rf) / sigma_p} uses a geometric expected return; this
 * one describes realised returns, as the libraries named do.) Empty when the returns do not vary.
 */
public final class SharpeRatio {

    private SharpeRatio() {
    }

    public static OptionalDouble of(double[] returns, double annualRiskFreeRate, Annualisation annualisation) {
        double periodicRiskFree = annualisation.periodicRate(annualRiskFreeRate);
        double[] excess = ObservedReturns.of(returns, "returns", 2).values();
        for (int t = 0; t < excess.length; t++) {
            excess[t] -= periodicRiskFree;
        }
        double deviation = new StandardDeviation(true).evaluate(excess);
        if (deviation == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(StatUtils.mean(excess) / deviation * Math.sqrt(annualisation.periodsPerYear()));
    }
}
