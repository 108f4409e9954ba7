package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HerfindahlConcentrationTest {

    @Test
    void sumOfSquaredWeightsAndItsInverse() {
        // 0.5^2 + 0.3^2 + 0.2^2 = 0.25 + 0.09 + 0.04 = 0.38; 1 / 0.38 = 2.6315789...
        HerfindahlConcentration concentration = HerfindahlConcentration.of(new double[] {0.5, 0.3, 0.2});

        assertThat(concentration.herfindahlIndex()).isCloseTo(0.38, within(1e-15));
        assertThat(concentration.effectiveNumberOfAssets()).isCloseTo(1 / 0.38, within(1e-14));
    }

    @Test
    void equalWeightsCountEveryAsset() {
        assertThat(HerfindahlConcentration.of(new double[] {0.25, 0.25, 0.25, 0.25}).effectiveNumberOfAssets()).isCloseTo(4, within(1e-15));
    }

    @Test
    void refusesAnEmptyPortfolio() {
        assertRejected(() -> HerfindahlConcentration.of(new double[] {0, 0}), "weights", "holds nothing");
        assertRejected(() -> HerfindahlConcentration.of(new double[] {Double.NaN}), "weights", "not a finite number");
    }
}
