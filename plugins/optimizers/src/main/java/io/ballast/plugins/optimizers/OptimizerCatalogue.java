package io.ballast.plugins.optimizers;

import io.ballast.api.optimizer.Optimizer;
import io.ballast.plugins.optimizers.blacklitterman.BlackLittermanOptimizer;
import io.ballast.plugins.optimizers.heuristic.InverseVolatilityOptimizer;
import io.ballast.plugins.optimizers.hrp.HierarchicalRiskParityOptimizer;
import io.ballast.plugins.optimizers.meanvariance.EfficientReturnOptimizer;
import io.ballast.plugins.optimizers.meanvariance.EfficientRiskOptimizer;
import io.ballast.plugins.optimizers.meanvariance.KellyOptimizer;
import io.ballast.plugins.optimizers.meanvariance.MaximumDiversificationOptimizer;
import io.ballast.plugins.optimizers.meanvariance.MaximumSharpeOptimizer;
import io.ballast.plugins.optimizers.meanvariance.MinimumVolatilityOptimizer;
import io.ballast.plugins.optimizers.riskparity.RiskParityOptimizer;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The optimizers this plugin carries, by id, for optimizers that run another one on their own
 * estimates (Black-Litterman optimizes its posterior with any of them). The platform finds the
 * same classes through their {@code @Extension} annotations, not through this catalogue.
 */
public final class OptimizerCatalogue {

    private static final Map<String, Supplier<Optimizer>> BUILT_IN = new TreeMap<>(Map.<String, Supplier<Optimizer>>ofEntries(
            Map.entry("black-litterman", BlackLittermanOptimizer::new),
            Map.entry("efficient-return", EfficientReturnOptimizer::new),
            Map.entry("efficient-risk", EfficientRiskOptimizer::new),
            Map.entry("hrp", HierarchicalRiskParityOptimizer::new),
            Map.entry("inverse-volatility", InverseVolatilityOptimizer::new),
            Map.entry("kelly", KellyOptimizer::new),
            Map.entry("max-diversification", MaximumDiversificationOptimizer::new),
            Map.entry("max-sharpe", MaximumSharpeOptimizer::new),
            Map.entry("min-volatility", MinimumVolatilityOptimizer::new),
            Map.entry("risk-parity", RiskParityOptimizer::new)));

    private OptimizerCatalogue() {
    }

    public static Optional<Optimizer> optimizer(String id) {
        return Optional.ofNullable(BUILT_IN.get(id)).map(Supplier::get);
    }

    public static Set<String> ids() {
        return BUILT_IN.keySet();
    }
}
