package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small markets whose optimal portfolios are known in closed form, and random ones for certificates. */
final class SmallMarkets {

    private SmallMarkets() {
    }

    /** Estimates for assets A, B, C, ... from returns, volatilities and one correlation shared by every pair. */
    static MarketEstimates withCommonCorrelation(double[] expectedReturns, double[] volatilities, double correlation) {
        int n = volatilities.length;
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covariance[i][j] = (i == j ? 1 : correlation) * volatilities[i] * volatilities[j];
            }
        }
        return new MarketEstimates(names(n), expectedReturns, covariance);
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(n <= 26 ? String.valueOf((char) ('A' + i)) : "S" + i);
        }
        return names;
    }

    static OptimizationRequest request(MarketEstimates estimates, WeightConstraints constraints, Map<String, Object> parameters) {
        return OptimizationRequest.of(estimates, 0.02).withConstraints(constraints).withParameters(parameters);
    }

    /**
     * A seeded one-market-factor model, {@code Σ = BBᵀ + D}: every asset loads positively on the
     * market, so long-only minimum variance holds a minority of the assets, as with real stocks.
     */
    static MarketEstimates factorModel(int n, long seed) {
        Random random = new Random(seed);
        int factors = 4;
        double[][] loadings = new double[n][factors];
        for (double[] row : loadings) {
            row[0] = 0.15 * (1 + 0.3 * random.nextGaussian());
            for (int f = 1; f < factors; f++) {
                row[f] = 0.05 * random.nextGaussian();
            }
        }
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int f = 0; f < factors; f++) {
                    covariance[i][j] += loadings[i][f] * loadings[j][f];
                }
            }
            covariance[i][i] += 0.01 + 0.08 * random.nextDouble();
        }
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = 0.02 + 0.5 * loadings[i][0] + 0.05 * random.nextGaussian();
        }
        return new MarketEstimates(names(n), expected, covariance);
    }
}
