package io.ballast.platform.quant.sizing;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceWeightingTest {

    @Test
    void scalesTheSizeByTheConfidence() {
        assertThat(ConfidenceWeighting.weighted(0.2, 0.75)).isCloseTo(0.15, within(1e-15));
        assertThat(ConfidenceWeighting.weighted(-0.1, 0.5)).isCloseTo(-0.05, within(1e-15));
        assertThat(ConfidenceWeighting.weighted(0.2, 0)).isZero();
        assertThat(ConfidenceWeighting.weighted(0.2, 1)).isEqualTo(0.2);
    }

    @Test
    void refusesInvalidInputNamingTheField() {
        assertRejected(() -> ConfidenceWeighting.weighted(0.2, 1.01), "confidence", "[0, 1], got 1.01");
        assertRejected(() -> ConfidenceWeighting.weighted(0.2, -0.1), "confidence", "got -0.1");
        assertRejected(() -> ConfidenceWeighting.weighted(Double.NaN, 0.5), "positionFraction", "finite");
    }
}
