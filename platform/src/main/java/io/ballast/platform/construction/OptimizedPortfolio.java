package io.ballast.platform.construction;

import io.ballast.api.optimizer.TargetWeights;

/**
 * An optimizer's answer with the performance its own estimates expect of it.
 *
 * @param method      the optimizer id that built it
 * @param weights     the target weights, in the order of the universe
 * @param performance annualised expected return, volatility and Sharpe ratio
 */
public record OptimizedPortfolio(String method, TargetWeights weights, PortfolioPerformance performance) {
}
