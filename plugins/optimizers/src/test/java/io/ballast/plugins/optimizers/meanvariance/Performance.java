package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.TargetWeights;

/**
 * A portfolio's annual expected return, volatility and Sharpe ratio, computed here from its weights
 * the way PyPortfolioOpt's {@code portfolio_performance} does, to compare with published values.
 */
record Performance(double expectedReturn, double volatility, double sharpe) {

    static Performance of(TargetWeights weights, MarketEstimates estimates, double riskFreeRate) {
        double[] w = weightsOf(weights, estimates);
        double[] mu = estimates.expectedAnnualReturns();
        double[][] sigma = estimates.annualCovariance();
        double expected = 0;
        double variance = 0;
        for (int i = 0; i < w.length; i++) {
            expected += mu[i] * w[i];
            for (int j = 0; j < w.length; j++) {
                variance += w[i] * sigma[i][j] * w[j];
            }
        }
        double volatility = Math.sqrt(variance);
        return new Performance(expected, volatility, (expected - riskFreeRate) / volatility);
    }

    static double[] weightsOf(TargetWeights weights, MarketEstimates estimates) {
        return estimates.assets().stream().mapToDouble(weights::weight).toArray();
    }
}
