package io.ballast.platform.riskfacts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.risk.VolatilityRegime;
import org.junit.jupiter.api.Test;

class VolatilityRegimeClassifierTest {

    @Test
    void aCalmYearEndingInAStormyMonthIsHigh() {
        /*
         * 229 returns of +-0.01, then 21 of +-0.05 (alternating, so the means are ~0):
         * long sd ~ sqrt((229 x 0.0001 + 21 x 0.0025) / 249) = sqrt(0.0003028) = 0.0174; short sd ~ 0.0512; ratio ~2.9
         */
        assertThat(VolatilityRegimeClassifier.of(series(229, 0.01, 21, 0.05))).isEqualTo(VolatilityRegime.HIGH);
    }

    @Test
    void aStormyYearEndingInACalmMonthIsLow() {
        // long sd ~ sqrt((229 x 0.0025 + 21 x 0.0001) / 249) = 0.0480; short sd ~ 0.0102; ratio ~0.21
        assertThat(VolatilityRegimeClassifier.of(series(229, 0.05, 21, 0.01))).isEqualTo(VolatilityRegime.LOW);
    }

    @Test
    void anEvenYearIsNormalAndSoIsTooShortAHistory() {
        assertThat(VolatilityRegimeClassifier.of(series(229, 0.02, 21, 0.02))).isEqualTo(VolatilityRegime.NORMAL);
        // 59 returns: below the 60 the long-run level needs, however stormy the last month
        assertThat(VolatilityRegimeClassifier.of(series(38, 0.01, 21, 0.05))).isEqualTo(VolatilityRegime.NORMAL);
    }

    @Test
    void onlyTheLast250ReturnsCount() {
        // 300 stormy returns, then 229 calm and 21 stormy: the long window (250) is calm but for its last month
        double[] stormyThenHigh = new double[550];
        double[] tail = series(229, 0.01, 21, 0.05);
        for (int t = 0; t < 300; t++) {
            stormyThenHigh[t] = t % 2 == 0 ? 0.05 : -0.05;
        }
        System.arraycopy(tail, 0, stormyThenHigh, 300, 250);
        assertThat(VolatilityRegimeClassifier.of(stormyThenHigh)).isEqualTo(VolatilityRegime.HIGH);
    }

    private static double[] series(int first, double firstSize, int last, double lastSize) {
        double[] returns = new double[first + last];
        for (int t = 0; t < returns.length; t++) {
            double size = t < first ? firstSize : lastSize;
            returns[t] = t % 2 == 0 ? size : -size;
        }
        return returns;
    }
}
