package io.ballast.platform.quant.risk;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Parametric (variance-covariance) Value at Risk and Expected Shortfall, assuming one-period
 * portfolio returns are normal with mean {@code mu} and standard deviation {@code sigma}:
 * <pre>
 *   z   = Phi^-1(c)                       (upper quantile, 1.6449 at c = 0.95)
 *   VaR = -(mu - z sigma)
 *   ES  = -(mu - sigma phi(z) / (1 - c))  (mean loss beyond the VaR)
 * </pre>
 * {@code mu} is the arithmetic mean and {@code sigma} the sample (n - 1) standard deviation of the
 * non-missing periodic returns.
 */
public final class NormalTailLoss {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private NormalTailLoss() {
    }

    public static TailLoss of(double meanReturn, double standardDeviation, double confidence) {
        TailLoss.checkConfidence(confidence);
        double z = STANDARD_NORMAL.inverseCumulativeProbability(confidence);
        double valueAtRisk = -(meanReturn - z * standardDeviation);
        double expectedShortfall = -(meanReturn - standardDeviation * STANDARD_NORMAL.density(z) / (1 - confidence));
        return new TailLoss(confidence, valueAtRisk, expectedShortfall);
    }

    /** From a periodic return series; needs at least two non-missing returns. */
    public static TailLoss of(double[] returns, double confidence) {
        double[] observed = ObservedReturns.of(returns, "returns", 2).values();
        return of(StatUtils.mean(observed), Volatility.periodic(observed), confidence);
    }
}
