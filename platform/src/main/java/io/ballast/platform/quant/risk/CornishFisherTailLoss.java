package io.ballast.platform.quant.risk;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Kurtosis;
import org.apache.commons.math3.stat.descriptive.moment.Skewness;

/**
 * Cornish-Fisher ("modified") Value at Risk and Expected Shortfall: the normal quantile corrected
 * for the skewness {@code S} and excess kurtosis {@code K} of the returns (Zangari 1996; Favre and
 * Galeano 2002; the expansion of the {@code method="modified"} VaR of R's PerformanceAnalytics):
 * <pre>
 *   q    = Phi^-1(1 - c)                                   (lower quantile, -1.6449 at c = 0.95)
 *   z_cf = q + (q^2 - 1) S / 6 + (q^3 - 3q) K / 24 - (2q^3 - 5q) S^2 / 36
 *   VaR  = -(mu + z_cf sigma)
 * </pre>
 * Expected Shortfall is the mean of the Cornish-Fisher quantile over the tail,
 * {@code ES = -(mu + sigma / (1 - c) * integral_0^(1-c) z_cf(Phi^-1(u)) du)}, which in closed form
 * (from {@code E[Z; Z < q] = -phi(q)}, {@code E[Z^2; Z < q] = (1 - c) - q phi(q)},
 * {@code E[Z^3; Z < q] = -(q^2 + 2) phi(q)}) is
 * <pre>
 *   ES = -mu + sigma phi(q) / (1 - c) * [1 + S q / 6 + K (q^2 - 1) / 24 + S^2 (1 - 2q^2) / 36]
 * </pre>
 * (PerformanceAnalytics' modified ES uses an Edgeworth density instead, Boudt, Peterson and Croux
 * 2008; the tail mean of the quantile keeps ES consistent with the VaR above, {@code ES = mean of
 * VaR_u for u >= c}.) With {@code S = K = 0} both reduce to {@link NormalTailLoss}. The
 * expansion is a good approximation for moderate skewness and kurtosis only; for extreme values
 * {@code z_cf} stops being monotone in the confidence and the figures lose meaning (no guard is
 * applied).
 *
 * <p>From a series: {@code mu} the arithmetic mean, {@code sigma} the sample (n - 1) standard
 * deviation, {@code S} and {@code K} the bias-corrected sample skewness and excess kurtosis of
 * Commons Math (the same as pandas {@code skew()} / {@code kurt()} and scipy's
 * {@code skew(bias=False)} / {@code kurtosis(bias=False)}; PerformanceAnalytics uses the biased
 * moment estimators, which differ by a factor that tends to 1 as the series grows).
 */
public final class CornishFisherTailLoss {

    /** Excess kurtosis needs four observations. */
    public static final int MINIMUM_RETURNS = 4;

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private CornishFisherTailLoss() {
    }

    public static TailLoss of(double meanReturn, double standardDeviation, double skewness, double excessKurtosis,
            double confidence) {
        TailLoss.checkConfidence(confidence);
        double q = STANDARD_NORMAL.inverseCumulativeProbability(1 - confidence);
        double s = skewness;
        double k = excessKurtosis;
        double zCornishFisher = q + (q * q - 1) * s / 6 + (q * q * q - 3 * q) * k / 24 - (2 * q * q * q - 5 * q) * s * s / 36;
        double valueAtRisk = -(meanReturn + zCornishFisher * standardDeviation);
        double tailMeanFactor = 1 + s * q / 6 + k * (q * q - 1) / 24 + s * s * (1 - 2 * q * q) / 36;
        double expectedShortfall = -meanReturn + standardDeviation * STANDARD_NORMAL.density(q) / (1 - confidence) * tailMeanFactor;
        return new TailLoss(confidence, valueAtRisk, expectedShortfall);
    }

    /** From a periodic return series; needs at least {@value #MINIMUM_RETURNS} non-missing returns. */
    public static TailLoss of(double[] returns, double confidence) {
        double[] observed = ObservedReturns.of(returns, "returns", MINIMUM_RETURNS).values();
        return of(StatUtils.mean(observed), Volatility.periodic(observed), new Skewness().evaluate(observed),
                new Kurtosis().evaluate(observed), confidence);
    }
}
