package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DrawdownTest {

    @Test
    void drawdownFromTheRunningPeakWorkedByHand() {
        // wealth 1 -> 1.1 -> 0.88 -> 0.924 -> 1.2012 -> 1.08108; peak 1.1, 1.1, 1.1, 1.2012, 1.2012
        // drawdown 0, 0.88/1.1 - 1 = -0.2, 0.924/1.1 - 1 = -0.16, 0, 1.08108/1.2012 - 1 = -0.1
        double[] returns = {0.1, -0.2, 0.05, 0.3, -0.1};

        assertThat(Drawdown.series(returns)).containsExactly(new double[] {0, -0.2, -0.16, 0, -0.1}, within(1e-15));
        assertThat(Drawdown.maximum(returns)).isCloseTo(-0.2, within(1e-15));
    }

    @Test
    void aFirstPeriodLossIsADrawdownFromTheStartingWealth() {
        // wealth 0.9 then 0.9 * 1.05 = 0.945, both below the starting 1
        assertThat(Drawdown.series(new double[] {-0.1, 0.05})).containsExactly(new double[] {-0.1, -0.055}, within(1e-15));
    }

    @Test
    void aMissingPeriodLeavesWealthUnchanged() {
        assertThat(Drawdown.series(new double[] {0.1, Double.NaN, -0.1})).containsExactly(new double[] {0, 0, -0.1}, within(1e-15));
    }

    @Test
    void aRisingSeriesHasNoDrawdown() {
        assertThat(Drawdown.maximum(new double[] {0.01, 0.0, 0.02})).isZero();
    }

    @Test
    void refusesAnEmptyOrInfiniteSeries() {
        assertRejected(() -> Drawdown.series(new double[0]), "returns", "at least one period");
        assertRejected(() -> Drawdown.maximum(new double[] {Double.NEGATIVE_INFINITY}), "returns", "infinite");
    }
}
