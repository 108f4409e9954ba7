package io.ballast.platform.quant.sizing;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FractionalKellyTest {

    @Test
    void fullKellyWorkedByHand() {
        // p = 0.6, b = 1 (even money): 0.6 - 0.4 / 1 = 0.2; p = 0.55, b = 2: 0.55 - 0.45 / 2 = 0.325
        assertThat(FractionalKelly.fullKellyFraction(0.6, 1)).isCloseTo(0.2, within(1e-15));
        assertThat(FractionalKelly.fullKellyFraction(0.55, 2)).isCloseTo(0.325, within(1e-15));
    }

    @Test
    void aFractionOfKellyFlooredAtZero() {
        assertThat(FractionalKelly.half().positionFraction(0.55, 2)).isCloseTo(0.1625, within(1e-15));
        assertThat(new FractionalKelly(0.25).positionFraction(0.6, 1)).isCloseTo(0.05, within(1e-15));
        assertThat(new FractionalKelly(1).positionFraction(1, 3)).isCloseTo(1, within(1e-15));
        // negative edge, 0.4 - 0.6 / 1 = -0.2: no bet
        assertThat(FractionalKelly.half().positionFraction(0.4, 1)).isZero();
    }

    @Test
    void refusesInvalidInputNamingTheField() {
        assertRejected(() -> new FractionalKelly(0), "kellyFraction", "(0, 1], got 0.0");
        assertRejected(() -> new FractionalKelly(1.5), "kellyFraction", "got 1.5");
        assertRejected(() -> FractionalKelly.half().positionFraction(1.2, 1), "winProbability", "[0, 1], got 1.2");
        assertRejected(() -> FractionalKelly.half().positionFraction(Double.NaN, 1), "winProbability", "got NaN");
        assertRejected(() -> FractionalKelly.half().positionFraction(0.5, 0), "payoffRatio", "above 0");
        assertRejected(() -> FractionalKelly.half().positionFraction(0.5, Double.POSITIVE_INFINITY), "payoffRatio", "finite");
    }
}
