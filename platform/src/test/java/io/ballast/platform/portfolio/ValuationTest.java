package io.ballast.platform.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValuationTest {

    private static final Instant BAR_TIME = Instant.parse("2025-12-31T00:00:00Z");
    private static final Instant VALUED_AT = Instant.parse("2026-01-02T09:30:00Z");

    @Test
    void aLongOnlyPortfolioWorkedOutByHand() {
        // MV: 10 * 110 = 1100, 5 * 180 = 900; NAV 1000 + 1100 + 900 = 3000
        // weights 1100 / 3000 = 0.36666666666.. -> 0.3666666667, 900 / 3000 = 0.3
        // P&L 10 * (110 - 100) = +100, 5 * (180 - 200) = -100; fractions 110/100 - 1 = 0.1, 180/200 - 1 = -0.1
        Portfolio portfolio = portfolio("USD", "1000",
                new Position("BBB", new BigDecimal("5"), new BigDecimal("200")),
                new Position("AAA", new BigDecimal("10"), new BigDecimal("100")));

        PortfolioValuation valuation = Valuation.of(portfolio,
                Map.of("AAA", bar("AAA", "110"), "BBB", bar("BBB", "180")), VALUED_AT);

        assertThat(valuation.netAssetValue()).isEqualByComparingTo("3000");
        assertThat(valuation.cash()).isEqualByComparingTo("1000");
        assertThat(valuation.valuedAt()).isEqualTo(VALUED_AT);
        assertThat(valuation.holdings()).extracting(HoldingValuation::asset).containsExactly("AAA", "BBB");
        HoldingValuation aaa = valuation.holdings().get(0);
        assertThat(aaa.lastPrice()).isEqualByComparingTo("110");
        assertThat(aaa.lastPriceTime()).isEqualTo(BAR_TIME);
        assertThat(aaa.marketValue()).isEqualByComparingTo("1100");
        assertThat(aaa.weight()).isEqualByComparingTo("0.3666666667");
        assertThat(aaa.unrealisedPnl()).isEqualByComparingTo("100");
        assertThat(aaa.unrealisedPnlFraction()).isEqualByComparingTo("0.1");
        HoldingValuation bbb = valuation.holdings().get(1);
        assertThat(bbb.marketValue()).isEqualByComparingTo("900");
        assertThat(bbb.weight()).isEqualByComparingTo("0.3");
        assertThat(bbb.unrealisedPnl()).isEqualByComparingTo("-100");
        assertThat(bbb.unrealisedPnlFraction()).isEqualByComparingTo("-0.1");
    }

    @Test
    void aShortGainsWhenThePriceFalls() {
        // -10 SSS sold at 50, now 40: MV -400, NAV 5000 - 400 = 4600, weight -400 / 4600 = -0.08695652173..
        // P&L -10 * (40 - 50) = +100; fraction -(40/50 - 1) = +0.2
        PortfolioValuation valuation = Valuation.of(
                portfolio("USD", "5000", new Position("SSS", new BigDecimal("-10"), new BigDecimal("50"))),
                Map.of("SSS", bar("SSS", "40")), VALUED_AT);

        HoldingValuation sss = valuation.holdings().getFirst();
        assertThat(valuation.netAssetValue()).isEqualByComparingTo("4600");
        assertThat(sss.marketValue()).isEqualByComparingTo("-400");
        assertThat(sss.weight()).isEqualByComparingTo("-0.0869565217");
        assertThat(sss.unrealisedPnl()).isEqualByComparingTo("100");
        assertThat(sss.unrealisedPnlFraction()).isEqualByComparingTo("0.2");
    }

    @Test
    void aHoldingWithoutPriceIsShownButNotCountedInTheNav() {
        PortfolioValuation valuation = Valuation.of(portfolio("USD", "100",
                        new Position("AAA", new BigDecimal("2"), new BigDecimal("10")),
                        new Position("NEW", new BigDecimal("7"), new BigDecimal("3"))),
                Map.of("AAA", bar("AAA", "50")), VALUED_AT);

        // NAV 100 + 2 * 50 = 200; AAA weight 100 / 200 = 0.5
        assertThat(valuation.netAssetValue()).isEqualByComparingTo("200");
        assertThat(valuation.holdings().get(0).weight()).isEqualByComparingTo("0.5");
        assertThat(valuation.holdings().get(1))
                .isEqualTo(new HoldingValuation("NEW", new BigDecimal("7"), new BigDecimal("3"),
                        null, null, null, null, null, null));
        assertThat(valuation.holdings().get(1).priced()).isFalse();
        assertThat(valuation.unpricedAssets()).containsExactly("NEW");
    }

    @Test
    void amountsAreRoundedHalfEvenToTheCurrencysMinorUnitAndTheNavAddsThemUp() {
        // USD: 3 * 0.335 = 1.005 -> 1.00 (half-even), 1 * 2.015 = 2.015 -> 2.02; NAV 0 + 1.00 + 2.02 = 3.02
        PortfolioValuation dollars = Valuation.of(portfolio("USD", "0",
                        new Position("AAA", new BigDecimal("3"), new BigDecimal("0.3")),
                        new Position("BBB", new BigDecimal("1"), new BigDecimal("2"))),
                Map.of("AAA", bar("AAA", "0.335"), "BBB", bar("BBB", "2.015")), VALUED_AT);
        // JPY has no minor unit: 3 * 33.5 = 100.5 -> 100
        PortfolioValuation yen = Valuation.of(
                portfolio("JPY", "0", new Position("AAA", new BigDecimal("3"), new BigDecimal("30"))),
                Map.of("AAA", bar("AAA", "33.5")), VALUED_AT);

        assertThat(dollars.holdings()).extracting(HoldingValuation::marketValue)
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("2.02"));
        assertThat(dollars.netAssetValue()).isEqualTo(new BigDecimal("3.02"));
        // P&L 3 * (0.335 - 0.3) = 0.105 -> 0.10; 1 * (2.015 - 2) = 0.015 -> 0.02
        assertThat(dollars.holdings()).extracting(HoldingValuation::unrealisedPnl)
                .containsExactly(new BigDecimal("0.10"), new BigDecimal("0.02"));
        assertThat(yen.holdings().getFirst().marketValue()).isEqualTo(new BigDecimal("100"));
    }

    @Test
    void weightsAreLeftOutWhenTheNavIsZero() {
        // long 10 * 10 = 100 and short -10 * 10 = -100 with no cash: NAV 0
        PortfolioValuation valuation = Valuation.of(portfolio("USD", "0",
                        new Position("AAA", new BigDecimal("10"), new BigDecimal("10")),
                        new Position("BBB", new BigDecimal("-10"), new BigDecimal("10"))),
                Map.of("AAA", bar("AAA", "10"), "BBB", bar("BBB", "10")), VALUED_AT);

        assertThat(valuation.netAssetValue()).isEqualByComparingTo("0");
        assertThat(valuation.holdings()).extracting(HoldingValuation::weight).containsExactly(null, null);
        assertThat(valuation.holdings()).extracting(HoldingValuation::marketValue)
                .containsExactly(new BigDecimal("100.00"), new BigDecimal("-100.00"));
    }

    private static Portfolio portfolio(String currency, String cash, Position... positions) {
        return new Portfolio("9b2f6a3e-0000-4000-8000-000000000001", "Test", currency, new BigDecimal(cash),
                List.of(positions), Instant.parse("2025-01-01T00:00:00Z"), "tester");
    }

    private static PriceBar bar(String asset, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, BAR_TIME, price, price, price, price, BigDecimal.TEN);
    }
}
