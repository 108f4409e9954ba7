package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.GeometricMeanReturnTest.relative;
import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import org.junit.jupiter.api.Test;

class ArithmeticMeanReturnTest {

    @Test
    void scalesEachAssetsMeanReturnToAYear() {
        double[] annual = ArithmeticMeanReturn.annualised(columns(
                new double[] {0.10, -0.10, 0.10, 0.10},
                new double[] {NA, 0.03, NA, 0.01}), 252);

        assertThat(annual[0]).isCloseTo(0.05 * 252, within(1e-13));
        assertThat(annual[1]).isCloseTo(0.02 * 252, within(1e-13));
    }

    @Test
    void matchesPyPortfolioOptsDummyExample() {
        double[] annual = ArithmeticMeanReturn.annualised(ReturnSeries.simple(ReturnTables.prices(
                ReturnTables.PYPORTFOLIOOPT_DUMMY_PRICES)), 1);

        // PyPortfolioOpt tests/test_expected_returns.py at 901a7d4 (when the arithmetic mean was the default),
        // test_mean_historical_returns_dummy, frequency=1
        assertThat(annual).containsExactly(new double[] {0.00865598, 0.025, 0.01286968}, within(5e-9));
    }

    @Test
    void matchesPyPortfolioOptAndAnIndependentComputationOnTheStockPrices() {
        double[] annual = ArithmeticMeanReturn.annualised(ReturnTables.stockReturns(), 252);

        // PyPortfolioOpt tests/test_expected_returns.py at 901a7d4, test_mean_historical_returns (arithmetic then)
        assertThat(annual).containsExactly(new double[] {0.26770284, 0.3637864, 0.31709032, 0.22616723, 0.49982007,
            0.16888704, 0.22754479, 0.14783539, 0.19001915, 0.08150653, 0.12826351, 0.25797816, 0.07580128, 0.16087243,
            0.20510267, 0.3511536, 0.38808003, 0.24635612, 0.21798433, 0.28474973}, within(1.5e-6));
        // numpy: np.nanmean(R, axis=0) * 252, R as in GeometricMeanReturnTest
        assertThat(annual[ReturnTables.stock("GOOG")]).isCloseTo(0.2677028381241274, relative(0.2677028381241274));
        assertThat(annual[ReturnTables.stock("SHLD")]).isCloseTo(0.07580128489108966, relative(0.07580128489108966));
        // test_mean_historical_returns_frequency: the periods per year only scale the result
        double[] weekly = ArithmeticMeanReturn.annualised(ReturnTables.stockReturns(), 52);
        assertThat(weekly[0] / 52).isCloseTo(annual[0] / 252, within(1e-15));
    }

    @Test
    void needsTwoReturnsOfEachAsset() {
        assertThatThrownBy(() -> ArithmeticMeanReturn.annualised(columns(new double[] {NA, 0.2}, new double[] {NA, NA}), 252))
                .hasMessage("prices: assets A (1), B (0) have fewer than two returns; at least two are needed");
    }
}
