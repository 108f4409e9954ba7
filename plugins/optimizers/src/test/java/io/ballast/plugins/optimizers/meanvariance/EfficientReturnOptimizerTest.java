package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.StockPricesEstimates;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EfficientReturnOptimizerTest {

    private final EfficientReturnOptimizer optimizer = new EfficientReturnOptimizer();
    // minimum variance holds (0.75, 0.25), expected to return 0.125
    private final MarketEstimates twoAssets = SmallMarkets.withCommonCorrelation(new double[] {0.1, 0.2}, new double[] {0.2, 0.3}, 0.25);

    @Test
    void aBindingTargetPinsTwoAssetsToIt() {
        // with two assets μᵀw = target and Σw = 1 leave one portfolio: w1 = (target − μ2) / (μ1 − μ2) = 0.5
        TargetWeights weights = optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetReturn", 0.15)));

        assertThat(weights.weight("A")).isCloseTo(0.5, within(1e-12));
        assertThat(weights.weight("B")).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aTargetBelowTheMinimumVolatilityReturnGivesMinimumVolatility() {
        // PyPortfolioOpt's convention is μᵀw ≥ target, so the constraint does not bind
        TargetWeights weights = optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetReturn", 0.11)));

        assertThat(weights.weight("A")).isCloseTo(0.75, within(1e-12));
    }

    @Test
    void theHighestAchievableTargetHoldsTheBestAssetAlone() {
        // PyPortfolioOpt's test_efficient_return_max: long-only, a target equal to the best asset's return
        MarketEstimates estimates = StockPricesEstimates.load();
        double[] returns = estimates.expectedAnnualReturns();
        int best = 0;
        for (int i = 0; i < returns.length; i++) {
            best = returns[i] > returns[best] ? i : best;
        }

        TargetWeights weights = optimizer.optimize(SmallMarkets.request(estimates, WeightConstraints.longOnly(),
                Map.of("targetReturn", returns[best])));

        assertThat(weights.weight(estimates.assets().get(best))).isCloseTo(1, within(1e-9));
    }

    @Test
    void theTargetIsMetOnTheStockData() {
        // PyPortfolioOpt's test_efficient_return_many_values
        MarketEstimates estimates = StockPricesEstimates.load();
        for (double target = 0.25; target < 0.28; target += 0.01) {
            TargetWeights weights = optimizer.optimize(SmallMarkets.request(estimates, WeightConstraints.longOnly(), Map.of("targetReturn", target)));
            assertThat(Performance.of(weights, estimates, 0.02).expectedReturn()).isCloseTo(target, within(1e-10));
        }
    }

    @Test
    void refusesATargetAboveTheBestAsset() {
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetReturn", 0.25))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.targetReturn is 0.25, above 0.2, the highest expected return of any portfolio within the constraints");
    }

    @Test
    void refusesATargetAboveWhatTheBoundsAllow() {
        // at most 60% in B: the highest return is 0.6 × 0.2 + 0.4 × 0.1 = 0.16
        WeightConstraints capped = WeightConstraints.longOnly().withBounds(0, 0.6);

        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, capped, Map.of("targetReturn", 0.18))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameters.targetReturn is 0.18, above 0.16")
                .hasMessageEndingWith(", the highest expected return of any portfolio within the constraints");
    }

    @Test
    void requiresTheTarget() {
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameters.targetReturn is required by efficient-return");
    }

    @Test
    void refusesATargetThatIsNotANumber() {
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetReturn", "high"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.targetReturn must be a number, not high (String)");
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(),
                Map.of("targetReturn", Double.POSITIVE_INFINITY))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.targetReturn must be a finite number, not Infinity");
    }

    @Test
    void declaresItsTarget() {
        assertThat(optimizer.parameters()).singleElement().satisfies(spec -> {
            assertThat(spec.name()).isEqualTo("targetReturn");
            assertThat(spec.defaultValue()).isEmpty();
        });
    }
}
