package io.ballast.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped {@code rules/stop-loss.drl}, through the real engine. */
class StopLossRuleTest {

    /** The repository's rules folder; tests run in platform/. */
    static final Path SHIPPED_RULES = Path.of("..", "rules");

    private static RiskEngine engine;

    @BeforeAll
    static void loadShippedRules() {
        engine = RiskEngine.load(SHIPPED_RULES);
    }

    private static List<RiskDecision> decide(PositionRisk... positions) {
        return engine.evaluate(RiskFacts.ofPositions(List.of(positions))).decisions();
    }

    @Test
    void aLongDownExactlyEightPercentIsExited() {
        // 92 / 100 - 1 is -0.07999999999999996 in doubles; the fact carries the exact fraction
        assertThat(PositionRisk.ofPrices("p1", "BTC", 10, 100, 92).unrealisedPnlFraction()).isEqualTo(-0.08);

        assertThat(decide(PositionRisk.ofPrices("p1", "BTC", 10, 100, 92))).containsExactly(RiskDecision.of(
                "hard stop-loss", Severity.CRITICAL, RiskAction.EXIT, RiskSubject.asset("BTC"),
                "BTC: long position at a loss of 8.00% (average entry 100, last 92) reached the hard stop-loss of 8%"));
    }

    @Test
    void aLongDownSevenPointNineNinePercentIsLeftAlone() {
        assertThat(decide(PositionRisk.ofPrices("p1", "BTC", 10, 100, 92.01))).isEmpty();
    }

    @Test
    void aLongDownEightPointZeroOnePercentIsExited() {
        assertThat(decide(PositionRisk.ofPrices("p1", "ETH", 3, 100, 91.99))).containsExactly(RiskDecision.of(
                "hard stop-loss", Severity.CRITICAL, RiskAction.EXIT, RiskSubject.asset("ETH"),
                "ETH: long position at a loss of 8.01% (average entry 100, last 91.99) reached the hard stop-loss of 8%"));
    }

    @Test
    void aGainIsLeftAlone() {
        assertThat(decide(PositionRisk.ofPrices("p1", "AAPL", 10, 100, 112))).isEmpty();
    }

    @Test
    void aShortWhosePriceRoseEightPercentIsExited() {
        assertThat(decide(PositionRisk.ofPrices("p1", "TSLA", -5, 100, 108))).containsExactly(RiskDecision.of(
                "hard stop-loss", Severity.CRITICAL, RiskAction.EXIT, RiskSubject.asset("TSLA"),
                "TSLA: short position at a loss of 8.00% (average entry 100, last 108) reached the hard stop-loss of 8%"));
    }

    @Test
    void aShortWhosePriceFellEightPercentIsInProfitAndLeftAlone() {
        assertThat(decide(PositionRisk.ofPrices("p1", "TSLA", -5, 100, 92))).isEmpty();
    }

    @Test
    void aClosedPositionIsLeftAloneWhateverThePrice() {
        assertThat(decide(PositionRisk.ofPrices("p1", "BTC", 0, 100, 50))).isEmpty();
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
        assertThat(engine.evaluate(RiskFacts.ofPositions(List.of())).rulesVersion()).isEqualTo(engine.version()).hasSize(12);
    }
}
