package io.ballast.platform.riskfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.VolatilityRegime;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.store.Store;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts of a two-asset portfolio over 61 daily closes (60 returns), worked out by hand.
 *
 * <pre>
 * AAA (Technology): 100 on days 0-9, 90 from day 10 (-10%), 99 from day 30 (+10%), 94.05 from day 45 (-5%)
 * BBB (Financials):  50 on days 0-19, 40 from day 20 (-20%), 48 from day 40 (+20%), 45.6 on day 60 (-5%)
 * CCC (Layer 1):     one close, 30 on day 60
 * portfolio: cash 5839, 20 AAA at 95, 50 BBB at 47, created on day 15
 *   MV AAA = 20 x 94.05 = 1881, MV BBB = 50 x 45.6 = 2280, NAV = 5839 + 1881 + 2280 = 10000
 *   weights 0.1881 and 0.228
 * </pre>
 */
class RiskFactsAssemblerTest {

    static final Instant DAY_0 = Instant.parse("2025-01-01T00:00:00Z");
    static final double EXACT = 1e-12;

    @TempDir
    Path dataDirectory;

    Store store;
    RiskFactsAssembler assembler;
    String portfolioId;

    @BeforeEach
    void storeTheMarketAndThePortfolio() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
        store.instruments().saveAll(List.of(
                new Instrument("AAA", "Alpha", AssetClass.EQUITY, "Technology", "USD"),
                new Instrument("BBB", "Beta", AssetClass.EQUITY, "Financials", "USD"),
                new Instrument("CCC", "Gamma", AssetClass.CRYPTO, "Layer 1", "USD")));
        List<PriceBar> bars = new ArrayList<>();
        for (int day = 0; day <= 60; day++) {
            String a = day < 10 ? "100" : day < 30 ? "90" : day < 45 ? "99" : "94.05";
            String b = day < 20 ? "50" : day < 40 ? "40" : day < 60 ? "48" : "45.6";
            bars.add(bar("AAA", day, a));
            bars.add(bar("BBB", day, b));
        }
        bars.add(bar("CCC", 60, "30"));
        store.priceBars().saveAll(bars);
        Instant today = day(60).plus(18, ChronoUnit.HOURS);
        assembler = new RiskFactsAssembler(store.instruments(), store.priceBars(), store.portfolios(), store.portfolioNavs(),
                Clock.fixed(today, ZoneOffset.UTC));
        portfolioId = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(portfolioId, "Two assets", "USD", new BigDecimal("5839"), List.of(
                new Position("AAA", new BigDecimal("20"), new BigDecimal("95")),
                new Position("BBB", new BigDecimal("50"), new BigDecimal("47"))),
                day(15).plus(10, ChronoUnit.HOURS), "pm"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aStoredPortfolioGivesItsExposuresTailLossesAndPositions() {
        RiskFacts facts = assembler.ofStored(portfolioId, List.of()).orElseThrow();
        PortfolioRisk portfolio = facts.portfolio().orElseThrow();

        assertThat(portfolio.portfolioId()).isEqualTo(portfolioId);
        assertThat(portfolio.netAssetValue()).isCloseTo(10000, within(1e-9));
        assertThat(portfolio.peakNetAssetValue()).isCloseTo(10000, within(1e-9)); // nothing recorded: the current NAV
        assertThat(portfolio.grossExposure()).isCloseTo(4161, within(1e-9)); // 1881 + 2280
        assertThat(portfolio.netExposure()).isCloseTo(4161, within(1e-9));
        // 0.1881^2 + 0.228^2 = 0.03538161 + 0.051984
        assertThat(portfolio.herfindahlIndex()).isCloseTo(0.08736561, within(EXACT));
        // only BBB moved on the last day: 50 x (45.6 - 48)
        assertThat(portfolio.dailyPnl()).isCloseTo(-120, within(1e-9));
        /*
         * portfolio returns (weights 0.1881, 0.228): day 10 -0.01881, day 20 -0.0456, day 30 +0.01881,
         * day 40 +0.0456, day 45 -0.009405, day 60 -0.0114, 54 days 0.
         * losses ascending, 60 of them: -0.0456, -0.01881, 0 x 54 (index 2..55), 0.009405, 0.0114, 0.01881, 0.0456
         * VaR95: h = 59 x 0.95 = 56.05 -> 0.009405 + 0.05 x (0.0114 - 0.009405) = 0.00950475
         * ES95 = mean(0.0114, 0.01881, 0.0456) = 0.07581 / 3 = 0.02527
         * VaR99: h = 58.41 -> 0.01881 + 0.41 x (0.0456 - 0.01881) = 0.01881 + 0.0109839 = 0.0297939
         * ES99 = 0.0456
         */
        assertThat(portfolio.valueAtRisk95Fraction()).isCloseTo(0.00950475, within(EXACT));
        assertThat(portfolio.expectedShortfall95Fraction()).isCloseTo(0.02527, within(EXACT));
        assertThat(portfolio.valueAtRisk99Fraction()).isCloseTo(0.0297939, within(EXACT));
        assertThat(portfolio.expectedShortfall99Fraction()).isCloseTo(0.0456, within(EXACT));
        /*
         * long window (all 60): mean -0.00034675, sample sd 0.009277; short window (days 40-60, 21 returns:
         * 0.0456, -0.009405, -0.0114, 18 zeros): sd 0.010650; ratio 1.148, between 0.67 and 1.5
         */
        assertThat(portfolio.volatilityRegime()).isEqualTo(VolatilityRegime.NORMAL);

        assertThat(facts.positions()).hasSize(2);
        PositionRisk aaa = facts.positions().get(0);
        assertThat(aaa.asset()).isEqualTo("AAA");
        assertThat(aaa.sector()).isEqualTo("Technology");
        assertThat(aaa.lastPrice()).isEqualTo(94.05);
        assertThat(aaa.unrealisedPnlFraction()).isEqualTo(-0.01); // (94.05 - 95) / 95
        // closes from the creation day (15) on: 90, 99, 94.05; the 100 before it does not count
        assertThat(aaa.peakPriceSinceEntry()).isEqualTo(99);
        assertThat(aaa.weight()).isCloseTo(0.1881, within(EXACT));
        assertThat(aaa.leverage()).isEqualTo(1);
        assertThat(aaa.hasLiquidationPrice()).isFalse();
        PositionRisk bbb = facts.positions().get(1);
        assertThat(bbb.sector()).isEqualTo("Financials");
        assertThat(bbb.unrealisedPnlFraction()).isEqualTo(-0.0297872340); // -1.4 / 47, 10 decimals
        assertThat(bbb.peakPriceSinceEntry()).isEqualTo(50); // 50 on days 15-19
        assertThat(bbb.weight()).isCloseTo(0.228, within(EXACT));
        assertThat(facts.trades()).isEmpty();
    }

    @Test
    void thePeakNavIsTheHighestRecordedOne() {
        store.portfolioNavs().record(portfolioId, day(50), new BigDecimal("12500"));
        store.portfolioNavs().record(portfolioId, day(55), new BigDecimal("11000"));

        PortfolioRisk portfolio = assembler.ofStored(portfolioId, List.of()).orElseThrow().portfolio().orElseThrow();

        assertThat(portfolio.peakNetAssetValue()).isEqualTo(12500);
        assertThat(portfolio.drawdownFraction()).isCloseTo(0.2, within(EXACT)); // 1 - 10000 / 12500
    }

    @Test
    void tradesArePricedAndTheirResultingFiguresAreAfterAllOfThem() {
        List<TradeRequest> trades = List.of(
                new TradeRequest(null, "BBB", OrderSide.BUY, new BigDecimal("10")),
                new TradeRequest("exit-a", "AAA", OrderSide.SELL, new BigDecimal("20")),
                new TradeRequest(null, "CCC", OrderSide.BUY, new BigDecimal("10")));

        List<ProposedTrade> proposed = assembler.ofStored(portfolioId, trades).orElseThrow().trades();

        /*
         * after all three: AAA 0, BBB 60 x 45.6 = 2736, CCC 10 x 30 = 300;
         * cash 5839 - 456 + 1881 - 300 = 6964, NAV 6964 + 2736 + 300 = 10000 (unchanged)
         * weights: AAA 0, BBB 0.2736, CCC 0.03; sectors the same (one asset each); leverage 3036 / 10000
         * before them the sectors are their one asset's: Financials 0.228, Technology 0.1881, Layer 1 none (0)
         */
        assertThat(proposed).extracting(ProposedTrade::id).containsExactly("1", "exit-a", "3");
        ProposedTrade buyB = proposed.get(0);
        assertThat(buyB.notional()).isCloseTo(456, within(1e-9));
        assertThat(buyB.sector()).isEqualTo("Financials");
        assertThat(buyB.currentWeight()).isCloseTo(0.228, within(EXACT));
        assertThat(buyB.resultingWeight()).isCloseTo(0.2736, within(EXACT));
        assertThat(buyB.currentSectorWeight()).isCloseTo(0.228, within(EXACT));
        assertThat(buyB.resultingSectorWeight()).isCloseTo(0.2736, within(EXACT));
        assertThat(buyB.resultingLeverage()).isCloseTo(0.3036, within(EXACT));
        assertThat(buyB.increasesExposure()).isTrue();
        ProposedTrade sellA = proposed.get(1);
        assertThat(sellA.notional()).isCloseTo(1881, within(1e-9));
        assertThat(sellA.currentWeight()).isCloseTo(0.1881, within(EXACT));
        assertThat(sellA.resultingWeight()).isCloseTo(0, within(EXACT));
        assertThat(sellA.currentSectorWeight()).isCloseTo(0.1881, within(EXACT));
        assertThat(sellA.resultingSectorWeight()).isCloseTo(0, within(EXACT));
        assertThat(sellA.increasesExposure()).isFalse();
        ProposedTrade buyC = proposed.get(2);
        assertThat(buyC.sector()).isEqualTo("Layer 1");
        assertThat(buyC.notional()).isCloseTo(300, within(1e-9));
        assertThat(buyC.currentWeight()).isZero();
        assertThat(buyC.resultingWeight()).isCloseTo(0.03, within(EXACT));
        assertThat(buyC.currentSectorWeight()).isZero();
        assertThat(buyC.resultingSectorWeight()).isCloseTo(0.03, within(EXACT));
        assertThat(buyC.resultingLeverage()).isCloseTo(0.3036, within(EXACT));
    }

    @Test
    void inlinePositionsTakeWhatIsGivenAndTheStoreForTheRest() {
        InlinePortfolio inline = new InlinePortfolio(new BigDecimal("1000"), List.of(
                new InlinePosition("AAA", new BigDecimal("-10"), new BigDecimal("100"), new BigDecimal("110"), "Custom",
                        null, null, null),
                new InlinePosition("ZZZ", new BigDecimal("50"), new BigDecimal("25"), new BigDecimal("20"), null,
                        new BigDecimal("30"), new BigDecimal("3"), new BigDecimal("15"))),
                new BigDecimal("1000"));

        RiskFacts facts = assembler.ofInline(inline, List.of());
        PortfolioRisk portfolio = facts.portfolio().orElseThrow();

        // MV AAA = -10 x 110 = -1100, MV ZZZ = 50 x 20 = 1000, NAV = 1000 - 1100 + 1000 = 900
        assertThat(portfolio.portfolioId()).isEqualTo("inline");
        assertThat(portfolio.netAssetValue()).isCloseTo(900, within(1e-9));
        assertThat(portfolio.peakNetAssetValue()).isEqualTo(1000);
        assertThat(portfolio.grossExposure()).isCloseTo(2100, within(1e-9));
        assertThat(portfolio.netExposure()).isCloseTo(-100, within(1e-9));
        // (1100/900)^2 + (1000/900)^2 = 2210000 / 810000
        assertThat(portfolio.herfindahlIndex()).isCloseTo(2210000.0 / 810000, within(EXACT));
        // given last prices move from the latest stored close: AAA -10 x (110 - 94.05) = -159.5; ZZZ has no stored close: 0
        assertThat(portfolio.dailyPnl()).isCloseTo(-159.5, within(1e-9));
        assertThat(portfolio.hasValueAtRisk()).isFalse(); // ZZZ has no history: no common day
        assertThat(portfolio.volatilityRegime()).isEqualTo(VolatilityRegime.NORMAL);
        PositionRisk aaa = facts.positions().get(0);
        assertThat(aaa.sector()).isEqualTo("Custom");
        assertThat(aaa.weight()).isCloseTo(-1100.0 / 900, within(EXACT));
        assertThat(aaa.peakPriceSinceEntry()).isEqualTo(100); // a short's best: the lower of entry 100 and last 110
        assertThat(aaa.unrealisedPnlFraction()).isEqualTo(-0.1);
        PositionRisk zzz = facts.positions().get(1);
        assertThat(zzz.sector()).isEqualTo(PositionRisk.UNCLASSIFIED_SECTOR);
        assertThat(zzz.peakPriceSinceEntry()).isEqualTo(30);
        assertThat(zzz.leverage()).isEqualTo(3);
        assertThat(zzz.liquidationPrice()).isEqualTo(15);
    }

    @Test
    void anAssetWhoseLastBarIsOlderThanTheOthersAddsNothingToTheDailyPnl() {
        // DDD last traded on day 58 (10 on day 57, 12 on day 58); AAA and BBB have bars on day 60
        store.instruments().saveAll(List.of(new Instrument("DDD", "Delta", AssetClass.EQUITY, "Energy", "USD")));
        store.priceBars().saveAll(List.of(bar("DDD", 57, "10"), bar("DDD", 58, "12")));
        String stale = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(stale, "One stale asset", "USD", new BigDecimal("1000"), List.of(
                new Position("AAA", new BigDecimal("20"), new BigDecimal("95")),
                new Position("BBB", new BigDecimal("50"), new BigDecimal("47")),
                new Position("DDD", new BigDecimal("100"), new BigDecimal("10"))),
                day(15), "pm"));

        PortfolioRisk portfolio = assembler.ofStored(stale, List.of()).orElseThrow().portfolio().orElseThrow();

        // AAA 20 x (94.05 - 94.05) = 0, BBB 50 x (45.6 - 48) = -120; DDD's +2 of day 58 is not today's move: 0, not 100 x 2
        assertThat(portfolio.dailyPnl()).isCloseTo(-120, within(1e-9));
    }

    @Test
    void anInlinePositionPricedFromTheStoreMovesByItsLastDayAndAGivenPriceFromTheLatestClose() {
        InlinePortfolio inline = new InlinePortfolio(new BigDecimal("1000"), List.of(
                InlinePosition.of("BBB", new BigDecimal("10"), new BigDecimal("40")),
                new InlinePosition("AAA", new BigDecimal("4"), new BigDecimal("90"), new BigDecimal("95.05"), null, null, null, null)),
                null);

        PortfolioRisk portfolio = assembler.ofInline(inline, List.of()).portfolio().orElseThrow();

        // BBB from the store: 10 x (45.6 - 48) = -24; AAA given 95.05 against its latest close 94.05: 4 x 1 = 4
        assertThat(portfolio.dailyPnl()).isCloseTo(-20, within(1e-9));
    }

    @Test
    void anInlinePositionWithoutAnyPriceIsRefusedNamingItsLastPrice() {
        InlinePortfolio inline = new InlinePortfolio(BigDecimal.ZERO, List.of(
                InlinePosition.of("AAA", BigDecimal.ONE, BigDecimal.TEN),
                InlinePosition.of("ZZZ", BigDecimal.ONE, BigDecimal.TEN)), null);

        assertThatThrownBy(() -> assembler.ofInline(inline, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.field()).isEqualTo("positions[1].lastPrice"));
    }

    @Test
    void badTradesAreRefusedNamingTheirPath() {
        assertThatThrownBy(() -> assembler.ofStored(portfolioId, List.of(
                new TradeRequest(null, "AAA", OrderSide.BUY, BigDecimal.ONE),
                new TradeRequest(null, "BBB", OrderSide.SELL, BigDecimal.ZERO))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trades[1].quantity"));
        assertThatThrownBy(() -> assembler.ofStored(portfolioId, List.of(
                new TradeRequest("x", "AAA", OrderSide.BUY, BigDecimal.ONE),
                new TradeRequest("x", "BBB", OrderSide.SELL, BigDecimal.ONE))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trades[1].id"));
        assertThatThrownBy(() -> assembler.ofStored(portfolioId, List.of(
                new TradeRequest(null, "NOPE", OrderSide.BUY, BigDecimal.ONE))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trades[0].asset"));
    }

    @Test
    void anUnknownPortfolioHasNoFacts() {
        assertThat(assembler.ofStored(UUID.randomUUID().toString(), List.of())).isEmpty();
    }

    static Instant day(int day) {
        return DAY_0.plus(day, ChronoUnit.DAYS);
    }

    static PriceBar bar(String asset, int day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, day(day), price, price, price, price, BigDecimal.ONE);
    }
}
