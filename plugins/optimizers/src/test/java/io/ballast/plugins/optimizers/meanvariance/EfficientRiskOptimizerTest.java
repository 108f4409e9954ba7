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

class EfficientRiskOptimizerTest {

    private final EfficientRiskOptimizer optimizer = new EfficientRiskOptimizer();
    private final MarketEstimates twoAssets = SmallMarkets.withCommonCorrelation(new double[] {0.1, 0.2}, new double[] {0.2, 0.3}, 0.25);

    @Test
    void twoAssetsTakeTheHigherReturnRootOfTheVarianceEquation() {
        // variance of (w, 1 − w) is 0.1w² − 0.15w + 0.09; = 0.25² at w = (0.15 ± √0.0115) / 0.2, and the
        // higher-return root holds more of B, the smaller w
        TargetWeights weights = optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetVolatility", 0.25)));

        assertThat(weights.weight("A")).isCloseTo((0.15 - Math.sqrt(0.0115)) / 0.2, within(1e-9));
    }

    @Test
    void aTargetAboveTheRiskiestEndGivesThatEnd() {
        // the highest-return portfolio is all B, at volatility 0.3; the target 0.35 does not bind
        TargetWeights weights = optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetVolatility", 0.35)));

        assertThat(weights.weight("B")).isCloseTo(1, within(1e-12));
    }

    @Test
    void theTargetVolatilityIsMetOnTheStockData() {
        // PyPortfolioOpt's test_efficient_risk_many_values (it allows 1e-5; this solver reaches 1e-8)
        MarketEstimates estimates = StockPricesEstimates.load();
        for (double target : new double[] {0.16, 0.21, 0.30}) {
            TargetWeights weights = optimizer.optimize(SmallMarkets.request(estimates, WeightConstraints.longOnly(),
                    Map.of("targetVolatility", target)));
            assertThat(Performance.of(weights, estimates, 0.02).volatility()).isCloseTo(target, within(EfficientRiskOptimizer.VOLATILITY_TOLERANCE));
        }
    }

    @Test
    void refusesATargetBelowTheMinimumVolatility() {
        // the minimum-volatility portfolio (0.75, 0.25) has variance 0.1 × 0.5625 − 0.15 × 0.75 + 0.09 = 0.03375
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetVolatility", 0.15))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameters.targetVolatility is 0.15, below 0.18371")
                .hasMessageEndingWith(", the lowest volatility of any portfolio within the constraints");
    }

    @Test
    void refusesANegativeOrMissingTarget() {
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of("targetVolatility", -0.1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.targetVolatility is -0.1, below its minimum 0.0");
        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(twoAssets, WeightConstraints.longOnly(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("parameters.targetVolatility is required by efficient-risk");
    }
}
