package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static io.ballast.platform.quant.estimate.SampleCovarianceTest.assertEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import org.junit.jupiter.api.Test;

class ExponentiallyWeightedCovarianceTest {

    @Test
    void averagesTheProductsOfDeviationsFromEachAssetsMeanWithDecayingWeights() {
        // half-life 1: the period before the last weighs 1/2
        ReturnSeries returns = columns(new double[] {0.01, 0.03}, new double[] {0.02, 0.00});

        double[][] covariance = ExponentiallyWeightedCovariance.annualised(returns, 1, 1);

        // deviations (-0.01, 0.01) and (0.01, -0.01): (0.5 * -1e-4 + 1 * -1e-4) / 1.5
        assertThat(covariance[0][1]).isCloseTo(-1e-4, within(1e-19));
        assertThat(covariance[0][0]).isCloseTo(1e-4, within(1e-19));
        assertThat(covariance[1][1]).isCloseTo(1e-4, within(1e-19));
    }

    @Test
    void normalisesEachPairOverItsCommonPeriodsWhileGapsStillDecay() {
        // weights 1/4, 1/2, 1; B has no return in the last period
        ReturnSeries returns = columns(new double[] {0.01, 0.03, 0.02}, new double[] {0.02, 0.00, NA});

        double[][] covariance = ExponentiallyWeightedCovariance.annualised(returns, 1, 1);

        // A: deviations from 0.02 are -0.01, 0.01, 0: (0.25 + 0.5) * 1e-4 / 1.75
        assertThat(covariance[0][0]).isCloseTo(0.75e-4 / 1.75, within(1e-19));
        // B: deviations from 0.01 are 0.01, -0.01: (0.25 + 0.5) * 1e-4 / 0.75
        assertThat(covariance[1][1]).isCloseTo(1e-4, within(1e-19));
        // the pair: (0.25 * -1e-4 + 0.5 * -1e-4) / 0.75
        assertThat(covariance[0][1]).isCloseTo(-1e-4, within(1e-19));
    }

    @Test
    void aPairWhoseLastCommonPeriodIsLongAgoIsWeightedFromThatPeriod() {
        // A and B trade in the first two of 1,200 periods only; a half-life of 1 would underflow their weights
        int periods = 1200;
        double[] a = new double[periods];
        double[] b = new double[periods];
        double[] c = new double[periods];
        java.util.Arrays.fill(a, NA);
        java.util.Arrays.fill(b, NA);
        a[0] = 0.01;
        a[1] = 0.03;
        b[0] = 0.02;
        b[1] = 0.00;
        for (int p = 0; p < periods; p++) {
            c[p] = p % 2 == 0 ? 0.01 : -0.01;
        }

        double[][] covariance = ExponentiallyWeightedCovariance.annualised(columns(a, b, c), 1, 1);

        // as in the first test, from the pair's own last period; C's mean is 0, its deviations +-0.01
        assertThat(covariance[0][1]).isCloseTo(-1e-4, within(1e-19));
        assertThat(covariance[0][0]).isCloseTo(1e-4, within(1e-19));
        assertThat(covariance[0][2]).isCloseTo((0.5 * -0.01 * 0.01 + 0.01 * -0.01) / 1.5, within(1e-19));
        assertThat(covariance[2][2]).isCloseTo(1e-4, within(1e-19));
    }

    @Test
    void matchesPyPortfolioOptsExpCovComputedIndependentlyOnTheStockPrices() {
        double halfLife = ExponentialDecay.ofSpan(180).halfLife();

        double[][] covariance = ExponentiallyWeightedCovariance.annualised(ReturnTables.stockReturns(), halfLife, 252);

        // numpy: PyPortfolioOpt's exp_cov (span 180): for each pair, (x - mean(x)) * (y - mean(y)) with each mean over
        // the asset's own returns, through pandas' ewma recursion (adjust=True, ignore_na=False), last value * 252
        assertEntry(covariance, "GOOG", "AAPL", 0.041578111240478055);
        assertEntry(covariance, "AAPL", "AAPL", 0.05338645531793059);
        assertEntry(covariance, "FB", "BABA", 0.058769325052202996);
        assertEntry(covariance, "SHLD", "XOM", 0.026060912308739696);
        assertEntry(covariance, "GE", "AMD", 0.03346872830907121);
        assertEntry(covariance, "BABA", "SBUX", 0.017261796395022524);
        assertEntry(covariance, "FB", "FB", 0.08658992500281763);
    }

    @Test
    void refusesAHalfLifeThatIsNotPositive() {
        assertThatThrownBy(() -> ExponentiallyWeightedCovariance.annualised(columns(new double[] {0.1, 0.2}), 0, 252))
                .hasMessage("halfLife: must be a finite number of periods above 0, was 0.0");
    }
}
