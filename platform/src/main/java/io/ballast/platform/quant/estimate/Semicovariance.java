package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;

/**
 * Semicovariance, the covariance of shortfalls below a benchmark return, as PyPortfolioOpt's
 * {@code semicovariance}: {@code E[min(r_i - B, 0) min(r_j - B, 0)]} times the periods per year,
 * not demeaned, the mean taken with divisor n over the periods in which both assets have a
 * return. B is a return per period; PyPortfolioOpt's default 0.000079 is about 2% a year over
 * 252 days. With no missing returns this is exactly PyPortfolioOpt's value; with missing ones it
 * divides by the pair's common periods where PyPortfolioOpt counts a missing return as no
 * shortfall and divides by all periods.
 */
public final class Semicovariance {

    private Semicovariance() {
    }

    /**
     * Annual semicovariance, in the order of {@code returns.assets()}.
     *
     * @param benchmarkReturn the return per period below which a return counts as a shortfall
     * @throws InvalidInputException when an asset has fewer than two returns or a pair fewer than
     *     two common periods (field {@code prices}), the benchmark is not finite, or
     *     {@code periodsPerYear} is below 1
     */
    public static double[][] annualised(ReturnSeries returns, double benchmarkReturn, int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        if (!Double.isFinite(benchmarkReturn)) {
            throw new InvalidInputException("benchmarkReturn", "must be a finite return per period, was " + benchmarkReturn);
        }
        ObservationRequirement.requireTwoPerAsset(returns);
        int n = returns.assetCount();
        int periods = returns.periodCount();
        double[][] shortfalls = new double[periods][];
        double[][] presence = returns.isComplete() ? null : new double[periods][n];
        for (int p = 0; p < periods; p++) {
            double[] row = returns.periodReturns(p);
            for (int a = 0; a < n; a++) {
                if (Double.isNaN(row[a])) {
                    row[a] = 0.0;
                } else {
                    row[a] = Math.min(row[a] - benchmarkReturn, 0.0);
                    if (presence != null) {
                        presence[p][a] = 1.0;
                    }
                }
            }
            shortfalls[p] = row;
        }
        double[][] semicovariance = CrossProducts.gram(shortfalls, n);
        double[][] counts = presence == null ? null : CrossProducts.gram(presence, n);
        if (counts != null) {
            ObservationRequirement.requireTwoPerPair(returns, counts);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                semicovariance[i][j] /= counts == null ? periods : counts[i][j];
            }
        }
        return Annualisation.annualise(semicovariance, periodsPerYear);
    }
}
