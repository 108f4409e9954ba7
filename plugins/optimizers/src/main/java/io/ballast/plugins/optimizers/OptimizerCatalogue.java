package io.ballast.plugins.optimizers;

import io.ballast.api.optimizer.Optimizer;
import io.ballast.plugins.optimizers.blacklitterman.BlackLittermanOptimizer;
import io.ballast.plugins.optimizers.hrp.HierarchicalRiskParityOptimizer;
import io.ballast.plugins.optimizers.riskparity.RiskParityOptimizer;
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
            "black-litterman", BlackLittermanOptimizer::new,
            "hrp", HierarchicalRiskParityOptimizer::new,
            "risk-parity", RiskParityOptimizer::new
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
