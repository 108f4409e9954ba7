package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static io.ballast.platform.quant.estimate.SampleCovarianceTest.assertEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import org.junit.jupiter.api.Test;

class LedoitWolfShrinkageTest {

    /**
     * Worked by hand with scikit-learn's formulas on x1 = (2, -2, 2, -2) / 100, x2 = (1, 1, -1, -1) / 100 (in
     * units of 1e-4 for second moments): S = diag(4, 1), mu = 5/2, ||S||^2 = 17, delta = (17 - 2 * 5/2 * 5 + 2 *
     * (5/2)^2) / 2 = 9/4; the rows' (sum of squares)^2 are 25 each, so beta = (100 / 4 - 17) / (2 * 4) = 1; the
     * intensity is 1 / (9/4) = 4/9 and the estimate 5/9 S + 4/9 * 5/2 I = diag(10/3, 5/3).
     */
    @Test
    void shrinksTowardsTheAverageVarianceByLedoitAndWolfsIntensity() {
        ReturnSeries returns = columns(new double[] {0.02, -0.02, 0.02, -0.02}, new double[] {0.01, 0.01, -0.01, -0.01});

        LedoitWolfShrinkage.Estimate estimate = LedoitWolfShrinkage.estimate(returns, 1);

        assertThat(estimate.shrinkage()).isCloseTo(4.0 / 9, within(1e-15));
        assertThat(estimate.annualCovariance()[0]).containsExactly(new double[] {10e-4 / 3, 0}, within(1e-19));
        assertThat(estimate.annualCovariance()[1]).containsExactly(new double[] {0, 5e-4 / 3}, within(1e-19));
    }

    @Test
    void usesOnlyThePeriodsInWhichEveryAssetHasAReturn() {
        ReturnSeries withGaps = columns(
                new double[] {0.5, 0.02, -0.02, NA, 0.02, -0.02},
                new double[] {NA, 0.01, 0.01, 0.3, -0.01, -0.01});

        assertThat(LedoitWolfShrinkage.estimate(withGaps, 1).shrinkage()).isCloseTo(4.0 / 9, within(1e-15));
        assertThat(LedoitWolfShrinkage.annualised(withGaps, 252)[1][1]).isCloseTo(5e-4 / 3 * 252, within(1e-16));
    }

    @Test
    void oneAssetIsNotShrunk() {
        LedoitWolfShrinkage.Estimate estimate = LedoitWolfShrinkage.estimate(columns(new double[] {0.01, 0.03, 0.02}), 1);

        // the maximum-likelihood variance: deviations -0.01, 0.01, 0 over 3
        assertThat(estimate.shrinkage()).isZero();
        assertThat(estimate.annualCovariance()[0][0]).isCloseTo(2e-4 / 3, within(1e-19));
    }

    @Test
    void matchesScikitLearnsFormulaComputedIndependentlyOnTheStockPrices() {
        LedoitWolfShrinkage.Estimate estimate = LedoitWolfShrinkage.estimate(ReturnTables.stockReturns(), 252);

        // numpy: scikit-learn's ledoit_wolf written out (checked against its documented example: covariance
        // [[0.44, 0.16], [0.16, 0.80]], shrinkage 0.23) on the 895 rows of R without a missing return, * 252.
        // PyPortfolioOpt publishes no value for stock_prices.csv (test_ledoit_wolf_default only checks 0 < delta < 1).
        assertThat(estimate.shrinkage()).isCloseTo(0.032752793062851254, within(1e-14));
        double[][] covariance = estimate.annualCovariance();
        assertEntry(covariance, "GOOG", "AAPL", 0.023869394258631563);
        assertEntry(covariance, "AAPL", "AAPL", 0.055188562314096);
        assertEntry(covariance, "FB", "BABA", 0.029055982250554);
        assertEntry(covariance, "SHLD", "XOM", 0.019069400639604366);
        assertEntry(covariance, "GE", "AMD", 0.02302438646440629);
        assertEntry(covariance, "BABA", "SBUX", 0.01683742729561233);
        assertEntry(covariance, "FB", "FB", 0.06631970352913834);
    }

    @Test
    void needsTwoPeriodsWithEveryAssetsReturn() {
        ReturnSeries apart = columns(new double[] {0.01, 0.02, NA}, new double[] {NA, 0.01, 0.03});

        assertThatThrownBy(() -> LedoitWolfShrinkage.annualised(apart, 252))
                .hasMessage("prices: Ledoit-Wolf shrinkage needs at least two periods in which every asset has a return;"
                        + " there is 1");
    }
}
