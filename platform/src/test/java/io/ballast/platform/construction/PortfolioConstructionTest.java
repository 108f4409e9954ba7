package io.ballast.platform.construction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.estimate.EstimationSettings;
import io.ballast.platform.quant.estimate.MarketEstimator;
import io.ballast.platform.quant.prices.PriceHistoryCsv;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The construction stage over the bundled optimizers, on four stocks of the public price file. */
class PortfolioConstructionTest {

    private static final List<String> FOUR = List.of("AAPL", "XOM", "JPM", "PFE");

    private static PluginHost host;
    private static PortfolioConstruction construction;
    private static PriceHistory prices;

    @BeforeAll
    static void start() {
        host = PluginHost.start(Path.of("target", "plugins"));
        construction = new PortfolioConstruction(host::optimizer, () -> host.optimizers().stream().map(Optimizer::id).toList());
        prices = PriceHistoryCsv.read(Path.of(System.getProperty("ballast.shared.data"), "stock_prices.csv")).select(FOUR);
    }

    @AfterAll
    static void stop() {
        host.close();
    }

    /**
     * From the minimum-volatility portfolio to the best single asset (long-only, the highest return
     * the bounds allow is all in the asset with the highest expected return): returns evenly
     * spaced, volatility rising with them, as a frontier does.
     */
    @Test
    void theFrontierRunsFromMinimumVolatilityToTheHighestReturnTheBoundsAllow() {
        MarketEstimates estimates = MarketEstimator.estimate(prices, EstimationSettings.defaults());
        double best = Arrays.stream(estimates.expectedAnnualReturns()).max().orElseThrow();

        List<OptimizedPortfolio> frontier = construction.frontier(request(WeightConstraints.longOnly()), 5);
        OptimizedPortfolio minimumVolatility = construction.optimize(request(WeightConstraints.longOnly())
                .withMethod("min-volatility", Map.of()));

        assertThat(frontier).hasSize(5);
        assertThat(frontier.get(0).performance().annualVolatility())
                .isCloseTo(minimumVolatility.performance().annualVolatility(), within(1e-12));
        assertThat(frontier.get(4).performance().expectedAnnualReturn()).isCloseTo(best, within(1e-8));
        double step = (best - frontier.get(0).performance().expectedAnnualReturn()) / 4;
        for (int point = 1; point < 5; point++) {
            assertThat(frontier.get(point).performance().expectedAnnualReturn() - frontier.get(point - 1).performance().expectedAnnualReturn())
                    .isCloseTo(step, within(1e-8));
            assertThat(frontier.get(point).performance().annualVolatility())
                    .isGreaterThan(frontier.get(point - 1).performance().annualVolatility());
        }
    }

    @Test
    void theFrontierIsNotTracedUnderSectorCapsItCannotReachTheEndOf() {
        WeightConstraints capped = WeightConstraints.longOnly()
                .withSectorCaps(Map.of("AAPL", "tech", "XOM", "energy"), Map.of("tech", 0.3));

        assertThatThrownBy(() -> construction.frontier(request(capped), 5))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.field()).isEqualTo("constraints"));
    }

    private static ConstructionRequest request(WeightConstraints constraints) {
        return new ConstructionRequest("efficient-return", prices, EstimationSettings.defaults(), 0.02, constraints,
                MarketViews.none(), Map.of());
    }
}
