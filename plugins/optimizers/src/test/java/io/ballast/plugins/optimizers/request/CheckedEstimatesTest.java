package io.ballast.plugins.optimizers.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckedEstimatesTest {

    @Test
    void roundOffAsymmetryIsAveragedAway() {
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {0.1, 0.2},
                new double[][] {{0.04, 0.01}, {0.01 + 1e-15, 0.09}});

        CheckedEstimates checked = CheckedEstimates.of(OptimizationRequest.of(estimates, 0.02), "test", true);

        assertThat(checked.annualCovariance()[0][1]).isEqualTo(checked.annualCovariance()[1][0]);
        assertThat(checked.annualVolatility(1)).isEqualTo(0.3);
    }

    @Test
    void refusesACovarianceThatIsNotSymmetric() {
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {0.1, 0.2},
                new double[][] {{0.04, 0.01}, {0.02, 0.09}});

        assertThatThrownBy(() -> CheckedEstimates.of(OptimizationRequest.of(estimates, 0.02), "test", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimates.annualCovariance is not symmetric: (B, A) is 0.02 but (A, B) is 0.01");
    }

    @Test
    void refusesANonFiniteCovariance() {
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {0.1, 0.2},
                new double[][] {{0.04, Double.NaN}, {Double.NaN, 0.09}});

        assertThatThrownBy(() -> CheckedEstimates.of(OptimizationRequest.of(estimates, 0.02), "test", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimates.annualCovariance.B.A is NaN, not a finite number");
    }

    @Test
    void refusesANegativeVariance() {
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {0.1, 0.2},
                new double[][] {{-0.04, 0}, {0, 0.09}});

        assertThatThrownBy(() -> CheckedEstimates.of(OptimizationRequest.of(estimates, 0.02), "test", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimates.annualCovariance: the variance of A is -0.04; it must be a positive finite number");
    }

    /** A price that rises exactly 10% a day leaves a variance of round-off only (about 1e-32 here). */
    @Test
    void refusesAVarianceThatIsRoundOffButAcceptsTheSmallestRealOne() {
        MarketEstimates roundOff = new MarketEstimates(List.of("A", "B"), new double[] {0.1, 0.2},
                new double[][] {{1e-32, 0}, {0, 0.09}});
        MarketEstimates quiet = new MarketEstimates(List.of("A", "B"), new double[] {0.1, 0.2},
                new double[][] {{1e-12, 0}, {0, 0.09}});

        assertThatThrownBy(() -> CheckedEstimates.of(OptimizationRequest.of(roundOff, 0.02), "test", false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("estimates.annualCovariance: the variance of A is 1.0E-32, below 1.0E-12");
        assertThat(CheckedEstimates.of(OptimizationRequest.of(quiet, 0.02), "test", false).annualCovariance()[0][0])
                .isEqualTo(1e-12);
    }
}
