package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VolatilityTest {

    @Test
    void sampleStandardDeviationWorkedByHand() {
        // 0.01, -0.02, 0.03, 0.00 (and a missing period): mean 0.005, squared deviations 25e-6 + 625e-6 + 625e-6 + 25e-6
        // = 1300e-6, / (4 - 1) = 433.33e-6, sqrt = 0.020816659994661...; annual * sqrt(252) = 0.330454232837...
        double[] returns = {0.01, -0.02, Double.NaN, 0.03, 0.0};

        assertThat(Volatility.periodic(returns)).isCloseTo(Math.sqrt(0.0013 / 3), within(1e-16));
        assertThat(Volatility.annual(returns, Annualisation.tradingDays())).isCloseTo(0.3304542328371662, within(1e-15));
        assertThat(Volatility.annual(returns, new Annualisation(365))).isCloseTo(Math.sqrt(0.0013 / 3 * 365), within(1e-15));
    }

    @Test
    void needsTwoReturnsAndAPositiveAnnualisation() {
        assertRejected(() -> Volatility.periodic(new double[] {0.01, Double.NaN}), "returns", "at least 2 non-missing returns, got 1");
        assertRejected(() -> new Annualisation(0), "periodsPerYear", "at least 1, got 0");
    }
}
