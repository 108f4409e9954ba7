package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.StockPricesEstimates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Constraints honoured by the optimizers: each binding limit holds within round-off, and the
 * optimum under it matches a second method ({@link DirectModel}, the problem written out whole).
 */
class ConstrainedOptimizationTest {

    private static final double RISK_FREE_RATE = 0.02;
    /** PyPortfolioOpt's sector map for stock_prices.csv (tests/test_efficient_frontier.py). */
    private static final Map<String, String> SECTORS = Map.ofEntries(Map.entry("GOOG", "tech"), Map.entry("AAPL", "tech"),
            Map.entry("FB", "tech"), Map.entry("AMZN", "tech"), Map.entry("BABA", "tech"), Map.entry("GE", "utility"),
            Map.entry("AMD", "tech"), Map.entry("WMT", "retail"), Map.entry("BAC", "fig"), Map.entry("GM", "auto"),
            Map.entry("T", "auto"), Map.entry("UAA", "airline"), Map.entry("SHLD", "retail"), Map.entry("XOM", "energy"),
            Map.entry("RRC", "energy"), Map.entry("BBY", "retail"), Map.entry("MA", "fig"), Map.entry("PFE", "pharma"),
            Map.entry("JPM", "fig"), Map.entry("SBUX", "retail"));
    /** Caps below what the unconstrained portfolios hold in retail, pharma and tech, so they bind. */
    private static final Map<String, Double> CAPS = Map.of("retail", 0.15, "pharma", 0.1, "tech", 0.15, "airline", 0.05);

    private final MarketEstimates stocks = StockPricesEstimates.load();

    @Test
    void sectorCapsBindInMinimumVolatility() {
        WeightConstraints constraints = WeightConstraints.longOnly().withSectorCaps(SECTORS, CAPS);

        TargetWeights weights = new MinimumVolatilityOptimizer().optimize(request(stocks, constraints));

        assertSectorsWithinCaps(weights);
        assertThat(sectorWeight(weights, "retail")).isCloseTo(0.15, within(1e-9));
        assertThat(variance(weights, stocks)).isCloseTo(DirectModel.leastVariance(stocks, constraints), within(1e-10));
    }

    @Test
    void sectorCapsBindInMaximumSharpe() {
        WeightConstraints constraints = WeightConstraints.longOnly().withSectorCaps(SECTORS, CAPS);

        TargetWeights weights = new MaximumSharpeOptimizer().optimize(request(stocks, constraints));

        assertSectorsWithinCaps(weights);
        assertThat(sectorWeight(weights, "tech")).isCloseTo(0.15, within(1e-9));
        assertThat(Performance.of(weights, stocks, RISK_FREE_RATE).sharpe())
                .isCloseTo(DirectModel.highestSharpe(stocks, constraints, RISK_FREE_RATE), within(1e-8));
    }

    @Test
    void sectorCapsHoldAtATargetVolatility() {
        // PyPortfolioOpt's test_efficient_risk_sector_constraints_auto, with the caps above
        WeightConstraints constraints = WeightConstraints.longOnly().withSectorCaps(SECTORS, CAPS);

        TargetWeights weights = new EfficientRiskOptimizer().optimize(request(stocks, constraints).withParameters(Map.of("targetVolatility", 0.19)));

        assertSectorsWithinCaps(weights);
        assertThat(Performance.of(weights, stocks, RISK_FREE_RATE).volatility()).isCloseTo(0.19, within(1e-8));
    }

    @Test
    void aTargetReturnTheSectorCapsPutOutOfReachIsRefusedNamingTheHighest() {
        // three assets, B and C in one sector capped at 0.5: the best is 0.5 in C and 0.5 in A, 0.05 + 0.15 = 0.2
        MarketEstimates three = new MarketEstimates(List.of("A", "B", "C"), new double[] {0.1, 0.2, 0.3},
                new double[][] {{0.04, 0, 0}, {0, 0.04, 0}, {0, 0, 0.04}});
        WeightConstraints constraints = WeightConstraints.longOnly().withSectorCaps(Map.of("B", "x", "C", "x"), Map.of("x", 0.5));

        assertThatThrownBy(() -> new EfficientReturnOptimizer().optimize(request(three, constraints).withParameters(Map.of("targetReturn", 0.25))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.targetReturn is 0.25, above 0.2, the highest expected return of any portfolio within the constraints");
    }

    @Test
    void turnoverLimitBindsInMinimumVolatility() {
        // from equal weights, minimum volatility would trade far more than 0.3
        WeightConstraints constraints = WeightConstraints.longOnly().withTurnoverLimit(0.3, equalWeights(stocks.assets()));

        TargetWeights weights = new MinimumVolatilityOptimizer().optimize(request(stocks, constraints));

        assertThat(turnover(weights, constraints.currentWeights())).isCloseTo(0.3, within(1e-8));
        assertThat(variance(weights, stocks)).isCloseTo(DirectModel.leastVariance(stocks, constraints), within(1e-10));
    }

    @Test
    void turnoverLimitBindsInMaximumSharpe() {
        WeightConstraints constraints = WeightConstraints.longOnly().withTurnoverLimit(0.3, equalWeights(stocks.assets()));

        TargetWeights weights = new MaximumSharpeOptimizer().optimize(request(stocks, constraints));

        assertThat(turnover(weights, constraints.currentWeights())).isCloseTo(0.3, within(1e-8));
        assertThat(Performance.of(weights, stocks, RISK_FREE_RATE).sharpe())
                .isCloseTo(DirectModel.highestSharpe(stocks, constraints, RISK_FREE_RATE), within(1e-8));
    }

    @Test
    void sellingPositionsOutsideTheUniverseCountsAsTurnover() {
        // half the book is in an asset outside the universe: selling it trades 0.5 of the 1.3 allowed, and investing
        // that half in the universe trades at least 0.5 more
        Map<String, Double> current = Map.of("GOOG", 0.5, "OUTSIDE", 0.5);
        WeightConstraints constraints = WeightConstraints.longOnly().withTurnoverLimit(1.3, current);

        TargetWeights weights = new MinimumVolatilityOptimizer().optimize(request(stocks, constraints));

        assertThat(turnover(weights, current) + 0.5).isCloseTo(1.3, within(1e-8));
        assertThat(variance(weights, stocks)).isCloseTo(DirectModel.leastVariance(stocks, constraints), within(1e-10));
    }

    @Test
    void maximumPositionCapsLongsAndShorts() {
        WeightConstraints constraints = WeightConstraints.longOnly().withBounds(-1, 1).withMaxPosition(0.1);

        TargetWeights weights = new MinimumVolatilityOptimizer().optimize(request(stocks, constraints));

        assertThat(weights.weightByAsset().values()).allSatisfy(w -> assertThat(Math.abs(w)).isLessThanOrEqualTo(0.1));
        assertThat(weights.weightByAsset().values()).anySatisfy(w -> assertThat(w).isEqualTo(0.1));
        assertThat(variance(weights, stocks)).isCloseTo(DirectModel.leastVariance(stocks, constraints), within(1e-10));
    }

    @Test
    void perAssetBoundsHold() {
        WeightConstraints constraints = WeightConstraints.longOnly().withAssetBounds("AMZN", 0.2, 0.3).withAssetBounds("PFE", 0, 0.05);

        TargetWeights weights = new MaximumSharpeOptimizer().optimize(request(stocks, constraints));

        assertThat(weights.weight("AMZN")).isBetween(0.2, 0.3);
        assertThat(weights.weight("PFE")).isBetween(0.0, 0.05);
        assertThat(Performance.of(weights, stocks, RISK_FREE_RATE).sharpe())
                .isCloseTo(DirectModel.highestSharpe(stocks, constraints, RISK_FREE_RATE), within(1e-8));
    }

    @Test
    void everyConstraintAtOnceOnManyAssets() {
        // 80 assets: the screening solver's subproblems carry trades, sector rows and floors together
        MarketEstimates estimates = SmallMarkets.factorModel(80, 5);
        Map<String, String> sectors = new HashMap<>();
        Map<String, Double> current = new HashMap<>();
        List<String> assets = estimates.assets();
        for (int i = 0; i < assets.size(); i++) {
            sectors.put(assets.get(i), "sector" + i % 4);
            if (i % 10 == 0) {
                current.put(assets.get(i), 0.125);
            }
        }
        WeightConstraints constraints = WeightConstraints.longOnly().withBounds(0, 0.1).withAssetBounds(assets.get(3), 0.02, 0.1)
                .withSectorCaps(sectors, Map.of("sector0", 0.2, "sector1", 0.3)).withTurnoverLimit(1.2, current);

        TargetWeights minimum = new MinimumVolatilityOptimizer().optimize(request(estimates, constraints));
        TargetWeights sharpest = new MaximumSharpeOptimizer().optimize(request(estimates, constraints));

        assertThat(variance(minimum, estimates)).isCloseTo(DirectModel.leastVariance(estimates, constraints), within(1e-10));
        assertThat(Performance.of(sharpest, estimates, RISK_FREE_RATE).sharpe())
                .isCloseTo(DirectModel.highestSharpe(estimates, constraints, RISK_FREE_RATE), within(1e-8));
    }

    @Test
    void constraintsThatContradictEachOtherAreFoundByTheSolver() {
        // the book is all GOOG, tech is capped at 0.15: selling 0.85 and buying 0.85 elsewhere trades 1.7 > 1
        WeightConstraints constraints = WeightConstraints.longOnly().withSectorCaps(SECTORS, CAPS)
                .withTurnoverLimit(1, Map.of("GOOG", 1.0));

        for (Optimizer optimizer : List.<Optimizer>of(new MinimumVolatilityOptimizer(), new MaximumSharpeOptimizer(),
                new KellyOptimizer(), new MaximumDiversificationOptimizer())) {
            assertThatThrownBy(() -> optimizer.optimize(request(stocks, constraints)))
                    .as(optimizer.id())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("constraints: no portfolio meets all the constraints together (weight bounds, sector caps,"
                            + " turnover limit and any target)");
        }
    }

    @Test
    void boundsThatCannotSumToOneAreRefusedBeforeSolving() {
        // 20 assets: 20 × 0.0625 = 1.25 and 20 × 0.03125 = 0.625
        assertThatThrownBy(() -> new MinimumVolatilityOptimizer().optimize(request(stocks, WeightConstraints.longOnly().withBounds(0.0625, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints: the lower weight bounds (minWeight, minWeightByAsset) add up to 1.25 over the 20 assets,"
                        + " more than 1: no fully invested portfolio meets them");
        assertThatThrownBy(() -> new MaximumSharpeOptimizer().optimize(request(stocks, WeightConstraints.longOnly().withBounds(0, 0.03125))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints: the upper weight bounds (maxWeight, maxWeightByAsset, maxPosition) add up to 0.625 over"
                        + " the 20 assets, less than 1: no fully invested portfolio meets them");
    }

    private OptimizationRequest request(MarketEstimates estimates, WeightConstraints constraints) {
        return OptimizationRequest.of(estimates, RISK_FREE_RATE).withConstraints(constraints);
    }

    private void assertSectorsWithinCaps(TargetWeights weights) {
        CAPS.forEach((sector, cap) -> assertThat(sectorWeight(weights, sector)).as(sector).isLessThanOrEqualTo(cap + 1e-12));
    }

    private static double sectorWeight(TargetWeights weights, String sector) {
        return weights.weightByAsset().entrySet().stream().filter(e -> sector.equals(SECTORS.get(e.getKey())))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    private static Map<String, Double> equalWeights(List<String> assets) {
        Map<String, Double> weights = new HashMap<>();
        assets.forEach(asset -> weights.put(asset, 1.0 / assets.size()));
        return weights;
    }

    private static double turnover(TargetWeights weights, Map<String, Double> current) {
        return weights.weightByAsset().entrySet().stream()
                .mapToDouble(e -> Math.abs(e.getValue() - current.getOrDefault(e.getKey(), 0.0))).sum();
    }

    private static double variance(TargetWeights weights, MarketEstimates estimates) {
        double volatility = Performance.of(weights, estimates, RISK_FREE_RATE).volatility();
        return volatility * volatility;
    }
}
