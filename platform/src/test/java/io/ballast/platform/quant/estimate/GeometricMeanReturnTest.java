package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GeometricMeanReturnTest {

    @Test
    void compoundsEachAssetsOwnReturnsToAYear() {
        ReturnSeries returns = columns(
                new double[] {0.10, -0.10, 0.10, 0.10},
                new double[] {NA, 0.21, NA, 0.0});

        double[] annual = GeometricMeanReturn.annualised(returns, 4);

        // A: 1.1 * 0.9 * 1.1 * 1.1 over 4 periods of a 4-period year; B: 1.21 * 1.0 over 2, squared
        assertThat(annual[0]).isCloseTo(1.1 * 0.9 * 1.1 * 1.1 - 1, within(1e-15));
        assertThat(annual[1]).isCloseTo(1.21 * 1.21 - 1, within(1e-15));
    }

    @Test
    void matchesPyPortfolioOptsDummyExample() {
        double[] annual = GeometricMeanReturn.annualised(ReturnSeries.simple(ReturnTables.prices(
                ReturnTables.PYPORTFOLIOOPT_DUMMY_PRICES)), 1);

        // closed form: (last / first)^(1/4) - 1
        assertThat(annual[0]).isCloseTo(Math.pow(4.1 / 4.0, 0.25) - 1, within(1e-15));
        assertThat(annual[1]).isCloseTo(Math.pow(2.2 / 2.0, 0.25) - 1, within(1e-15));
        assertThat(annual[2]).isCloseTo(Math.pow(0.63 / 0.6, 0.25) - 1, within(1e-15));
        // PyPortfolioOpt tests/test_expected_returns.py, test_mean_historical_returns_dummy (frequency=1, compounding)
        assertThat(annual).containsExactly(new double[] {0.0061922, 0.0241137, 0.0122722}, within(5e-8));
    }

    @Test
    void matchesPyPortfolioOptAndAnIndependentComputationOnTheStockPrices() {
        double[] annual = GeometricMeanReturn.annualised(ReturnTables.stockReturns(), 252);

        // PyPortfolioOpt tests/test_expected_returns.py, test_mean_historical_returns (geometric, the default),
        // compared there with assert_array_almost_equal (6 decimals)
        assertThat(annual).containsExactly(new double[] {0.247967, 0.294304, 0.284037, 0.1923164, 0.371327, 0.1360093,
            0.0328503, 0.1200115, 0.105540, 0.0423457, 0.1002559, 0.1442237, -0.0792602, 0.1430506, 0.0736356, 0.238835,
            0.388665, 0.226717, 0.1561701, 0.2318153}, within(1.5e-6));
        // numpy: R = P[1:]/P[:-1] - 1 without all-missing rows; prod(1 + R over non-missing)**(252/count) - 1
        double[] numpy = {0.2479671394835612, 0.2943046823052571, 0.2840374345617638, 0.1923164471386012,
            0.37132788212360524, 0.13600933058384146, 0.03285035995697716, 0.12001155086679449, 0.10554023542827684,
            0.0423457055304326, 0.10025594843662411, 0.14422377016067367, -0.07926046395064312, 0.1430506970738865,
            0.07363569643845969, 0.23883542081683773, 0.3886658284439337, 0.226717958869749, 0.15617015462399575,
            0.23181535843043433};
        for (int a = 0; a < numpy.length; a++) {
            assertThat(annual[a]).as(ReturnTables.stockReturns().assets().get(a)).isCloseTo(numpy[a], relative(numpy[a]));
        }
    }

    @Test
    void needsTwoReturnsOfEachAssetAndReturnsAboveMinusOneHundredPercent() {
        assertThatThrownBy(() -> GeometricMeanReturn.annualised(columns(new double[] {0.1, 0.2}, new double[] {NA, 0.1}), 252))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("prices");
                    assertThat(e.problem()).isEqualTo("asset B (1) has fewer than two returns; at least two are needed");
                });
        assertThatThrownBy(() -> GeometricMeanReturn.annualised(columns(new double[] {0.1, -1.0}), 252))
                .hasMessage("prices: asset A returns -1.0 on 2024-01-03; a compound growth needs returns above -100%");
        assertThatThrownBy(() -> GeometricMeanReturn.annualised(columns(new double[] {0.1, 0.2}), 0))
                .hasMessage("periodsPerYear: must be at least 1, was 0");
    }

    static Offset<Double> relative(double expected) {
        return within(Math.abs(expected) * 1e-12);
    }
}
