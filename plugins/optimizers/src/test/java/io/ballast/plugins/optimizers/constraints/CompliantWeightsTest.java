package io.ballast.plugins.optimizers.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompliantWeightsTest {

    private static final List<String> ABC = List.of("A", "B", "C");

    @Test
    void roundOffShortsAreCleanedAndTheSumMadeOne() {
        TargetWeights weights = CompliantWeights.of(ABC, new double[] {-1e-12, 0.4, 0.6 + 3e-10}, WeightConstraints.longOnly(), "test");

        assertThat(weights.weight("A")).isEqualTo(0.0);
        assertThat(weights.weight("B") + weights.weight("C")).isEqualTo(1.0);
    }

    @Test
    void weightsOnABoundStayExactlyOnIt() {
        TargetWeights weights = CompliantWeights.of(ABC, new double[] {0.2 + 1e-12, 0.3, 0.5 + 1e-10},
                WeightConstraints.longOnly().withAssetBounds("A", 0, 0.2), "test");

        assertThat(weights.weight("A")).isEqualTo(0.2);
    }

    @Test
    void refusesAWeightPastItsBoundByMoreThanRoundOff() {
        assertThatThrownBy(() -> CompliantWeights.of(ABC, new double[] {-0.00001, 0.5, 0.50001}, WeightConstraints.longOnly(), "min-volatility"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("min-volatility: the solver's portfolio breaks the constraints (the weight of A is -1.0E-5,"
                        + " below its lower bound 0.0); refusing it rather than returning a portfolio that breaks a limit");
    }

    @Test
    void refusesABrokenSectorCap() {
        WeightConstraints constraints = WeightConstraints.longOnly().withSectorCaps(Map.of("A", "tech", "B", "tech"), Map.of("tech", 0.5));

        assertThatThrownBy(() -> CompliantWeights.of(ABC, new double[] {0.25, 0.25002, 0.49998}, constraints, "max-sharpe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(sector tech weighs 0.50002, above constraints.maxWeightBySector.tech = 0.5)");
    }

    @Test
    void refusesABrokenTurnoverLimit() {
        WeightConstraints constraints = WeightConstraints.longOnly().withTurnoverLimit(0.5, Map.of("A", 1.0));

        assertThatThrownBy(() -> CompliantWeights.of(ABC, new double[] {0.5, 0.25, 0.25}, constraints, "kelly"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(the turnover is 1.0, above constraints.maxTurnover = 0.5)");
    }

    @Test
    void refusesWeightsThatDoNotSumToOne() {
        assertThatThrownBy(() -> CompliantWeights.of(ABC, new double[] {0.5, 0.25, 0.2}, WeightConstraints.longOnly(), "kelly"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(the weights sum to 0.95, not 1)");
        assertThatThrownBy(() -> CompliantWeights.of(ABC, new double[] {0.5, Double.NaN, 0.5}, WeightConstraints.longOnly(), "kelly"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kelly: the solver gave B a weight of NaN");
    }
}
