package io.ballast.platform.quant.sizing;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositionCapTest {

    private final PositionCap twentyPercent = new PositionCap(0.2);

    @Test
    void cutsLongsAndShortsToTheCap() {
        assertThat(twentyPercent.apply(0.35)).isEqualTo(0.2);
        assertThat(twentyPercent.apply(-0.5)).isEqualTo(-0.2);
        assertThat(twentyPercent.apply(0.1)).isEqualTo(0.1);
        assertThat(twentyPercent.apply(-0.2)).isEqualTo(-0.2);
    }

    @Test
    void composesWithTheOtherRules() {
        // half Kelly of p = 0.7, b = 2: 0.5 * (0.7 - 0.3 / 2) = 0.275; at confidence 0.8: 0.22; capped: 0.2
        double size = twentyPercent.apply(ConfidenceWeighting.weighted(FractionalKelly.half().positionFraction(0.7, 2), 0.8));

        assertThat(size).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void refusesInvalidInputNamingTheField() {
        assertRejected(() -> new PositionCap(0), "maximumPositionFraction", "above 0, got 0.0");
        assertRejected(() -> twentyPercent.apply(Double.POSITIVE_INFINITY), "positionFraction", "finite");
    }
}
