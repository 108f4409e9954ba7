package io.ballast.plugins.equalweight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import java.util.List;
import org.junit.jupiter.api.Test;

class EqualWeightOptimizerTest {

    private final EqualWeightOptimizer optimizer = new EqualWeightOptimizer();

    @Test
    void fourAssetsGetAQuarterEach() {
        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(List.of("AAA", "BBB", "CCC", "DDD")));

        assertThat(weights.weightByAsset()).containsOnlyKeys("AAA", "BBB", "CCC", "DDD");
        assertThat(weights.weight("AAA")).isEqualTo(0.25);
        assertThat(weights.weight("DDD")).isEqualTo(0.25);
    }

    @Test
    void threeAssetsSumToOneDespiteRoundOff() {
        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(List.of("X", "Y", "Z")));

        assertThat(weights.weight("Y")).isCloseTo(1.0 / 3.0, within(1e-15));
        assertThat(weights.weightByAsset().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aSingleAssetHoldsEverything() {
        assertThat(optimizer.optimize(OptimizationRequest.of(List.of("ONLY"))).weight("ONLY")).isEqualTo(1.0);
    }

    @Test
    void anAssetOutsideTheUniverseHasNoWeight() {
        assertThat(optimizer.optimize(OptimizationRequest.of(List.of("A", "B"))).weight("C")).isZero();
    }
}
