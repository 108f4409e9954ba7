package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;

/**
 * The default expected return: the compound annual growth of each asset over its own returns,
 * {@code prod(1 + r)^(periodsPerYear / count(r)) - 1}, as PyPortfolioOpt's
 * {@code mean_historical_return} (compounding, its default). Computed through logarithms so a
 * long history neither overflows nor loses digits.
 */
public final class GeometricMeanReturn {

    private GeometricMeanReturn() {
    }

    /**
     * Annual expected returns (fractions), in the order of {@code returns.assets()}.
     *
     * @throws InvalidInputException when an asset has fewer than two returns or one of -100% or
     *     worse (field {@code prices}), or {@code periodsPerYear} is below 1
     */
    public static double[] annualised(ReturnSeries returns, int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        int[] counts = ObservationRequirement.requireTwoPerAsset(returns);
        double[] logGrowth = new double[returns.assetCount()];
        for (int p = 0; p < returns.periodCount(); p++) {
            for (int a = 0; a < logGrowth.length; a++) {
                double value = returns.returnAt(p, a);
                if (value <= -1.0) {
                    throw new InvalidInputException(ObservationRequirement.FIELD, "asset " + returns.assets().get(a) + " returns "
                            + value + " on " + returns.dates().get(p) + "; a compound growth needs returns above -100%");
                }
                if (!Double.isNaN(value)) {
                    logGrowth[a] += Math.log1p(value);
                }
            }
        }
        double[] annual = new double[logGrowth.length];
        for (int a = 0; a < annual.length; a++) {
            annual[a] = Math.expm1(logGrowth[a] * periodsPerYear / counts[a]);
        }
        return annual;
    }
}
