package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KellyOptimizerTest {

    private final KellyOptimizer optimizer = new KellyOptimizer();
    // uncorrelated, σ² = (0.04, 0.09): full Kelly Σ⁻¹(μ − rf) with rf = 0.02 is (0.06 / 0.04, 0.045 / 0.09) = (1.5, 0.5)
    private final MarketEstimates twoAssets = SmallMarkets.withCommonCorrelation(new double[] {0.08, 0.065}, new double[] {0.2, 0.3}, 0);

    @Test
    void halfKellyThatIsFullyInvestedIsHalfTheFullKellyBet() {
        // f = 0.5: f·Σ⁻¹(μ − rf) = (0.75, 0.25) sums to 1, so the full-investment constraint does not bind
        TargetWeights weights = optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("kellyFraction", 0.5)));

        assertThat(weights.weight("A")).isCloseTo(0.75, within(1e-12));
        assertThat(weights.weight("B")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theDefaultIsHalfKelly() {
        TargetWeights weights = optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of()));

        assertThat(weights.weight("A")).isCloseTo(0.75, within(1e-12));
        assertThat(optimizer.parameters()).singleElement().satisfies(spec -> assertThat(spec.defaultValue()).contains(0.5));
    }

    @Test
    void fullKellyUnderFullInvestmentShiftsEveryExcessReturnByTheBudgetMultiplier() {
        // f = 1: w = Σ⁻¹(μ − ν1) with ν making Σw = 1: 1ᵀΣ⁻¹μ = 2 + 13/18 = 49/18, 1ᵀΣ⁻¹1 = 25 + 100/9 = 325/9,
        // ν = (49/18 − 1) / (325/9) = 31/650, w1 = (0.08 − 31/650) / 0.04 = 21/26
        TargetWeights weights = optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("kellyFraction", 1.0)));

        assertThat(weights.weight("A")).isCloseTo(21.0 / 26, within(1e-12));
        assertThat(weights.weight("B")).isCloseTo(5.0 / 26, within(1e-12));
    }

    @Test
    void theRiskFreeRateDropsOutUnderFullInvestment() {
        TargetWeights at2 = optimizer.optimize(OptimizationRequest.of(twoAssets, 0.02).withParameters(Map.of("kellyFraction", 1.0)));
        TargetWeights at7 = optimizer.optimize(OptimizationRequest.of(twoAssets, 0.07).withParameters(Map.of("kellyFraction", 1.0)));

        assertThat(at7.weight("A")).isCloseTo(at2.weight("A"), within(1e-12));
    }

    @Test
    void refusesAFractionOutsideItsRangeOrNotANumber() {
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("kellyFraction", 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.kellyFraction is 0.0, below its minimum 0.01");
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("kellyFraction", 1.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.kellyFraction is 1.5, above its maximum 1.0");
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("kellyFraction", true))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.kellyFraction must be a number, not true (Boolean)");
    }
}
