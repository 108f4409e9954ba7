package io.ballast.platform.quant.sizing;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolatilityTargetTest {

    private final VolatilityTarget tenPercentAtMostTwice = new VolatilityTarget(0.10, 2.0);

    @Test
    void targetOverAssetVolatilityCappedAtTheLeverage() {
        // 0.10 / 0.40 = 0.25; 0.10 / 0.08 = 1.25; 0.10 / 0.02 = 5, capped at 2
        assertThat(tenPercentAtMostTwice.positionFraction(0.40)).isCloseTo(0.25, within(1e-15));
        assertThat(tenPercentAtMostTwice.positionFraction(0.08)).isCloseTo(1.25, within(1e-15));
        assertThat(tenPercentAtMostTwice.positionFraction(0.02)).isEqualTo(2.0);
    }

    @Test
    void refusesInvalidInputNamingTheField() {
        assertRejected(() -> new VolatilityTarget(0, 1), "targetAnnualVolatility", "above 0, got 0.0");
        assertRejected(() -> new VolatilityTarget(0.1, -1), "maximumLeverage", "above 0, got -1.0");
        assertRejected(() -> tenPercentAtMostTwice.positionFraction(0), "assetAnnualVolatility", "above 0, got 0.0");
        assertRejected(() -> tenPercentAtMostTwice.positionFraction(Double.NaN), "assetAnnualVolatility", "got NaN");
    }
}
