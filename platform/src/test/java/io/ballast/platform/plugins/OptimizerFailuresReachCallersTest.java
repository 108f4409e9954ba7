package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.optimizerSource;
import static io.ballast.platform.plugins.TestPluginJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.problem.ServiceUnavailableException;
import io.ballast.platform.quant.estimate.EstimationSettings;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the portfolio-construction stage makes of a plugin's failure: a plugin refusing the input
 * is the caller's 422 naming the method; a plugin that breaks is a 503 naming the plugin, never a
 * bare 500 and never a portfolio.
 */
class OptimizerFailuresReachCallersTest {

    private static final PriceHistory PRICES = new PriceHistory(
            List.of(LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 7)),
            Map.of("A", new double[] {10, 10.5, 10.2, 10.4}, "B", new double[] {20, 19.5, 20.5, 21}));

    @TempDir
    Path plugins;

    @Test
    void aBrokenPluginIsServiceUnavailableAndARefusalIsTheCallersInput() {
        plugin("test-boom").extension("test.boom.BoomOptimizer",
                optimizerSource("test.boom", "BoomOptimizer", "boom", "throw new IllegalStateException(\"kaboom\");"))
                .writeTo(plugins.resolve("boom.jar"));
        plugin("test-picky").extension("test.picky.PickyOptimizer", optimizerSource("test.picky", "PickyOptimizer", "picky",
                "throw new IllegalArgumentException(\"assets: needs at least 3, got \" + request.assets().size());"))
                .writeTo(plugins.resolve("picky.jar"));
        try (PluginHost host = PluginHost.start(plugins)) {
            PortfolioConstruction construction = new PortfolioConstruction(host::optimizer,
                    () -> host.optimizers().stream().map(Optimizer::id).toList());

            assertThatThrownBy(() -> construction.optimize(request("boom")))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessage("plugin test-boom 1.0.0, optimizer boom: optimize failed: IllegalStateException: kaboom");
            assertThatThrownBy(() -> construction.optimize(request("picky")))
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                        assertThat(refused.field()).isEqualTo("method");
                        assertThat(refused.problem()).isEqualTo("picky cannot optimize this request: assets: needs at least 3, got 2");
                    });
        }
    }

    private static ConstructionRequest request(String method) {
        return new ConstructionRequest(method, PRICES, EstimationSettings.defaults(), 0.02, WeightConstraints.longOnly(),
                MarketViews.none(), Map.of());
    }
}
