package io.ballast.plugins.optimizers.heuristic;

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

class InverseVolatilityOptimizerTest {

    private final InverseVolatilityOptimizer optimizer = new InverseVolatilityOptimizer();
    // volatilities 0.1, 0.2, 0.4 (correlations do not matter): 1/σ = (10, 5, 2.5), sum 17.5
    private final MarketEstimates estimates = new MarketEstimates(List.of("A", "B", "C"), new double[] {Double.NaN, 0, 0},
            new double[][] {{0.01, 0.005, 0}, {0.005, 0.04, -0.01}, {0, -0.01, 0.16}});

    @Test
    void weightsAreProportionalToInverseVolatility() {
        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));

        assertThat(weights.weight("A")).isCloseTo(4.0 / 7, within(1e-15));
        assertThat(weights.weight("B")).isCloseTo(2.0 / 7, within(1e-15));
        assertThat(weights.weight("C")).isCloseTo(1.0 / 7, within(1e-15));
    }

    @Test
    void aCapIsHonouredByRedistributingInProportion() {
        // A is cut from 4/7 to 0.5; B and C share the other 0.5 as 5 : 2.5
        TargetWeights weights = optimize(WeightConstraints.longOnly().withBounds(0, 0.5));

        assertThat(weights.weight("A")).isEqualTo(0.5);
        assertThat(weights.weight("B")).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(weights.weight("C")).isCloseTo(1.0 / 6, within(1e-15));
    }

    @Test
    void aFloorIsHonouredByRedistributingInProportion() {
        // C is lifted from 1/7 to 0.2; A and B share the other 0.8 as 10 : 5
        TargetWeights weights = optimize(WeightConstraints.longOnly().withBounds(0.2, 1));

        assertThat(weights.weight("A")).isCloseTo(8.0 / 15, within(1e-15));
        assertThat(weights.weight("B")).isCloseTo(4.0 / 15, within(1e-15));
        assertThat(weights.weight("C")).isEqualTo(0.2);
    }

    @Test
    void refusesConstraintsItCannotHonour() {
        assertThatThrownBy(() -> optimize(WeightConstraints.longOnly().withSectorCaps(Map.of("A", "tech"), Map.of("tech", 0.3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("constraints.maxWeightBySector is set: inverse-volatility honours weight bounds only");
        assertThatThrownBy(() -> optimize(WeightConstraints.longOnly().withTurnoverLimit(0.2, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("constraints.maxTurnover is 0.2: inverse-volatility honours weight bounds only");
        assertThatThrownBy(() -> optimize(WeightConstraints.longOnly().withL2Regularisation(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("constraints.l2Gamma is 1.0: inverse-volatility honours weight bounds only");
    }

    @Test
    void refusesBoundsNoPortfolioMeets() {
        assertThatThrownBy(() -> optimize(WeightConstraints.longOnly().withBounds(0, 0.25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints: the upper weight bounds (maxWeight, maxWeightByAsset, maxPosition) add up to 0.75 over the 3"
                        + " assets, less than 1: no fully invested portfolio meets them");
    }

    @Test
    void refusesAVarianceThatIsNotPositive() {
        MarketEstimates flat = new MarketEstimates(List.of("A", "B"), new double[] {0, 0}, new double[][] {{0.01, 0}, {0, 0}});

        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(flat, 0.02)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimates.annualCovariance: the variance of B is 0.0; it must be a positive finite number");
    }

    private TargetWeights optimize(WeightConstraints constraints) {
        return optimizer.optimize(OptimizationRequest.of(estimates, 0.02).withConstraints(constraints));
    }
}
