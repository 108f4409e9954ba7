package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.GeometricMeanReturnTest.relative;
import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import org.junit.jupiter.api.Test;

class ExponentiallyWeightedReturnTest {

    @Test
    void weighsEachPeriodByItsDistanceFromTheLastAndSkipsMissingReturns() {
        // span 3: alpha 1/2, so weights 1/4, 1/2, 1 for the last three periods
        ReturnSeries returns = columns(
                new double[] {0.01, NA, 0.03},
                new double[] {NA, 0.02, 0.04},
                new double[] {0.02, 0.04, NA});

        double[] annual = ExponentiallyWeightedReturn.annualised(returns, 3, 1);

        // a gap still counts as a period of decay (pandas ignore_na=False): (0.25 * 0.01 + 1 * 0.03) / 1.25
        assertThat(annual[0]).isCloseTo(0.026, within(1e-15));
        // leading gap: (0.5 * 0.02 + 1 * 0.04) / 1.5
        assertThat(annual[1]).isCloseTo(0.05 / 1.5, within(1e-15));
        // trailing gap: pandas' value at the last period is the one at the asset's last return
        assertThat(annual[2]).isCloseTo(0.05 / 1.5, within(1e-15));
    }

    @Test
    void aSpanOfOneKeepsOnlyTheLatestReturnAndAVeryLongOneIsTheArithmeticMean() {
        ReturnSeries returns = columns(new double[] {0.01, 0.05, 0.03});

        assertThat(ExponentiallyWeightedReturn.annualised(returns, 1, 252)[0]).isCloseTo(0.03 * 252, within(1e-13));
        // PyPortfolioOpt tests/test_expected_returns.py, test_ema_historical_return_limit: span 1e10 against the
        // arithmetic mean, to 6 decimals
        double[] longSpan = ExponentiallyWeightedReturn.annualised(ReturnTables.stockReturns(), 1e10, 252);
        double[] arithmetic = ArithmeticMeanReturn.annualised(ReturnTables.stockReturns(), 252);
        assertThat(longSpan).containsExactly(arithmetic, within(1.5e-6));
    }

    @Test
    void matchesPandasOnTheStockPrices() {
        double[] annual = ExponentiallyWeightedReturn.annualised(ReturnTables.stockReturns(), 500, 252);

        // numpy: pandas' ewma recursion (adjust=True, ignore_na=False, alpha = 2/501) run over each column of R,
        // last value * 252 (PyPortfolioOpt's ema_historical_return with compounding=False)
        assertThat(annual[ReturnTables.stock("GOOG")]).isCloseTo(0.1632912448216358, relative(0.1632912448216358));
        assertThat(annual[ReturnTables.stock("FB")]).isCloseTo(0.1791188634701867, relative(0.1791188634701867));
        assertThat(annual[ReturnTables.stock("SHLD")]).isCloseTo(-0.4974852825282108, relative(0.4974852825282108));
        assertThat(annual[ReturnTables.stock("SBUX")]).isCloseTo(0.09770206439999615, relative(0.09770206439999615));
    }

    @Test
    void refusesASpanBelowOne() {
        assertThatThrownBy(() -> ExponentiallyWeightedReturn.annualised(columns(new double[] {0.1, 0.2}), 0.5, 252))
                .hasMessage("span: must be a finite number of periods of at least 1, was 0.5");
    }
}
