package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.GeometricMeanReturnTest.relative;
import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static io.ballast.platform.quant.estimate.ReturnTables.stock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import org.junit.jupiter.api.Test;

class SampleCovarianceTest {

    @Test
    void matchesPyPortfolioOptsDummyExample() {
        double[][] covariance = SampleCovariance.annualised(ReturnSeries.simple(ReturnTables.prices(
                ReturnTables.PYPORTFOLIOOPT_DUMMY_PRICES)), 1);

        // PyPortfolioOpt tests/test_risk_models.py, test_sample_cov_dummy: sample_cov(data) / 252
        double[][] expected = {
            {0.006661687937656102, 0.00264970955585574, 0.0020849735375206195},
            {0.00264970955585574, 0.0023450491307634215, 0.00096770864287974},
            {0.0020849735375206195, 0.00096770864287974, 0.0016396416271856837},
        };
        for (int i = 0; i < 3; i++) {
            assertThat(covariance[i]).containsExactly(expected[i], within(1e-17));
        }
    }

    @Test
    void usesThePeriodsEachPairHasInCommon() {
        ReturnSeries returns = columns(
                new double[] {0.01, 0.03, -0.02, 0.02},
                new double[] {NA, 0.02, 0.00, 0.04});

        double[][] covariance = SampleCovariance.annualised(returns, 1);

        // A over its 4 returns: mean 0.01, squared deviations 0, 4e-4, 9e-4, 1e-4, divisor 3
        assertThat(covariance[0][0]).isCloseTo(1.4e-3 / 3, within(1e-18));
        // B over its 3: mean 0.02, deviations 0, -0.02, 0.02
        assertThat(covariance[1][1]).isCloseTo(4e-4, within(1e-18));
        // the pair over periods 2-4: means 0.01 and 0.02, products 0, 6e-4, 2e-4, divisor 2
        assertThat(covariance[0][1]).isCloseTo(4e-4, within(1e-18));
        assertThat(covariance[1][0]).isEqualTo(covariance[0][1]);
    }

    @Test
    void withoutMissingReturnsIsTheCentredCrossProductOverNMinusOne() {
        ReturnSeries returns = columns(
                new double[] {0.01, 0.03, -0.02, 0.02},
                new double[] {0.02, 0.00, 0.01, 0.01});

        double[][] covariance = SampleCovariance.annualised(returns, 252);

        // deviations (0, 0.02, -0.03, 0.01) and (0.01, -0.01, 0, 0)
        assertThat(covariance[0][1]).isCloseTo(-2e-4 / 3 * 252, within(1e-16));
        assertThat(covariance[1][1]).isCloseTo(2e-4 / 3 * 252, within(1e-16));
    }

    @Test
    void matchesAnIndependentComputationOnTheStockPrices() {
        double[][] covariance = SampleCovariance.annualised(ReturnTables.stockReturns(), 252);

        // numpy: for each pair, np.cov(x, y, ddof=1)[0, 1] * 252 over the rows where both are present
        assertEntry(covariance, "GOOG", "AAPL", 0.046202279171746324);
        assertEntry(covariance, "AAPL", "AAPL", 0.2075369051755125);
        assertEntry(covariance, "FB", "BABA", 0.03007347360699944);
        assertEntry(covariance, "SHLD", "XOM", 0.03056808729579483);
        assertEntry(covariance, "GE", "AMD", 0.048892546535238626);
        assertEntry(covariance, "BABA", "SBUX", 0.0174270455226037);
        assertEntry(covariance, "FB", "FB", 0.13720115036294844);
        // PyPortfolioOpt tests/test_risk_models.py, test_sample_cov_real_data: positive semidefinite
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(covariance)).isTrue();
    }

    @Test
    void needsTwoCommonPeriodsForEachPair() {
        ReturnSeries apart = columns(
                new double[] {0.01, 0.02, NA, NA, 0.01},
                new double[] {NA, NA, 0.01, 0.03, 0.02},
                new double[] {0.01, 0.02, 0.03, 0.04, 0.05});

        assertThatThrownBy(() -> SampleCovariance.annualised(apart, 252))
                .hasMessage("prices: assets A and B (1) share fewer than two periods with returns of both;"
                        + " a covariance needs at least two");
        assertThatThrownBy(() -> SampleCovariance.annualised(columns(new double[] {0.01, NA}), 252))
                .hasMessage("prices: asset A (1) has fewer than two returns; at least two are needed");
    }

    static void assertEntry(double[][] matrix, String row, String column, double expected) {
        assertThat(matrix[stock(row)][stock(column)]).as(row + "/" + column).isCloseTo(expected, relative(expected));
        assertThat(matrix[stock(column)][stock(row)]).as(column + "/" + row).isEqualTo(matrix[stock(row)][stock(column)]);
    }
}
