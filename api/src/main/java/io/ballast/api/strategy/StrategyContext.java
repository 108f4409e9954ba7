package io.ballast.api.strategy;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.PortfolioValuation;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a strategy sees when it is evaluated.
 *
 * @param asOf           the day the strategy decides on; {@code prices} ends on or before it (no look-ahead)
 * @param universe       the assets the strategy may speak about, unique; each has a column in {@code prices}
 * @param prices         daily closes of the universe (and possibly more assets), NaN where missing
 * @param periodsPerYear trading days per year, for annualising: 252 for equities, 365 for crypto
 * @param portfolio      the portfolio the output is for, valued at the last closes; empty when the
 *                       strategy runs for a bare universe (research, a backtest without holdings)
 * @param parameters     the caller's strategy-specific parameters, already validated against the
 *                       strategy's {@link io.ballast.api.plugin.ParameterSpec}s
 */
public record StrategyContext(
        LocalDate asOf,
        List<String> universe,
        PriceHistory prices,
        int periodsPerYear,
        Optional<PortfolioValuation> portfolio,
        Map<String, Object> parameters) {

    public StrategyContext {
        Objects.requireNonNull(asOf, "asOf");
        universe = List.copyOf(Objects.requireNonNull(universe, "universe"));
        Objects.requireNonNull(prices, "prices");
        Objects.requireNonNull(portfolio, "portfolio");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (universe.isEmpty()) {
            throw new IllegalArgumentException("universe must not be empty");
        }
        if (new LinkedHashSet<>(universe).size() != universe.size()) {
            throw new IllegalArgumentException("universe must be unique: " + universe);
        }
        List<String> priced = prices.assets();
        for (String asset : universe) {
            if (!priced.contains(asset)) {
                throw new IllegalArgumentException("universe asset " + asset + " has no column in the price history");
            }
        }
        if (!prices.dates().isEmpty() && prices.dates().getLast().isAfter(asOf)) {
            throw new IllegalArgumentException("the price history runs to " + prices.dates().getLast()
                    + ", after asOf " + asOf + ": a strategy must not see the future");
        }
        if (periodsPerYear < 1 || periodsPerYear > 366) {
            throw new IllegalArgumentException("periodsPerYear must be between 1 and 366, got " + periodsPerYear);
        }
    }

    /**
     * The portfolio's current weight of each priced holding, a fraction of its net asset value
     * (0.25 is 25%; negative for a short); empty without a portfolio. Unpriced holdings are left out.
     */
    public Map<String, Double> currentWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        portfolio.ifPresent(valuation -> {
            for (HoldingValuation holding : valuation.holdings()) {
                if (holding.weight() != null) {
                    weights.put(holding.asset(), holding.weight().doubleValue());
                }
            }
        });
        return weights;
    }
}
