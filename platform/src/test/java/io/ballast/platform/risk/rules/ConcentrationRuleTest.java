package io.ballast.platform.risk.rules;

import static io.ballast.platform.risk.rules.ShippedRules.decide;
import static io.ballast.platform.risk.rules.ShippedRules.flat;
import static io.ballast.platform.risk.rules.ShippedRules.quietPortfolio;
import static io.ballast.platform.risk.rules.ShippedRules.portfolio;
import static io.ballast.platform.risk.rules.ShippedRules.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped {@code rules/concentration.drl} with the shipped limits (asset 10% warn, 20% block; sector 30%; Herfindahl 0.25). */
class ConcentrationRuleTest {

    private static PositionRisk weighted(String asset, String sector, double weight) {
        return flat(asset).withSector(sector).withWeight(weight);
    }

    @Test
    void anAssetAtExactlyTenPercentIsNotOverTheLimit() {
        assertThat(decide(weighted("A", "Technology", 0.10))).isEmpty();
    }

    @Test
    void anAssetJustOverTenPercentWarnsLongOrShort() {
        assertThat(decide(weighted("A", "Technology", 0.1001), weighted("S", "Energy", -0.1001))).containsExactly(
                RiskDecision.of("asset concentration", Severity.WARNING, RiskAction.ALLOW, RiskSubject.asset("A"),
                        "A: weight of 10.01% of NAV is over the asset limit of 10%"),
                RiskDecision.of("asset concentration", Severity.WARNING, RiskAction.ALLOW, RiskSubject.asset("S"),
                        "S: weight of -10.01% of NAV is over the asset limit of 10%"));
    }

    @Test
    void aSectorAtExactlyThirtyPercentIsNotOverTheLimitThoughTheDoublesSumOver() {
        // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in doubles
        assertThat(decide(weighted("A", "Technology", 0.1), weighted("B", "Technology", 0.1), weighted("C", "Technology", 0.1))).isEmpty();
        // 0.1 + 0.1 + 0.05 + 0.0499 = 0.2999
        assertThat(decide(weighted("A", "Technology", 0.1), weighted("B", "Technology", 0.1), weighted("C", "Technology", 0.05),
                weighted("D", "Technology", 0.0499))).isEmpty();
    }

    @Test
    void aSectorJustOverThirtyPercentWarnsOnThePortfolio() {
        // 0.1 + 0.1 + 0.05 + 0.0501 = 0.3001; the other sector's 0.09 stays out of it
        assertThat(decide(weighted("A", "Technology", 0.1), weighted("B", "Technology", 0.1), weighted("C", "Technology", 0.05),
                weighted("D", "Technology", 0.0501), weighted("E", "Energy", 0.09))).containsExactly(
                RiskDecision.of("sector concentration", Severity.WARNING, RiskAction.ALLOW, RiskSubject.portfolio("p1"),
                        "sector Technology: weight of 30.01% of NAV is over the sector limit of 30%"));
    }

    @Test
    void aHerfindahlIndexOverTheLimitWarns() {
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0, 0, 0.25, 0), List.of(), List.of())).isEmpty();
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0, 0, 0.2501, 0), List.of(), List.of())).containsExactly(
                RiskDecision.of("herfindahl concentration", Severity.WARNING, RiskAction.ALLOW, RiskSubject.portfolio("p1"),
                        "portfolio p1: Herfindahl index of 0.2501 is over the limit of 0.25"));
    }

    @Test
    void aTradeTakingAnAssetToExactlyTenPercentGoesAhead() {
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.BUY, 0.05, 0.10, 0.1, 1)))).isEmpty();
    }

    @Test
    void aTradeTakingAnAssetJustOverTenPercentNeedsApproval() {
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.BUY, 0.05, 0.1001, 0.1, 1)))).containsExactly(
                RiskDecision.of("trade asset concentration approval", Severity.WARNING, RiskAction.NEEDS_APPROVAL, RiskSubject.trade("t1"),
                        "trade t1 (BUY 10 A) would take A from 5.00% to 10.01% of NAV, over the asset warning limit of 10%"));
    }

    @Test
    void aTradeTakingAnAssetToExactlyTwentyPercentNeedsApprovalButIsNotBlocked() {
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.BUY, 0.15, 0.20, 0.25, 1)))).containsExactly(
                RiskDecision.of("trade asset concentration approval", Severity.WARNING, RiskAction.NEEDS_APPROVAL, RiskSubject.trade("t1"),
                        "trade t1 (BUY 10 A) would take A from 15.00% to 20.00% of NAV, over the asset warning limit of 10%"));
    }

    @Test
    void aTradeTakingAnAssetJustOverTwentyPercentIsBlockedLongOrShort() {
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.SELL, -0.15, -0.2001, -0.25, 1)))).containsExactly(
                RiskDecision.of("trade asset concentration", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (SELL 10 A) would take A from -15.00% to -20.01% of NAV, over the asset limit of 20%"));
    }

    @Test
    void aTradeThatReducesAnOverweightAssetGoesAhead() {
        // 25% to 22%: still over both limits, but smaller
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.SELL, 0.25, 0.22, 0.35, 1)))).isEmpty();
    }

    @Test
    void aTradeTakingItsSectorOverThirtyPercentIsBlocked() {
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.BUY, 0.01, 0.02, 0.30, 1)))).isEmpty();
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.BUY, 0.01, 0.02, 0.3001, 1)))).containsExactly(
                RiskDecision.of("trade sector concentration", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (BUY 10 A) would take sector Technology from 29.01% to 30.01% of NAV, over the sector limit of 30%"));
    }

    @Test
    void aShortThatTakesAFortyPercentSectorDownToThirtyFiveGoesAhead() {
        // a new 5% short of A (adding to A's size) hedges its sector from 40% down to 35%: still over 30%, but smaller
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.SELL, 0, -0.05, 0.40, 0.35, 1)))).isEmpty();
    }

    @Test
    void aSaleInASectorThatOtherTradesGrowOverTheLimitIsBlocked() {
        // A shrinks from 5% to 3%, but the request's trades together take Technology from 28% to 32%
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.SELL, 0.05, 0.03, 0.28, 0.32, 1)))).containsExactly(
                RiskDecision.of("trade sector concentration", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (SELL 10 A) would take sector Technology from 28.00% to 32.00% of NAV, over the sector limit of 30%"));
    }

    @Test
    void aShortTurningASectorToAShortOverTheLimitIsBlocked() {
        // Technology from 20% long to 35% short: smaller than nothing it was, but a new concentrated short
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.SELL, 0.05, -0.10, 0.20, -0.35, 1)))).containsExactly(
                RiskDecision.of("trade sector concentration", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (SELL 10 A) would take sector Technology from 20.00% to -35.00% of NAV, over the sector limit of 30%"));
    }
}
