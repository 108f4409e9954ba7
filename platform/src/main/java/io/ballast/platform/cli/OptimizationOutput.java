package io.ballast.platform.cli;

import io.ballast.platform.construction.OptimizedPortfolio;
import java.util.Locale;

/** What {@code optimize} prints: the portfolio as published for JSON, its weights and performance for a table. */
record OptimizationOutput(OptimizedPortfolio.Published portfolio) implements OutputFormat.CommandOutput {

    static OptimizationOutput of(OptimizedPortfolio portfolio) {
        return new OptimizationOutput(portfolio.published());
    }

    @Override
    public Object json() {
        return portfolio;
    }

    @Override
    public String table() {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-12s %10s%n", "asset", "weight"));
        portfolio.weights().forEach((asset, weight) -> table.append(String.format(Locale.ROOT, "%-12s %10.6f%n", asset, weight)));
        table.append(String.format(Locale.ROOT, "%nmethod             %s%n", portfolio.method()))
                .append(String.format(Locale.ROOT, "expected return    %.6f a year%n", portfolio.performance().expectedReturn()))
                .append(String.format(Locale.ROOT, "volatility         %.6f a year%n", portfolio.performance().volatility()))
                .append(portfolio.performance().sharpe() == null ? "sharpe             n/a (no volatility)\n"
                        : String.format(Locale.ROOT, "sharpe             %.6f%n", portfolio.performance().sharpe()));
        return table.toString();
    }
}
