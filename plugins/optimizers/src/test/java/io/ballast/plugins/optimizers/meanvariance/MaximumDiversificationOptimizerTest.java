package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MaximumDiversificationOptimizerTest {

    private final MaximumDiversificationOptimizer optimizer = new MaximumDiversificationOptimizer();

    @Test
    void uncorrelatedAssetsAreWeightedByInverseVolatility() {
        // the unconstrained answer is ∝ Σ⁻¹σ = (1/σ_i): σ = (0.1, 0.2, 0.4) gives (10, 5, 2.5) / 17.5
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0, 0, 0}, new double[] {0.1, 0.2, 0.4}, 0);

        assertInverseVolatility(optimizer.optimize(OptimizationRequest.of(estimates, 0.02)));
    }

    @Test
    void oneCorrelationSharedByAllPairsStillGivesInverseVolatility() {
        // Σ = D(ρ11ᵀ + (1 − ρ)I)D and σ = D1: Σ⁻¹σ = D⁻¹(ρ11ᵀ + (1 − ρ)I)⁻¹1, and 1 is an eigenvector, so ∝ D⁻¹1
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0, 0, 0}, new double[] {0.1, 0.2, 0.4}, 0.3);

        assertInverseVolatility(optimizer.optimize(OptimizationRequest.of(estimates, 0.02)));
    }

    @Test
    void aCapIsHonouredAndTheRestMaximisesTheRatio() {
        // A capped at 0.4 (unconstrained it would hold 4/7); with w = (0.4, b, 0.6 − b), uncorrelated, the ratio is
        // (0.28 − 0.2b) / √(0.2b² − 0.192b + 0.0592), whose log-derivative vanishes where −0.0736b + 0.03008 = 0: b = 47/115
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0, 0, 0}, new double[] {0.1, 0.2, 0.4}, 0);

        TargetWeights weights = optimizer.optimize(SmallMarkets.request(estimates, WeightConstraints.longOnly().withAssetBounds("A", 0, 0.4), Map.of()));

        assertThat(weights.weight("A")).isCloseTo(0.4, within(1e-12));
        assertThat(weights.weight("B")).isCloseTo(47.0 / 115, within(1e-12));
        assertThat(weights.weight("C")).isCloseTo(22.0 / 115, within(1e-12));
    }

    @Test
    void expectedReturnsAreNotNeeded() {
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {Double.NaN, Double.NaN},
                new double[][] {{0.01, 0}, {0, 0.04}});

        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));

        assertThat(weights.weight("A")).isCloseTo(2.0 / 3, within(1e-12));
    }

    private static void assertInverseVolatility(TargetWeights weights) {
        assertThat(weights.weight("A")).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(weights.weight("B")).isCloseTo(2.0 / 7, within(1e-12));
        assertThat(weights.weight("C")).isCloseTo(1.0 / 7, within(1e-12));
    }
}
