package io.ballast.platform.quant.risk;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Value at Risk and Expected Shortfall read off a sample of one-period portfolio returns: the
 * observed history (historical VaR) or a simulated one (Monte Carlo VaR).
 *
 * <ul>
 *   <li>Losses are {@code L = -r}. VaR at confidence {@code c} is the {@code c}-quantile of the
 *       losses with linear interpolation between order statistics (Hyndman and Fan's type 7, the
 *       default of numpy {@code quantile}, R {@code quantile} and Excel {@code PERCENTILE.INC}):
 *       with the losses sorted ascending {@code L_(0) <= ... <= L_(n-1)}, {@code h = (n - 1) c},
 *       {@code VaR = L_(floor h) + (h - floor h) (L_(floor h + 1) - L_(floor h))}. Type 7 is
 *       symmetric, so this equals minus the {@code 1 - c} quantile of the returns.</li>
 *   <li>ES is the mean of the losses at or beyond the VaR, {@code mean(L | L >= VaR)}. With an
 *       interpolated VaR there is no observation exactly at the quantile, so ES averages the
 *       observations that lie in the tail the VaR marks; the set is never empty (the largest loss
 *       is at least the VaR) and ES is never below VaR, keeping the pair coherent. This is
 *       {@code losses[losses >= var].mean()} in numpy.</li>
 * </ul>
 * Sorts once; every confidence after that costs one quantile and one tail mean.
 */
public final class EmpiricalTailLoss {

    private final double[] sortedLosses;

    private EmpiricalTailLoss(double[] sortedLosses) {
        this.sortedLosses = sortedLosses;
    }

    /** From periodic returns; missing ({@code NaN}) periods are dropped; needs at least one return. */
    public static EmpiricalTailLoss of(double[] returns) {
        double[] losses = ObservedReturns.of(returns, "returns", 1).values();
        for (int t = 0; t < losses.length; t++) {
            losses[t] = -losses[t];
        }
        Arrays.sort(losses);
        return new EmpiricalTailLoss(losses);
    }

    /** Historical VaR and ES of a portfolio: {@code returns[period][asset]}, see {@link HeldAssetReturns} for missing data. */
    public static EmpiricalTailLoss ofPortfolio(List<String> assets, double[][] returns, double[] weights) {
        return of(HeldAssetReturns.of(assets, returns, weights).portfolioReturns());
    }

    public TailLoss at(double confidence) {
        TailLoss.checkConfidence(confidence);
        double valueAtRisk = new Percentile().withEstimationType(EstimationType.R_7).evaluate(sortedLosses, confidence * 100);
        // rounding may put an interpolated VaR an ulp above the largest loss: that loss is still the tail
        int firstInTail = Math.min(firstAtOrAbove(valueAtRisk), sortedLosses.length - 1);
        double tailSum = 0;
        for (int i = firstInTail; i < sortedLosses.length; i++) {
            tailSum += sortedLosses[i];
        }
        return new TailLoss(confidence, valueAtRisk, tailSum / (sortedLosses.length - firstInTail));
    }

    public int sampleSize() {
        return sortedLosses.length;
    }

    private int firstAtOrAbove(double value) {
        int low = 0;
        int high = sortedLosses.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sortedLosses[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
