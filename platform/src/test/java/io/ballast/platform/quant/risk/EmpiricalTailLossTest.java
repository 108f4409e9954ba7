package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.GeneratedSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmpiricalTailLossTest {

    // losses sorted: -0.025 -0.02 -0.015 -0.01 -0.005 0.005 0.01 0.02 0.03 0.045 (indices 0..9)
    private static final double[] RETURNS = {0.02, -0.01, 0.015, -0.03, 0.005, -0.045, 0.01, -0.005, 0.025, -0.02};

    @Test
    void linearlyInterpolatedLossQuantileWorkedByHand() {
        EmpiricalTailLoss tail = EmpiricalTailLoss.of(RETURNS);

        // c = 0.8: h = 9 * 0.8 = 7.2 -> 0.02 + 0.2 * (0.03 - 0.02) = 0.022; ES = mean(0.03, 0.045) = 0.0375
        assertThat(tail.at(0.8).valueAtRiskFraction()).isCloseTo(0.022, within(1e-15));
        assertThat(tail.at(0.8).expectedShortfallFraction()).isCloseTo(0.0375, within(1e-15));
        // c = 0.9: h = 8.1 -> 0.03 + 0.1 * 0.015 = 0.0315; ES = 0.045 (the only loss at or beyond)
        assertThat(tail.at(0.9).valueAtRiskFraction()).isCloseTo(0.0315, within(1e-15));
        assertThat(tail.at(0.9).expectedShortfallFraction()).isCloseTo(0.045, within(1e-15));
        // c = 0.5: h = 4.5 -> -0.005 + 0.5 * 0.01 = 0 (the median); ES = mean(0.005, 0.01, 0.02, 0.03, 0.045) = 0.022
        assertThat(tail.at(0.5).valueAtRiskFraction()).isCloseTo(0.0, within(1e-15));
        assertThat(tail.at(0.5).expectedShortfallFraction()).isCloseTo(0.022, within(1e-15));
        // same numbers as numpy: np.quantile(-r, c) and L[L >= var].mean()
        assertThat(tail.sampleSize()).isEqualTo(10);
    }

    @Test
    void aQuantileOnAnObservationKeepsThatObservationInTheTail() {
        // c = 8/9: h = 8 exactly -> VaR = 0.03, ES = mean(0.03, 0.045) = 0.0375
        TailLoss loss = EmpiricalTailLoss.of(RETURNS).at(8.0 / 9);

        assertThat(loss.valueAtRiskFraction()).isCloseTo(0.03, within(1e-15));
        assertThat(loss.expectedShortfallFraction()).isCloseTo(0.0375, within(1e-15));
    }

    @Test
    void agreesWithNumpyOnALongerSeries() {
        // python: r = wavy(500); L = -r; v = np.quantile(L, c); es = L[L >= v].mean()
        EmpiricalTailLoss tail = EmpiricalTailLoss.of(GeneratedSeries.wavy(500));

        assertThat(tail.at(0.95).valueAtRiskFraction()).isCloseTo(0.01373888178864286, within(1e-15));
        assertThat(tail.at(0.95).expectedShortfallFraction()).isCloseTo(0.01594730076507464, within(1e-15));
        assertThat(tail.at(0.99).valueAtRiskFraction()).isCloseTo(0.01698704163777834, within(1e-15));
        assertThat(tail.at(0.99).expectedShortfallFraction()).isCloseTo(0.018293699070433204, within(1e-15));
    }

    @Test
    void ofAPortfolioUsesItsCompletePeriods() {
        double[][] returns = {{0.02, 0.0}, {-0.01, Double.NaN}, {0.03, -0.05}, {-0.04, 0.01}};

        // periods 0, 2, 3: 0.5*0.02 + 0 = 0.01; 0.015 - 0.025 = -0.01; -0.02 + 0.005 = -0.015
        // losses -0.01 0.01 0.015; c = 0.5: h = 1 -> 0.01; ES = mean(0.01, 0.015) = 0.0125
        TailLoss loss = EmpiricalTailLoss.ofPortfolio(List.of("A", "B"), returns, new double[] {0.5, 0.5}).at(0.5);

        assertThat(loss.valueAtRiskFraction()).isCloseTo(0.01, within(1e-15));
        assertThat(loss.expectedShortfallFraction()).isCloseTo(0.0125, within(1e-15));
    }

    @Test
    void refusesAnEmptySeriesAndABadConfidence() {
        assertRejected(() -> EmpiricalTailLoss.of(new double[] {Double.NaN}), "returns", "at least 1 non-missing returns, got 0");
        assertRejected(() -> EmpiricalTailLoss.of(RETURNS).at(1.5), "confidence", "strictly between 0 and 1");
    }
}
