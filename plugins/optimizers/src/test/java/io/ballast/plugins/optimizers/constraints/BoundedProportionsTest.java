package io.ballast.plugins.optimizers.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BoundedProportionsTest {

    @Test
    void withoutBindingBoundsTheWeightsAreTheScoresOverTheirSum() {
        assertThat(BoundedProportions.of(new double[] {1, 3}, new double[] {0, 0}, new double[] {1, 1}))
                .containsExactly(new double[] {0.25, 0.75}, within(1e-15));
    }

    @Test
    void clippedWeightsPassTheirExcessToTheOthersInProportion() {
        // scores 6, 3, 1: C is lifted to 0.2, A capped at 0.5, leaving B 0.3
        assertThat(BoundedProportions.of(new double[] {6, 3, 1}, new double[] {0, 0, 0.2}, new double[] {0.5, 1, 1}))
                .containsExactly(new double[] {0.5, 0.3, 0.2}, within(1e-15));
    }

    @Test
    void forcedPositionsCanTurnTheScaleNegative() {
        // A and B must hold 0.8 each: C must be short 0.6, below what any positive scale gives it
        assertThat(BoundedProportions.of(new double[] {1, 1, 1}, new double[] {0.8, 0.8, -1}, new double[] {1, 1, 1}))
                .containsExactly(new double[] {0.8, 0.8, -0.6}, within(1e-15));
    }

    @Test
    void boundsThatSumToOneAreTheAnswer() {
        assertThat(BoundedProportions.of(new double[] {5, 1}, new double[] {0.25, 0.75}, new double[] {1, 1}))
                .containsExactly(new double[] {0.25, 0.75}, within(1e-15));
    }

    @Test
    void refusesAScoreThatIsNotPositive() {
        assertThatThrownBy(() -> BoundedProportions.of(new double[] {1, 0}, new double[] {0, 0}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("score 1 must be a positive number: 0.0");
    }
}
