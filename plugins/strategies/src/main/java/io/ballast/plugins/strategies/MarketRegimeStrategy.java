package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.util.List;
import org.pf4j.Extension;

/**
 * A market-regime classifier: BULL, BEAR, SIDEWAYS or HIGH_VOLATILITY, with a confidence, for risk
 * rules and other strategies to read from {@link StrategyOutput#regime()}. The market is the
 * {@code benchmark} asset when one is named (it need not be in the universe, only in the price
 * history), otherwise the universe held in equal weights. The rules, windows and thresholds are
 * those of {@link RegimeRules}; the measures those of {@link RegimeMeasures}.
 */
@Extension
public class MarketRegimeStrategy implements Strategy {

    static final ParameterSpec BENCHMARK = ParameterSpecs.textSpec("benchmark",
            "Asset whose closes are the market (e.g. SPY); empty for the equal-weighted universe, rebalanced daily", "");

    @Override
    public String id() {
        return "market-regime";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Market regime: bull, bear, sideways or high volatility, from the close against its 200-day average, the 50-day slope"
                + " and the 21-day volatility's rank in its 3-year history; of a benchmark or the equal-weighted universe.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(BENCHMARK, RegimeRules.TREND_DAYS, RegimeRules.SLOPE_DAYS, RegimeRules.VOLATILITY_DAYS,
                RegimeRules.VOLATILITY_HISTORY_DAYS, RegimeRules.TREND_BAND, RegimeRules.MIN_ANNUAL_SLOPE,
                RegimeRules.HIGH_VOLATILITY_PERCENTILE);
    }

    @Override
    public StrategyOutput evaluate(StrategyContext context) {
        ParameterValues parameters = ParameterValues.read(this, context.parameters());
        RegimeRules rules = RegimeRules.read(parameters);
        String benchmark = parameters.optionalText(BENCHMARK.name()).orElse("");
        if (!benchmark.isEmpty() && !context.prices().assets().contains(benchmark)) {
            throw ParameterValues.invalid(BENCHMARK.name(), "must name an asset of the price history " + context.prices().assets()
                    + ", got " + benchmark);
        }
        CloseSeries market = (benchmark.isEmpty() ? CloseSeries.equalWeightedIndex(context) : CloseSeries.of(context, benchmark))
                .requireAtLeast(rules.requiredCloses(), id(), rules.requirement());
        return StrategyOutput.ofRegime(rules.classify(RegimeMeasures.measure(market, rules, context.periodsPerYear())));
    }
}
