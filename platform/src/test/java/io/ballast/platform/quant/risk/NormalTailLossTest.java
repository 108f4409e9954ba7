package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTailLossTest {

    @Test
    void closedFormAtNinetyFiveAndNinetyNinePercent() {
        // VaR = -(mu - z sigma), ES = -(mu - sigma phi(z) / (1 - c)) with mu = 0.001, sigma = 0.02
        // c = 0.95: z = 1.6448536269514722, phi(z) = 0.10313564037537131
        //   VaR = 0.02 * 1.6448536269514722 - 0.001 = 0.031897072539029445
        //   ES  = 0.02 * 0.10313564037537131 / 0.05 - 0.001 = 0.040254256150148514
        // c = 0.99: z = 2.3263478740408408, phi(z) = 0.02665214220345808
        //   VaR = 0.04552695748081682, ES = 0.02 * 0.02665214220345808 / 0.01 - 0.001 = 0.05230428440691612
        // (z and phi from scipy.stats.norm.ppf / pdf)
        TailLoss ninetyFive = NormalTailLoss.of(0.001, 0.02, 0.95);
        TailLoss ninetyNine = NormalTailLoss.of(0.001, 0.02, 0.99);

        assertThat(ninetyFive.confidence()).isEqualTo(0.95);
        assertThat(ninetyFive.valueAtRiskFraction()).isCloseTo(0.031897072539029445, within(1e-15));
        assertThat(ninetyFive.expectedShortfallFraction()).isCloseTo(0.040254256150148514, within(1e-14));
        assertThat(ninetyNine.valueAtRiskFraction()).isCloseTo(0.04552695748081682, within(1e-15));
        assertThat(ninetyNine.expectedShortfallFraction()).isCloseTo(0.05230428440691612, within(1e-14));
    }

    @Test
    void fromASeriesUsesItsMeanAndSampleStandardDeviation() {
        // 0.01, -0.02, 0.03, 0.00: mean 0.005, sd sqrt(0.0013 / 3)
        double[] returns = {0.01, -0.02, 0.03, 0.0};

        TailLoss fromSeries = NormalTailLoss.of(returns, 0.95);
        TailLoss fromMoments = NormalTailLoss.of(0.005, Math.sqrt(0.0013 / 3), 0.95);

        assertThat(fromSeries.valueAtRiskFraction()).isCloseTo(fromMoments.valueAtRiskFraction(), within(1e-16));
        assertThat(fromSeries.expectedShortfallFraction()).isCloseTo(fromMoments.expectedShortfallFraction(), within(1e-16));
    }

    @Test
    void aHighMeanShowsAsANegativeLoss() {
        assertThat(NormalTailLoss.of(0.1, 0.01, 0.95).valueAtRiskFraction()).isNegative();
    }

    @Test
    void confidenceMustLieStrictlyBetweenZeroAndOne() {
        assertRejected(() -> NormalTailLoss.of(0, 0.01, 1.0), "confidence", "strictly between 0 and 1, got 1.0");
        assertRejected(() -> NormalTailLoss.of(0, 0.01, 0.0), "confidence", "strictly between 0 and 1, got 0.0");
        assertRejected(() -> NormalTailLoss.of(0, 0.01, Double.NaN), "confidence", "got NaN");
    }
}
