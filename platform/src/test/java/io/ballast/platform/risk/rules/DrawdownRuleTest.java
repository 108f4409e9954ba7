package io.ballast.platform.risk.rules;

import static io.ballast.platform.risk.rules.ShippedRules.decide;
import static io.ballast.platform.risk.rules.ShippedRules.portfolio;
import static io.ballast.platform.risk.rules.ShippedRules.smallBuy;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code rules/drawdown.drl} with the shipped limits (warn 10%, reduce gross exposure
 * by 25% at 15%, halt at 20%), from a peak NAV of 1,000,000: drawdown = 1 - NAV / 1,000,000.
 */
class DrawdownRuleTest {

    private static List<RiskDecision> decideAt(double nav) {
        return decide(portfolio(nav, 1_000_000, 0, 0, 0, 0), List.of(), List.of());
    }

    private static final String WARN = "portfolio p1: drawdown of %s%% (NAV %s, peak 1000000) reached the warning level of 10%%";
    private static final String REDUCE = "portfolio p1: drawdown of %s%% (NAV %s, peak 1000000) reached the reduce level of 15%%: reduce gross exposure by 25%%";
    private static final String HALT = "portfolio p1: drawdown of %s%% (NAV %s, peak 1000000) reached the halt level of 20%%: trading halted";

    @ParameterizedTest(name = "NAV {0}: {1}")
    @CsvSource({
            "900100, none, ''",          // 9.99%
            "900000, warn, 10.00",       // 10% (1 - 0.9 is 0.09999999999999998 in doubles)
            "899900, warn, 10.01",
            "850100, warn, 14.99",
            "850000, reduce, 15.00",
            "849900, reduce, 15.01",
            "800100, reduce, 19.99",
            "800000, halt, 20.00",
            "799900, halt, 20.01"})
    void eachTierFromItsThresholdOnOnlyTheMostSevere(long nav, String tier, String percent) {
        RiskSubject portfolio = RiskSubject.portfolio("p1");
        List<RiskDecision> expected = switch (tier) {
            case "none" -> List.of();
            case "warn" -> List.of(RiskDecision.of("drawdown warning", Severity.WARNING, RiskAction.ALLOW, portfolio, WARN.formatted(percent, nav)));
            case "reduce" -> List.of(RiskDecision.reduce("drawdown reduce", Severity.WARNING, 0.25, portfolio, REDUCE.formatted(percent, nav)));
            case "halt" -> List.of(RiskDecision.of("drawdown halt", Severity.CRITICAL, RiskAction.HALT_TRADING, portfolio, HALT.formatted(percent, nav)));
            default -> throw new IllegalArgumentException(tier);
        };
        assertThat(decideAt(nav)).containsExactlyElementsOf(expected);
    }

    @Test
    void aHaltedPortfolioBlocksATradeThatAddsExposure() {
        assertThat(decide(portfolio(800_000, 1_000_000, 0, 0, 0, 0), List.of(), List.of(smallBuy()))).containsExactly(
                RiskDecision.of("drawdown halt", Severity.CRITICAL, RiskAction.HALT_TRADING, RiskSubject.portfolio("p1"),
                        HALT.formatted("20.00", 800000)),
                RiskDecision.of("trade during drawdown halt", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (BUY 10 A) adds exposure while the drawdown of 20.00% halts trading (halt level 20%)"));
    }

    @Test
    void aPortfolioJustShortOfTheHaltLetsTheTradeGo() {
        assertThat(decide(portfolio(800_100, 1_000_000, 0, 0, 0, 0), List.of(), List.of(smallBuy())))
                .extracting(RiskDecision::rule).containsExactly("drawdown reduce");
    }
}
