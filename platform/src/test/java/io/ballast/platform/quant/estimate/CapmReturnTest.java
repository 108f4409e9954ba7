package io.ballast.platform.quant.estimate;

import static io.ballast.platform.quant.estimate.ReturnTables.NA;
import static io.ballast.platform.quant.estimate.ReturnTables.columns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.prices.SharedMarketData;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CapmReturnTest {

    private static final double[] MARKET = {0.01, -0.01, 0.02, 0.00};

    @Test
    void addsBetaTimesTheMarketsExcessReturnToTheRiskFreeRate() {
        // A moves twice as much as the market (beta 2), B as much plus a constant (beta 1)
        ReturnSeries assets = columns(
                new double[] {0.02, -0.02, 0.04, 0.00},
                new double[] {0.011, -0.009, 0.021, 0.001});
        // the market has a day the assets lack (left out) and lacks none of theirs
        List<LocalDate> marketDates = new java.util.ArrayList<>(assets.dates());
        marketDates.add(0, ReturnTables.FIRST_DAY);
        ReturnSeries market = new ReturnSeries(marketDates, List.of("MKT"),
                new double[][] {{0.5}, {MARKET[0]}, {MARKET[1]}, {MARKET[2]}, {MARKET[3]}});

        double[] annual = CapmReturn.annualised(assets, Optional.of(market), 0.02, 4);

        // four quarterly returns make a year: E[R_m] = 1.01 * 0.99 * 1.02 * 1.00 - 1
        double marketAnnual = 1.01 * 0.99 * 1.02 - 1;
        assertThat(annual[0]).isCloseTo(0.02 + 2 * (marketAnnual - 0.02), within(1e-15));
        assertThat(annual[1]).isCloseTo(0.02 + 1 * (marketAnnual - 0.02), within(1e-15));
    }

    @Test
    void withoutAMarketUsesTheEqualWeightedUniverse() {
        ReturnSeries assets = columns(
                new double[] {0.02, -0.02, 0.04, 0.00},
                new double[] {0.011, -0.009, 0.021, 0.001});

        double[] annual = CapmReturn.annualised(assets, Optional.empty(), 0.0, 4);

        // market = 1.5 m + 0.0005: betas 2 * 1.5 / 1.5^2 = 4/3 and 1.5 / 1.5^2 = 2/3
        double marketAnnual = 1.0155 * 0.9855 * 1.0305 * 1.0005 - 1;
        assertThat(annual[0]).isCloseTo(4.0 / 3 * marketAnnual, within(1e-15));
        assertThat(annual[1]).isCloseTo(2.0 / 3 * marketAnnual, within(1e-15));
    }

    @Test
    void matchesPyPortfolioOptOnTheStockPricesWithTheEqualWeightedMarket() {
        double[] annual = CapmReturn.annualised(ReturnTables.stockReturns(), Optional.empty(), 0.02, 252);

        // PyPortfolioOpt tests/test_expected_returns.py at 057114aa, test_capm_no_benchmark. capm_return's
        // risk_free_rate defaulted to 0.02 then: numpy reproduces these to 1e-15 with 0.02 and not with 0
        assertThat(annual).containsExactly(new double[] {0.22148462799238577, 0.2835429647498704, 0.14693081977908462,
            0.1488989354304723, 0.4162399750335195, 0.22716772604184535, 0.3970337136813829, 0.16733214988182069,
            0.31791477659742146, 0.17279931642386534, 0.15271750464365566, 0.351778014382922, 0.32859883451716376,
            0.1501938182844417, 0.268295486802897, 0.31632339201710874, 0.27753479916328516, 0.16959588523287855,
            0.3089119447773357, 0.2558719211959501}, within(1e-12));
    }

    @Test
    void matchesPyPortfolioOptOnTheStockPricesWithSpyAsTheMarket() {
        ReturnSeries spy = ReturnSeries.simple(SharedMarketData.spyPrices());

        double[] annual = CapmReturn.annualised(ReturnTables.stockReturns(), Optional.of(spy), 0.02, 252);

        // PyPortfolioOpt tests/test_expected_returns.py at 057114aa, test_capm_with_benchmark (compounding, rf 0.02
        // as above); SPY's returns are joined on the stocks' dates, so its missing dates are missing returns
        assertThat(annual).containsExactly(new double[] {0.09115799375654746, 0.09905386632033128, 0.05676282405265752,
            0.06291827346436336, 0.13147799781014877, 0.10239088012000815, 0.1311567086884512, 0.07339649698626659,
            0.1301248935078549, 0.07620949056643983, 0.07629095442513395, 0.12163575425541985, 0.10400070536161658,
            0.0781736030988492, 0.09185177050469516, 0.10245700691271296, 0.11268307946677197, 0.07870087187919145,
            0.1275598841214107, 0.09536788741392595}, within(1e-12));
    }

    @Test
    void refusesAMarketThatCannotGiveBetas() {
        ReturnSeries assets = columns(new double[] {0.02, -0.02, 0.04, 0.00}, new double[] {NA, NA, 0.01, 0.02});
        ReturnSeries two = columns(new double[] {0.01, 0.02, 0.03, 0.04}, new double[] {0.01, 0.02, 0.03, 0.04});
        ReturnSeries elsewhere = new ReturnSeries(ReturnTables.days(30, 3), List.of("MKT"), new double[][] {{0.1}, {0.2}, {0.3}});
        ReturnSeries early = columns(new double[] {0.01, -0.01, NA, NA});
        ReturnSeries flat = columns(new double[] {0.01, 0.01, 0.01, 0.01});
        ReturnSeries crash = columns(new double[] {0.01, -1.5, 0.01, 0.01});

        assertThatThrownBy(() -> CapmReturn.annualised(assets, Optional.of(two), 0.02, 252))
                .hasMessage("marketReturns: must hold one series, found 2: A, B");
        assertThatThrownBy(() -> CapmReturn.annualised(assets, Optional.of(elsewhere), 0.02, 252))
                .hasMessage("marketReturns: the market has 0 returns on the assets' dates; at least two are needed");
        assertThatThrownBy(() -> CapmReturn.annualised(assets, Optional.of(early), 0.02, 252))
                .hasMessage("prices: asset B shares 0 periods with the market's returns; a beta needs at least two");
        assertThatThrownBy(() -> CapmReturn.annualised(assets, Optional.of(flat), 0.02, 252))
                .hasMessage("marketReturns: the market's returns do not vary; a beta needs a market that moves");
        assertThatThrownBy(() -> CapmReturn.annualised(assets, Optional.of(crash), 0.02, 252))
                .hasMessage("marketReturns: the market returns -1.5 on 2024-01-03; a compound growth needs returns above -100%");
        assertThatThrownBy(() -> CapmReturn.annualised(assets, Optional.empty(), Double.NaN, 252))
                .hasMessage("annualRiskFreeRate: must be a finite number, was NaN");
    }
}
