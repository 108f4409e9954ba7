package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.optimizer.Optimizer;
import io.ballast.plugins.optimizers.OptimizerCatalogue;
import io.ballast.plugins.optimizers.heuristic.InverseVolatilityOptimizer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mean-variance and heuristic optimizers are found both ways: by the catalogue and as PF4J extensions. */
class OptimizerCatalogueEntriesTest {

    private static final List<Class<? extends Optimizer>> OPTIMIZERS = List.of(MinimumVolatilityOptimizer.class,
            MaximumSharpeOptimizer.class, EfficientReturnOptimizer.class, EfficientRiskOptimizer.class,
            MaximumDiversificationOptimizer.class, KellyOptimizer.class, InverseVolatilityOptimizer.class);

    @Test
    void theCatalogueGivesEachOptimizerUnderItsOwnId() throws ReflectiveOperationException {
        for (Class<? extends Optimizer> type : OPTIMIZERS) {
            Optimizer optimizer = type.getConstructor().newInstance();
            assertThat(OptimizerCatalogue.optimizer(optimizer.id())).as(optimizer.id()).hasValueSatisfying(found -> assertThat(found).isInstanceOf(type));
            assertThat(optimizer.version()).isEqualTo("1.0.0");
        }
        assertThat(OptimizerCatalogue.ids()).contains("min-volatility", "max-sharpe", "efficient-return", "efficient-risk",
                "max-diversification", "kelly", "inverse-volatility").doesNotContain("equal-weight");
    }

    @Test
    void eachOptimizerIsIndexedAsAnExtension() throws IOException {
        // PF4J's annotation processor writes the index the platform's plugin manager reads (one for the
        // main classes, an empty one for the tests)
        StringBuilder indexed = new StringBuilder();
        for (URL index : Collections.list(getClass().getClassLoader().getResources("META-INF/extensions.idx"))) {
            try (InputStream in = index.openStream()) {
                indexed.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        OPTIMIZERS.forEach(type -> assertThat(indexed.toString()).contains(type.getName()));
    }
}
