package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;

/**
 * Expected return as the mean of each asset's own returns times the periods per year, as
 * PyPortfolioOpt's {@code mean_historical_return(compounding=False)}.
 */
public final class ArithmeticMeanReturn {

    private ArithmeticMeanReturn() {
    }

    /**
     * Annual expected returns (fractions), in the order of {@code returns.assets()}.
     *
     * @throws io.ballast.platform.problem.InvalidInputException when an asset has fewer than two
     *     returns (field {@code prices}) or {@code periodsPerYear} is below 1
     */
    public static double[] annualised(ReturnSeries returns, int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        int[] counts = ObservationRequirement.requireTwoPerAsset(returns);
        double[] sums = new double[returns.assetCount()];
        for (int p = 0; p < returns.periodCount(); p++) {
            for (int a = 0; a < sums.length; a++) {
                double value = returns.returnAt(p, a);
                if (!Double.isNaN(value)) {
                    sums[a] += value;
                }
            }
        }
        double[] annual = new double[sums.length];
        for (int a = 0; a < annual.length; a++) {
            annual[a] = sums[a] / counts[a] * periodsPerYear;
        }
        return annual;
    }
}
