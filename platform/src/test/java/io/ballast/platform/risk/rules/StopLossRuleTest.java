package io.ballast.platform.risk.rules;

import static io.ballast.platform.risk.rules.ShippedRules.ENGINE;
import static io.ballast.platform.risk.rules.ShippedRules.decide;
import static io.ballast.platform.risk.rules.ShippedRules.portfolio;
import static io.ballast.platform.risk.rules.ShippedRules.smallBuy;
import static io.ballast.platform.risk.rules.ShippedRules.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.risk.RiskFacts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped {@code rules/stop-loss.drl} with the shipped limits (soft 5%, halve; hard 8%; trailing 10%; breaker 15%). */
class StopLossRuleTest {

    private static RiskDecision hardStop(String asset, String message) {
        return RiskDecision.of("hard stop-loss", Severity.CRITICAL, RiskAction.EXIT, RiskSubject.asset(asset), message);
    }

    private static RiskDecision softStop(String asset, String message) {
        return RiskDecision.reduce("soft stop-loss", Severity.WARNING, 0.5, RiskSubject.asset(asset), message);
    }

    private static RiskDecision trailingStop(String asset, String message) {
        return RiskDecision.of("trailing stop", Severity.WARNING, RiskAction.EXIT, RiskSubject.asset(asset), message);
    }

    @Test
    void aLongDownExactlyEightPercentIsExited() {
        // 92 / 100 - 1 is -0.07999999999999996 in doubles; the fact carries the exact fraction
        assertThat(PositionRisk.ofPrices("p1", "BTC", 10, 100, 92).unrealisedPnlFraction()).isEqualTo(-0.08);

        assertThat(decide(PositionRisk.ofPrices("p1", "BTC", 10, 100, 92))).containsExactly(hardStop("BTC",
                "BTC: long position at a loss of 8.00% (average entry 100, last 92) reached the hard stop-loss of 8%"));
    }

    @Test
    void aLongDownSevenPointNineNinePercentIsNotExitedButHalvedByTheSoftStop() {
        assertThat(decide(PositionRisk.ofPrices("p1", "BTC", 10, 100, 92.01))).containsExactly(softStop("BTC",
                "BTC: long position at a loss of 7.99% (average entry 100, last 92.01) reached the soft stop-loss of 5%: reduce it by 50%"));
    }

    @Test
    void aLongDownEightPointZeroOnePercentIsExited() {
        assertThat(decide(PositionRisk.ofPrices("p1", "ETH", 3, 100, 91.99))).containsExactly(hardStop("ETH",
                "ETH: long position at a loss of 8.01% (average entry 100, last 91.99) reached the hard stop-loss of 8%"));
    }

    @Test
    void aGainIsLeftAlone() {
        assertThat(decide(PositionRisk.ofPrices("p1", "AAPL", 10, 100, 112))).isEmpty();
    }

    @Test
    void aShortWhosePriceRoseEightPercentIsExited() {
        assertThat(decide(PositionRisk.ofPrices("p1", "TSLA", -5, 100, 108))).containsExactly(hardStop("TSLA",
                "TSLA: short position at a loss of 8.00% (average entry 100, last 108) reached the hard stop-loss of 8%"));
    }

    @Test
    void aShortWhosePriceFellEightPercentIsInProfitAndLeftAlone() {
        assertThat(decide(PositionRisk.ofPrices("p1", "TSLA", -5, 100, 92))).isEmpty();
    }

    @Test
    void aClosedPositionIsLeftAloneWhateverThePrice() {
        assertThat(decide(PositionRisk.ofPrices("p1", "BTC", 0, 100, 50).withPeakPriceSinceEntry(200))).isEmpty();
    }

    /** Exact 8% losses with decimal prices land on either side of -0.08 in doubles; all must be stopped. */
    @ParameterizedTest
    @CsvSource({
            "1.25, 1.15",
            "0.35, 0.322",
            "12.5, 11.5",
            "65000.5, 59800.46",
            "0.00012345, 0.000113574",
            "333.33, 306.6636"})
    void anExactEightPercentLossWithDecimalPricesIsExited(double entry, double last) {
        assertThat(decide(PositionRisk.ofPrices("p1", "X", 1, entry, last)))
                .singleElement()
                .satisfies(decision -> assertThat(decision.message()).contains("at a loss of 8.00%"));
    }

    @Test
    void decisionsComeInSubjectOrderWhateverTheFactOrder() {
        List<RiskDecision> decisions = decide(
                PositionRisk.ofPrices("p1", "SOL", 1, 100, 80),
                PositionRisk.ofPrices("p1", "ADA", 1, 100, 90),
                PositionRisk.ofPrices("p1", "DOT", 1, 100, 99),
                PositionRisk.ofPrices("p1", "BNB", -1, 100, 150));

        assertThat(decisions).extracting(decision -> decision.subject().id()).containsExactly("ADA", "BNB", "SOL");
    }

    @Test
    void theEvaluationNamesTheRulesVersionThatDecided() {
        assertThat(ENGINE.evaluate(RiskFacts.ofPositions(List.of())).rulesVersion()).isEqualTo(ENGINE.version()).hasSize(12);
    }

    @Test
    void aLongDownExactlyFivePercentIsHalved() {
        // 95 / 100 - 1 = -0.05
        assertThat(decide(PositionRisk.ofPrices("p1", "AAPL", 10, 100, 95))).containsExactly(softStop("AAPL",
                "AAPL: long position at a loss of 5.00% (average entry 100, last 95) reached the soft stop-loss of 5%: reduce it by 50%"));
    }

    @Test
    void aLongDownFourPointNineNinePercentIsLeftAlone() {
        assertThat(decide(PositionRisk.ofPrices("p1", "AAPL", 10, 100, 95.01))).isEmpty();
    }

    @Test
    void aLongDownFivePointZeroOnePercentIsHalved() {
        assertThat(decide(PositionRisk.ofPrices("p1", "AAPL", 10, 100, 94.99))).containsExactly(softStop("AAPL",
                "AAPL: long position at a loss of 5.01% (average entry 100, last 94.99) reached the soft stop-loss of 5%: reduce it by 50%"));
    }

    @Test
    void aShortWhosePriceRoseFivePercentIsHalved() {
        // short from 100, last 105: (105 - 100) x -1 / 100 = -0.05
        assertThat(decide(PositionRisk.ofPrices("p1", "TSLA", -5, 100, 105))).containsExactly(softStop("TSLA",
                "TSLA: short position at a loss of 5.00% (average entry 100, last 105) reached the soft stop-loss of 5%: reduce it by 50%"));
    }

    @Test
    void aLongTenPercentBackFromItsPeakAfterAGainIsExited() {
        // entry 100, peak 120, last 108: 1 - 108 / 120 = 0.10 (0.09999999999999998 in doubles); still 8% up on entry
        assertThat(decide(PositionRisk.ofPrices("p1", "NVDA", 10, 100, 108).withPeakPriceSinceEntry(120))).containsExactly(trailingStop("NVDA",
                "NVDA: long position 10.00% back from its best price of 120 since entry (average entry 100, last 108) reached the trailing stop of 10%"));
    }

    @Test
    void aLongNinePointNineNinePercentBackFromItsPeakIsLeftAlone() {
        // 1 - 108.01 / 120 = 0.0999167
        assertThat(decide(PositionRisk.ofPrices("p1", "NVDA", 10, 100, 108.01).withPeakPriceSinceEntry(120))).isEmpty();
    }

    @Test
    void aLongTenPointZeroOnePercentBackFromItsPeakIsExited() {
        // 1 - 107.99 / 120 = 0.1000833
        assertThat(decide(PositionRisk.ofPrices("p1", "NVDA", 10, 100, 107.99).withPeakPriceSinceEntry(120))).containsExactly(trailingStop("NVDA",
                "NVDA: long position 10.01% back from its best price of 120 since entry (average entry 100, last 107.99) reached the trailing stop of 10%"));
    }

    @Test
    void aShortTenPercentBackFromItsLowestPriceAfterAGainIsExited() {
        // short from 100, lowest 80, last 88: 88 / 80 - 1 = 0.10; still 12% up on entry
        assertThat(decide(PositionRisk.ofPrices("p1", "TSLA", -5, 100, 88).withPeakPriceSinceEntry(80))).containsExactly(trailingStop("TSLA",
                "TSLA: short position 10.00% back from its best price of 80 since entry (average entry 100, last 88) reached the trailing stop of 10%"));
        // 87.99 / 80 - 1 = 0.099875
        assertThat(decide(PositionRisk.ofPrices("p1", "TSLA", -5, 100, 87.99).withPeakPriceSinceEntry(80))).isEmpty();
    }

    @Test
    void aPositionThatNeverGainedIsLeftToTheFixedStops() {
        // peak = entry = 100, last 89: 11% back from the "peak", but it is the hard stop that exits it
        assertThat(decide(PositionRisk.ofPrices("p1", "X", 10, 100, 89))).containsExactly(hardStop("X",
                "X: long position at a loss of 11.00% (average entry 100, last 89) reached the hard stop-loss of 8%"));
    }

    @Test
    void aDailyLossOfExactlyFifteenPercentHaltsTradingAndBlocksAddingTrades() {
        // NAV 850,000 after a day's P&L of -150,000: -150,000 / 1,000,000 = -0.15
        List<RiskDecision> decisions = decide(portfolio(850_000, 850_000, 0, 0, 0, -150_000), List.of(), List.of(smallBuy()));

        assertThat(decisions).containsExactly(
                RiskDecision.of("circuit breaker", Severity.CRITICAL, RiskAction.HALT_TRADING, RiskSubject.portfolio("p1"),
                        "portfolio p1: daily return of -15.00% (P&L -150000) reached the circuit breaker at a daily loss of 15%: trading halted"),
                RiskDecision.of("trade during circuit breaker", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (BUY 10 A) adds exposure while the circuit breaker halts trading (daily return -15.00%, breaker at a daily loss of 15%)"));
    }

    @Test
    void aDailyLossOfFourteenPointNineNinePercentIsLeftAlone() {
        // -149,990 / 1,000,000 = -0.14999
        assertThat(decide(portfolio(850_010, 850_010, 0, 0, 0, -149_990), List.of(), List.of(smallBuy()))).isEmpty();
    }

    @Test
    void aDailyLossJustOverFifteenPercentHaltsButLetsATradeThatReducesExposureGo() {
        // -150,010 / 1,000,000 = -0.15001; the sale takes A from 2% to 1%
        List<RiskDecision> decisions = decide(portfolio(849_990, 849_990, 0, 0, 0, -150_010), List.of(),
                List.of(trade(OrderSide.SELL, 0.02, 0.01, 0.05, 1.0)));

        assertThat(decisions).containsExactly(RiskDecision.of("circuit breaker", Severity.CRITICAL, RiskAction.HALT_TRADING,
                RiskSubject.portfolio("p1"),
                "portfolio p1: daily return of -15.00% (P&L -150010) reached the circuit breaker at a daily loss of 15%: trading halted"));
    }
}
