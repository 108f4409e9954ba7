package io.ballast.platform.quant.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExponentialDecayTest {

    @Test
    void convertsBetweenPandasSpanAndHalfLife() {
        // pandas: alpha = 2 / (span + 1) and alpha = 1 - exp(-ln 2 / halflife)
        assertThat(ExponentialDecay.ofSpan(3).alpha()).isEqualTo(0.5);
        assertThat(ExponentialDecay.ofHalfLife(1).alpha()).isCloseTo(0.5, within(1e-16));
        assertThat(ExponentialDecay.ofHalfLife(10).retention()).isCloseTo(Math.pow(0.5, 0.1), within(1e-16));
        // numpy: log(2) / -log(1 - 2/181), the half-life of PyPortfolioOpt's exp_cov default span
        assertThat(ExponentialDecay.ofSpan(180).halfLife()).isCloseTo(62.38260444216786, within(1e-12));
        assertThat(ExponentialDecay.ofHalfLife(62.38260444216786).span()).isCloseTo(180, within(1e-9));
        assertThat(ExponentialDecay.ofSpan(1).halfLife()).isZero();
    }

    @Test
    void refusesParametersOutsideTheirRanges() {
        assertThatThrownBy(() -> ExponentialDecay.ofSpan(0.99)).hasMessage("span: must be a finite number of periods of at least 1, was 0.99");
        assertThatThrownBy(() -> ExponentialDecay.ofSpan(Double.POSITIVE_INFINITY))
                .hasMessage("span: must be a finite number of periods of at least 1, was Infinity");
        assertThatThrownBy(() -> ExponentialDecay.ofHalfLife(-1)).hasMessage("halfLife: must be a finite number of periods above 0, was -1.0");
        assertThatThrownBy(() -> new ExponentialDecay(0)).hasMessage("alpha: must be in (0, 1], was 0.0");
        assertThatThrownBy(() -> new ExponentialDecay(1.5)).hasMessage("alpha: must be in (0, 1], was 1.5");
    }
}
