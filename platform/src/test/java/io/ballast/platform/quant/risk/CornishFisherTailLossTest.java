package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.GeneratedSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CornishFisherTailLossTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.9, 0.95, 0.975, 0.99, 0.999})
    void withoutSkewOrExcessKurtosisItIsTheNormal(double confidence) {
        TailLoss cornishFisher = CornishFisherTailLoss.of(0.0004, 0.015, 0, 0, confidence);
        TailLoss normal = NormalTailLoss.of(0.0004, 0.015, confidence);

        assertThat(cornishFisher.valueAtRiskFraction()).isCloseTo(normal.valueAtRiskFraction(), within(1e-15));
        assertThat(cornishFisher.expectedShortfallFraction()).isCloseTo(normal.expectedShortfallFraction(), within(1e-15));
    }

    @Test
    void negativeSkewAndFatTailsAgainstNumericalIntegration() {
        // mu = 0.0005, sigma = 0.012, S = -0.5, K = 3. Reference in python:
        //   zcf = lambda q: q + (q*q-1)*S/6 + (q**3-3*q)*K/24 - (2*q**3-5*q)*S*S/36
        //   VaR = -(mu + zcf(norm.ppf(1-c)) * sigma)
        //   ES  = -(mu + sigma * quad(lambda u: zcf(norm.ppf(u)), 0, 1-c)[0] / (1-c))   (scipy.integrate.quad,
        //   a second method for the closed form the class uses)
        TailLoss ninetyFive = CornishFisherTailLoss.of(0.0005, 0.012, -0.5, 3, 0.95);
        TailLoss ninetyNine = CornishFisherTailLoss.of(0.0005, 0.012, -0.5, 3, 0.99);

        assertThat(ninetyFive.valueAtRiskFraction()).isCloseTo(0.02016093195191944, within(1e-14));
        assertThat(ninetyFive.expectedShortfallFraction()).isCloseTo(0.032164250034282235, within(1e-12));
        assertThat(ninetyNine.valueAtRiskFraction()).isCloseTo(0.039115413906166636, within(1e-14));
        assertThat(ninetyNine.expectedShortfallFraction()).isCloseTo(0.053138876596234806, within(1e-12));
        // fat tails make the 99% loss worse than the normal's
        assertThat(ninetyNine.valueAtRiskFraction()).isGreaterThan(NormalTailLoss.of(0.0005, 0.012, 0.99).valueAtRiskFraction());
    }

    @Test
    void fromASeriesUsesBiasCorrectedSkewAndKurtosis() {
        // python: r = GeneratedSeries.wavy(60); S = scipy.stats.skew(r, bias=False) = 0.17691147619348932,
        // K = scipy.stats.kurtosis(r, bias=False) = -0.8268256194088526, mu = r.mean(), sigma = r.std(ddof=1),
        // VaR and ES as above (ES by quad)
        double[] returns = GeneratedSeries.wavy(60);

        TailLoss ninetyFive = CornishFisherTailLoss.of(returns, 0.95);
        TailLoss ninetyNine = CornishFisherTailLoss.of(returns, 0.99);

        assertThat(ninetyFive.valueAtRiskFraction()).isCloseTo(0.013271409065321302, within(1e-13));
        assertThat(ninetyFive.expectedShortfallFraction()).isCloseTo(0.015141624136435326, within(1e-12));
        assertThat(ninetyNine.valueAtRiskFraction()).isCloseTo(0.01646411250741985, within(1e-13));
        assertThat(ninetyNine.expectedShortfallFraction()).isCloseTo(0.01699570380455175, within(1e-12));
    }

    @Test
    void needsFourReturnsForTheKurtosis() {
        assertRejected(() -> CornishFisherTailLoss.of(new double[] {0.01, 0.02, -0.01}, 0.95), "returns",
                "at least 4 non-missing returns, got 3");
    }
}
