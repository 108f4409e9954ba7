package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static io.ballast.platform.quant.estimate.SampleCovarianceTest.assertEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import org.junit.jupiter.api.Test;

class SemicovarianceTest {

    @Test
    void averagesProductsOfShortfallsBelowTheBenchmarkOverEachPairsCommonPeriods() {
        ReturnSeries returns = columns(
                new double[] {0.01, -0.02, 0.03, -0.01},
                new double[] {-0.01, -0.01, 0.02, NA});

        double[][] semicovariance = Semicovariance.annualised(returns, 0.0, 1);

        // shortfalls below 0: (0, -0.02, 0, -0.01) and (-0.01, -0.01, 0, missing); divisor n, not n - 1
        assertThat(semicovariance[0][0]).isCloseTo(5e-4 / 4, within(1e-19));
        assertThat(semicovariance[1][1]).isCloseTo(2e-4 / 3, within(1e-19));
        assertThat(semicovariance[0][1]).isCloseTo(2e-4 / 3, within(1e-19));
    }

    @Test
    void theBenchmarkMovesTheShortfalls() {
        ReturnSeries returns = columns(new double[] {0.01, -0.02, 0.03, -0.01});

        // below 0.02: shortfalls -0.01, -0.04, 0, -0.03
        assertThat(Semicovariance.annualised(returns, 0.02, 252)[0][0]).isCloseTo(26e-4 / 4 * 252, within(1e-16));
        // PyPortfolioOpt tests/test_risk_models.py, test_semicovariance_benchmark: a very negative benchmark gives
        // zeros to 1e-4 (AAPL fell more than 50% in a day once, so its own entry is not exactly 0)
        double[][] almostNone = Semicovariance.annualised(ReturnTables.stockReturns(), -0.5, 252);
        for (double[] row : almostNone) {
            for (double value : row) {
                assertThat(value).isCloseTo(0.0, within(1e-4));
            }
        }
        assertThat(almostNone[ReturnTables.stock("AAPL")][ReturnTables.stock("AAPL")]).isPositive();
    }

    @Test
    void matchesAnIndependentComputationOnTheStockPrices() {
        double[][] semicovariance = Semicovariance.annualised(ReturnTables.stockReturns(), 0.000079, 252);

        // numpy: for each pair over the rows where both are present, sum(min(x - B, 0) * min(y - B, 0)) / rows * 252,
        // B = 0.000079 (PyPortfolioOpt's default); equal to its semicovariance for pairs without missing returns
        assertEntry(semicovariance, "GOOG", "AAPL", 0.026933256276848);
        assertEntry(semicovariance, "AAPL", "AAPL", 0.0932631296574067);
        assertEntry(semicovariance, "FB", "BABA", 0.022036183656905156);
        assertEntry(semicovariance, "SHLD", "XOM", 0.025188005870754055);
        assertEntry(semicovariance, "GE", "AMD", 0.037547206754141624);
        assertEntry(semicovariance, "BABA", "SBUX", 0.014039178633428444);
        assertEntry(semicovariance, "FB", "FB", 0.054869037773918265);
    }

    @Test
    void refusesABenchmarkThatIsNotANumber() {
        assertThatThrownBy(() -> Semicovariance.annualised(columns(new double[] {0.1, 0.2}), Double.NaN, 252))
                .hasMessage("benchmarkReturn: must be a finite return per period, was NaN");
    }
}
