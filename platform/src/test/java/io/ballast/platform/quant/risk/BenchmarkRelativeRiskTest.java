package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Beta and tracking error, which share the alignment of a series with its benchmark. */
class BenchmarkRelativeRiskTest {

    private static final double NaN = Double.NaN;
    // r: mean 0.01, deviations 0.01 -0.02 0.02 -0.01; b: mean 0.005, deviations 0.005 -0.025 0.015 0.005
    private static final double[] RETURNS = {0.02, -0.01, 0.5, 0.03, 0.00, NaN};
    private static final double[] BENCHMARK = {0.01, -0.02, NaN, 0.02, 0.01, 0.04};

    @Test
    void betaWorkedByHandOverThePeriodsBothHave() {
        // cov = (0.00005 + 0.0005 + 0.0003 - 0.00005) / 3 = 0.0008 / 3
        // var b = (0.000025 + 0.000625 + 0.000225 + 0.000025) / 3 = 0.0009 / 3; beta = 8 / 9
        assertThat(Beta.of(RETURNS, BENCHMARK)).hasValueCloseTo(8.0 / 9, within(1e-14));
    }

    @Test
    void trackingErrorWorkedByHand() {
        // active 0.01, 0.01, 0.01, -0.01: mean 0.005, squared deviations 3 * 0.000025 + 0.000225 = 0.0003
        // sd = sqrt(0.0003 / 3) = 0.01; annual 0.01 * sqrt(252)
        assertThat(TrackingError.annual(RETURNS, BENCHMARK, Annualisation.tradingDays())).isCloseTo(0.01 * Math.sqrt(252), within(1e-15));
    }

    @Test
    void aFlatBenchmarkHasNoBeta() {
        assertThat(Beta.of(new double[] {0.01, 0.02, 0.03}, new double[] {0.001, 0.001, 0.001})).isEmpty();
    }

    @Test
    void refusesABenchmarkOfTheWrongLengthOrWithoutOverlap() {
        assertRejected(() -> Beta.of(RETURNS, new double[] {0.01}), "benchmarkReturns", "one return per period (6), got 1");
        assertRejected(() -> Beta.of(new double[] {0.01, NaN, 0.02}, new double[] {NaN, 0.01, 0.02}), "benchmarkReturns",
                "at least two periods where both the series and the benchmark have a return, got 1");
        assertRejected(() -> TrackingError.annual(new double[] {0.01, Double.POSITIVE_INFINITY}, new double[] {0.01, 0.02},
                Annualisation.tradingDays()), "returns", "period 1 is infinite");
    }
}
