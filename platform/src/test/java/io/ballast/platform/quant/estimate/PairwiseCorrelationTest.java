package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static io.ballast.platform.quant.estimate.SampleCovarianceTest.assertEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import org.junit.jupiter.api.Test;

class PairwiseCorrelationTest {

    @Test
    void correlatesEachPairOverItsCommonPeriodsWithTheirMeans() {
        ReturnSeries returns = columns(
                new double[] {0.01, 0.03, -0.02, 0.02},
                new double[] {NA, 0.02, 0.00, 0.04});

        double[][] correlation = PairwiseCorrelation.of(returns);

        // periods 2-4: deviations (0.02, -0.03, 0.01) and (0, -0.02, 0.02): 8e-4 / sqrt(1.4e-3 * 8e-4) = 2 / sqrt(7)
        assertThat(correlation[0][1]).isCloseTo(2 / Math.sqrt(7), within(1e-15));
        assertThat(correlation[1][0]).isEqualTo(correlation[0][1]);
        assertThat(correlation[0][0]).isEqualTo(1.0);
        // not the covariance over the full-sample volatilities: 4e-4 / sqrt(1.4e-3 / 3 * 4e-4) = 0.9258...
        double[][] covariance = SampleCovariance.annualised(returns, 1);
        double derived = covariance[0][1] / Math.sqrt(covariance[0][0] * covariance[1][1]);
        assertThat(derived).isCloseTo(Math.sqrt(6.0 / 7.0), within(1e-15));
    }

    @Test
    void withoutMissingReturnsIsPearsonsCorrelation() {
        double[][] correlation = PairwiseCorrelation.of(columns(
                new double[] {0.01, 0.03, -0.02, 0.02},
                new double[] {0.02, 0.00, 0.01, 0.01}));

        // deviations (0, 0.02, -0.03, 0.01) and (0.01, -0.01, 0, 0): -2e-4 / sqrt(1.4e-3 * 2e-4)
        assertThat(correlation[0][1]).isCloseTo(-2e-4 / Math.sqrt(1.4e-3 * 2e-4), within(1e-15));
    }

    @Test
    void aReturnThatDoesNotVaryCorrelatesZero() {
        double[][] correlation = PairwiseCorrelation.of(columns(
                new double[] {0.01, 0.03, -0.02},
                new double[] {0.01, 0.01, 0.01}));

        assertThat(correlation[0][1]).isZero();
        assertThat(correlation[1][1]).isEqualTo(1.0);
    }

    @Test
    void matchesAnIndependentComputationOnTheStockPrices() {
        double[][] correlation = PairwiseCorrelation.of(ReturnTables.stockReturns());

        // numpy: for each pair, np.corrcoef(x, y)[0, 1] over the rows where both are present
        assertEntry(correlation, "GOOG", "AAPL", 0.45491220034629426);
        assertEntry(correlation, "FB", "BABA", 0.3717423793913442);
        assertEntry(correlation, "SHLD", "XOM", 0.23339095684948602);
        assertEntry(correlation, "GE", "AMD", 0.2713691243146698);
        assertEntry(correlation, "BABA", "SBUX", 0.2749621081736151);
        assertEntry(correlation, "FB", "FB", 1.0);
    }
}
