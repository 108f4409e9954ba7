package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;

/**
 * Exponentially weighted covariance, giving recent periods more weight, as PyPortfolioOpt's
 * {@code exp_cov}: each asset's returns less its mean over all its own returns, the products of
 * a pair weighted {@code (1 - alpha)^k} for the period k periods before the last and averaged
 * over the periods in which both have a return ({@code ewm(adjust=True).mean()} of the products,
 * at the last period), times the periods per year. The decay is given as a half-life h in
 * periods, {@code alpha = 1 - 2^(-1/h)}; PyPortfolioOpt's span s is {@code alpha = 2 / (s + 1)},
 * so its default span of 180 is a half-life of about 62.4 (see {@link ExponentialDecay}).
 *
 * <p>Missing returns: a missing return gives the pair no product that period, but the period
 * still counts in the decay (pandas' {@code ignore_na=False}); the weights of a pair are
 * normalised over its common periods. With missing returns the matrix need not be positive
 * semidefinite; {@link MarketEstimator} repairs it when it is not.
 */
public final class ExponentiallyWeightedCovariance {

    /** Below this a pair's weight sum has lost digits to underflow (its last common period is very old). */
    private static final double SMALLEST_SAFE_WEIGHT_SUM = 1e-200;

    private ExponentiallyWeightedCovariance() {
    }

    /**
     * Annual covariance, in the order of {@code returns.assets()}.
     *
     * @param halfLife in periods, above 0
     * @throws io.ballast.platform.problem.InvalidInputException when an asset has fewer than two
     *     returns or a pair fewer than two common periods (field {@code prices}), the half-life is
     *     not above 0, or {@code periodsPerYear} is below 1
     */
    public static double[][] annualised(ReturnSeries returns, double halfLife, int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        double retention = ExponentialDecay.ofHalfLife(halfLife).retention();
        ObservationRequirement.requireTwoPerAsset(returns);
        int n = returns.assetCount();
        int periods = returns.periodCount();
        CentredReturns centred = CentredReturns.of(returns);

        // weights relative to the last period; their square roots on each row make the weighted sums a Gram matrix
        double rootRetention = Math.sqrt(retention);
        double[] rootWeight = new double[periods];
        rootWeight[periods - 1] = 1.0;
        for (int p = periods - 2; p >= 0; p--) {
            rootWeight[p] = rootWeight[p + 1] * rootRetention;
        }
        double[][] weighted = scaledRows(centred.values(), rootWeight);
        double[][] covariance = CrossProducts.gram(weighted, n);

        if (centred.isComplete()) {
            double weightSum = 0.0;
            for (double root : rootWeight) {
                weightSum += root * root;
            }
            for (double[] row : covariance) {
                for (int j = 0; j < n; j++) {
                    row[j] /= weightSum;
                }
            }
            return Annualisation.annualise(covariance, periodsPerYear);
        }

        ObservationRequirement.requireTwoPerPair(returns, CrossProducts.gram(centred.presence(), n));
        double[][] weightSums = CrossProducts.gram(scaledRows(centred.presence(), rootWeight), n);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double value = weightSums[i][j] >= SMALLEST_SAFE_WEIGHT_SUM
                        ? covariance[i][j] / weightSums[i][j]
                        : fromLastCommonPeriod(centred, i, j, retention);
                covariance[i][j] = covariance[j][i] = value;
            }
        }
        return Annualisation.annualise(covariance, periodsPerYear);
    }

    /** One pair directly, weights relative to its own last common period. */
    private static double fromLastCommonPeriod(CentredReturns centred, int i, int j, double retention) {
        double[][] presence = centred.presence();
        double[][] values = centred.values();
        int last = values.length - 1;
        while (presence[last][i] == 0.0 || presence[last][j] == 0.0) {
            last--;
        }
        double weight = 1.0;
        double weightedSum = 0.0;
        double weightSum = 0.0;
        for (int p = last; p >= 0; p--) {
            if (presence[p][i] != 0.0 && presence[p][j] != 0.0) {
                weightedSum += weight * values[p][i] * values[p][j];
                weightSum += weight;
            }
            weight *= retention;
        }
        return weightedSum / weightSum;
    }

    private static double[][] scaledRows(double[][] rows, double[] factors) {
        double[][] scaled = new double[rows.length][];
        for (int p = 0; p < rows.length; p++) {
            double[] row = rows[p];
            double[] out = new double[row.length];
            for (int a = 0; a < row.length; a++) {
                out[a] = row[a] * factors[p];
            }
            scaled[p] = out;
        }
        return scaled;
    }
}
