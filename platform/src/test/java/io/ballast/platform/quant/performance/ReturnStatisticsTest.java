package io.ballast.platform.quant.performance;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.risk.Annualisation;
import org.junit.jupiter.api.Test;

/** Each statistic of one series on five monthly returns, worked by hand. */
class ReturnStatisticsTest {

    private static final double[] MONTHLY = {0.10, -0.05, 0.02, -0.03, 0.04};
    private static final Annualisation MONTHS = new Annualisation(12);

    @Test
    void totalAndGeometricAnnualisedReturn() {
        // 1.1 * 0.95 = 1.045; * 1.02 = 1.0659; * 0.97 = 1.033923; * 1.04 = 1.07527992
        assertThat(CompoundReturn.total(MONTHLY)).isCloseTo(0.07527992, within(1e-15));
        // 1.07527992^(12 / 5) - 1 = 0.190286987621...
        assertThat(CompoundReturn.annualised(MONTHLY, MONTHS)).isCloseTo(Math.pow(1.07527992, 12.0 / 5) - 1, within(1e-15));
        assertThat(CompoundReturn.annualised(MONTHLY, MONTHS)).isCloseTo(0.1902869876210247, within(1e-14));
    }

    @Test
    void sharpeIsTheAnnualisedArithmeticMeanOverVolatility() {
        // mean 0.08 / 5 = 0.016; deviations .084 -.066 .004 -.046 .024, squares sum 0.01412, / 4 = 0.00353
        // rf = 0: 0.016 / sqrt(0.00353) * sqrt(12) = 0.932874566866...
        assertThat(SharpeRatio.of(MONTHLY, 0, MONTHS)).hasValueCloseTo(0.016 / Math.sqrt(0.00353) * Math.sqrt(12), within(1e-14));
        // rf 12.68250301% a year is 1% a month: (0.016 - 0.01) / sqrt(0.00353) * sqrt(12)
        assertThat(SharpeRatio.of(MONTHLY, Math.pow(1.01, 12) - 1, MONTHS))
                .hasValueCloseTo(0.006 / Math.sqrt(0.00353) * Math.sqrt(12), within(1e-13));
    }

    @Test
    void sortinoOverTheDownsideDeviationOfAllPeriods() {
        // below 0: -0.05, -0.03; mean of squares over all 5 periods (0.0025 + 0.0009) / 5 = 0.00068
        // downside deviation sqrt(0.00068) * sqrt(12) = 0.0903327183...; Sortino 0.016 * 12 / that = 2.12547572...
        double downside = Math.sqrt(0.00068) * Math.sqrt(12);
        assertThat(DownsideDeviation.annual(MONTHLY, 0, MONTHS)).isCloseTo(downside, within(1e-15));
        assertThat(SortinoRatio.of(MONTHLY, 0, MONTHS)).hasValueCloseTo(0.016 * 12 / downside, within(1e-13));
        // a target of 1% a month: r - 0.01 = 0.09 -0.06 0.01 -0.04 0.03, shortfalls -0.06 and -0.04, squares 0.0036 + 0.0016
        double downsideOfOnePercent = Math.sqrt(0.0052 / 5) * Math.sqrt(12);
        assertThat(SortinoRatio.of(MONTHLY, Math.pow(1.01, 12) - 1, MONTHS))
                .hasValueCloseTo(0.006 * 12 / downsideOfOnePercent, within(1e-12));
    }

    @Test
    void calmarIsTheAnnualisedReturnOverTheDeepestDrawdown() {
        // wealth 1.1 (peak), 1.045, 1.0659, 1.033923, 1.07527992: deepest 1.033923 / 1.1 - 1 = -0.06007
        assertThat(CalmarRatio.of(MONTHLY, MONTHS)).hasValueCloseTo(0.1902869876210247 / 0.06007, within(1e-12));
    }

    @Test
    void winRateAndProfitFactor() {
        // 3 of 5 periods up; gains 0.10 + 0.02 + 0.04 = 0.16, losses 0.05 + 0.03 = 0.08
        assertThat(WinRate.of(MONTHLY)).isEqualTo(0.6);
        assertThat(ProfitFactor.of(MONTHLY)).hasValueCloseTo(2.0, within(1e-15));
        // a flat period is not a win; a missing one does not count
        assertThat(WinRate.of(new double[] {0.01, 0.0, Double.NaN, -0.01})).isCloseTo(1.0 / 3, within(1e-16));
    }

    @Test
    void ratiosOverZeroAreEmpty() {
        double[] flat = {0.01, 0.01, 0.01};
        assertThat(SharpeRatio.of(flat, 0, MONTHS)).isEmpty();
        assertThat(SortinoRatio.of(flat, 0, MONTHS)).isEmpty();
        assertThat(CalmarRatio.of(flat, MONTHS)).isEmpty();
        assertThat(ProfitFactor.of(flat)).isEmpty();
    }

    @Test
    void refusesSeriesTooShortForTheStatistic() {
        assertRejected(() -> SharpeRatio.of(new double[] {0.01}, 0, MONTHS), "returns", "at least 2 non-missing returns, got 1");
        assertRejected(() -> WinRate.of(new double[] {Double.NaN}), "returns", "at least 1 non-missing returns, got 0");
        assertRejected(() -> CompoundReturn.total(null), "returns", "is missing");
    }
}
