package io.ballast.plugins.optimizers;

import io.ballast.api.optimizer.Optimizer;
import io.ballast.plugins.optimizers.heuristic.InverseVolatilityOptimizer;
import io.ballast.plugins.optimizers.meanvariance.EfficientReturnOptimizer;
import io.ballast.plugins.optimizers.meanvariance.EfficientRiskOptimizer;
import io.ballast.plugins.optimizers.meanvariance.KellyOptimizer;
import io.ballast.plugins.optimizers.meanvariance.MaximumDiversificationOptimizer;
import io.ballast.plugins.optimizers.meanvariance.MaximumSharpeOptimizer;
import io.ballast.plugins.optimizers.meanvariance.MinimumVolatilityOptimizer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The optimizers this plugin carries, by id, for optimizers that run another one on their own
 * estimates (Black-Litterman optimizes its posterior with any of them). The platform finds the
 * same classes through their {@code @Extension} annotations, not through this catalogue.
 */
public final class OptimizerCatalogue {

    private static final Map<String, Supplier<Optimizer>> BUILT_IN = new TreeMap<>(Map.<String, Supplier<Optimizer>>of(
            // entries: "id", ClassName::new (each optimizer package adds its own)
            "efficient-return", EfficientReturnOptimizer::new,
            "efficient-risk", EfficientRiskOptimizer::new,
            "inverse-volatility", InverseVolatilityOptimizer::new,
            "kelly", KellyOptimizer::new,
            "max-diversification", MaximumDiversificationOptimizer::new,
            "max-sharpe", MaximumSharpeOptimizer::new,
            "min-volatility", MinimumVolatilityOptimizer::new
    ));

    private OptimizerCatalogue() {
    }

    public static Optional<Optimizer> optimizer(String id) {
        return Optional.ofNullable(BUILT_IN.get(id)).map(Supplier::get);
    }

    public static java.util.Set<String> ids() {
        return BUILT_IN.keySet();
    }
}
