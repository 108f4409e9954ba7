package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MinimumVolatilityOptimizerTest {

    private final MinimumVolatilityOptimizer optimizer = new MinimumVolatilityOptimizer();

    @Test
    void twoAssetsTakeTheClosedFormWeights() {
        // w1 = (σ2² − σ12) / (σ1² + σ2² − 2σ12) with σ1 = 0.2, σ2 = 0.3, ρ = 0.25: σ12 = 0.015, w1 = 0.075 / 0.1
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0.1, 0.2}, new double[] {0.2, 0.3}, 0.25);

        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));

        assertThat(weights.weight("A")).isCloseTo(0.75, within(1e-12));
        assertThat(weights.weight("B")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void twoAssetsShortTheRiskierWhenShortsAreAllowed() {
        // σ1 = 0.1, σ2 = 0.3, ρ = 0.8: σ12 = 0.024, w1 = (0.09 − 0.024) / (0.01 + 0.09 − 0.048) = 0.066 / 0.052 = 33/26
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0.1, 0.2}, new double[] {0.1, 0.3}, 0.8);

        TargetWeights shorts = optimizer.optimize(SmallMarkets.request(estimates, WeightConstraints.longOnly().withBounds(-1, 2), Map.of()));
        TargetWeights longOnly = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));

        assertThat(shorts.weight("A")).isCloseTo(33.0 / 26, within(1e-12));
        assertThat(shorts.weight("B")).isCloseTo(-7.0 / 26, within(1e-12));
        // the variance falls all the way to w1 = 33/26, so long-only stops at the corner
        assertThat(longOnly.weight("A")).isEqualTo(1.0);
        assertThat(longOnly.weight("B")).isZero();
    }

    @Test
    void l2RegularisationActsAsAddedVariance() {
        // w'Σw + γ‖w‖² = w'(Σ + γI)w: the closed form with σ1² + γ and σ2² + γ, γ = 0.05: (0.14 − 0.015) / 0.2
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0.1, 0.2}, new double[] {0.2, 0.3}, 0.25);

        TargetWeights weights = optimizer.optimize(
                SmallMarkets.request(estimates, WeightConstraints.longOnly().withL2Regularisation(0.05), Map.of()));

        assertThat(weights.weight("A")).isCloseTo(0.625, within(1e-12));
    }

    @Test
    void manyAssetsMeetTheOptimalityConditions() {
        // long-only minimum variance on 150 assets, solved by screening: the KKT conditions certify it independently
        MarketEstimates estimates = SmallMarkets.factorModel(150, 7);

        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));

        OptimalityCertificate.assertBudgetAndBoxOptimal(estimates, Performance.weightsOf(weights, estimates), 0, 1);
        assertThat(weights.weightByAsset().values().stream().filter(w -> w > 0).count()).isBetween(5L, 100L);
    }

    @Test
    void manyAssetsWithATightCapMeetTheOptimalityConditions() {
        MarketEstimates estimates = SmallMarkets.factorModel(150, 11);

        TargetWeights weights = optimizer.optimize(
                SmallMarkets.request(estimates, WeightConstraints.longOnly().withBounds(0, 0.03), Map.of()));

        double[] w = Performance.weightsOf(weights, estimates);
        OptimalityCertificate.assertBudgetAndBoxOptimal(estimates, w, 0, 0.03);
        assertThat(java.util.Arrays.stream(w).filter(x -> Math.abs(x - 0.03) < 1e-12).count()).as("assets at the cap").isGreaterThan(5);
    }

    @Test
    void aMinimumWeightKeepsEveryAssetAtOrAboveIt() {
        MarketEstimates estimates = SmallMarkets.factorModel(60, 3);

        TargetWeights weights = optimizer.optimize(
                SmallMarkets.request(estimates, WeightConstraints.longOnly().withBounds(0.01, 1), Map.of()));

        OptimalityCertificate.assertBudgetAndBoxOptimal(estimates, Performance.weightsOf(weights, estimates), 0.01, 1);
    }

    @Test
    void expectedReturnsAreNotNeeded() {
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {Double.NaN, Double.NaN},
                new double[][] {{0.04, 0.015}, {0.015, 0.09}});

        assertThat(optimizer.optimize(OptimizationRequest.of(estimates, 0.02)).weight("A")).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void refusesARequestWithoutEstimates() {
        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(List.of("A", "B"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("estimates: min-volatility needs expected returns and a covariance matrix");
    }

    @Test
    void refusesACovarianceThatIsNotPositiveSemidefinite() {
        // correlation 1.5 is impossible: the matrix has a negative eigenvalue
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {0.1, 0.1},
                new double[][] {{0.04, 0.09}, {0.09, 0.09}});

        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(estimates, 0.02)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("estimates.annualCovariance is not positive semidefinite");
    }

    @Test
    void declaresNoParameters() {
        assertThat(optimizer.id()).isEqualTo("min-volatility");
        assertThat(optimizer.parameters()).isEmpty();
        assertThat(optimizer.description()).isNotBlank();
    }
}
