package io.ballast.platform.construction;

import io.ballast.api.optimizer.TargetWeights;
import java.util.Map;

/**
 * An optimizer's answer with the performance its own estimates expect of it.
 *
 * @param method      the optimizer id that built it
 * @param weights     the target weights, in the order of the universe
 * @param performance annualised expected return, volatility and Sharpe ratio
 */
public record OptimizedPortfolio(String method, TargetWeights weights, PortfolioPerformance performance) {

    /** The shape the CLI prints and the REST API answers, under the names the issue gave them. */
    public Published published() {
        return new Published(method, weights.weightByAsset(), new Published.Performance(performance.expectedAnnualReturn(),
                performance.annualVolatility(), performance.sharpeRatio()));
    }

    /**
     * {@code {"method", "weights": {asset: weight}, "performance": {"expectedReturn", "volatility",
     * "sharpe"}}}: annual fractions, the Sharpe ratio null for a riskless portfolio.
     */
    public record Published(String method, Map<String, Double> weights, Performance performance) {

        public record Performance(double expectedReturn, double volatility, Double sharpe) {}
    }
}
