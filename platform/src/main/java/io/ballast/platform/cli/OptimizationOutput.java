package io.ballast.platform.cli;

import io.ballast.platform.construction.OptimizedPortfolio;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code optimize} prints: {@code {"method", "weights": {asset: weight}, "performance":
 * {"expectedReturn", "volatility", "sharpe"}}}, performance annualised with the caller's risk-free rate.
 */
record OptimizationOutput(String method, Map<String, Double> weights, Performance performance)
        implements OutputFormat.CommandOutput {

    record Performance(double expectedReturn, double volatility, Double sharpe) {}

    static OptimizationOutput of(OptimizedPortfolio portfolio) {
        return new OptimizationOutput(portfolio.method(), portfolio.weights().weightByAsset(), new Performance(
                portfolio.performance().expectedAnnualReturn(), portfolio.performance().annualVolatility(),
                portfolio.performance().sharpeRatio()));
    }

    @Override
    public Object json() {
        return this;
    }

    @Override
    public String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-12s %10s%n", "asset", "weight"));
        weights.forEach((asset, weight) -> table.append(String.format(Locale.ROOT, "%-12s %10.6f%n", asset, weight)));
        table.append(String.format(Locale.ROOT, "%nmethod             %s%n", method))
                .append(String.format(Locale.ROOT, "expected return    %.6f a year%n", performance.expectedReturn()))
                .append(String.format(Locale.ROOT, "volatility         %.6f a year%n", performance.volatility()))
                .append(performance.sharpe() == null ? "sharpe             n/a (no volatility)\n"
                        : String.format(Locale.ROOT, "sharpe             %.6f%n", performance.sharpe()));
        return table.toString();
    }
}
