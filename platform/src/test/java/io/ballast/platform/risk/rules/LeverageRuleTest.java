package io.ballast.platform.risk.rules;

import static io.ballast.platform.risk.rules.ShippedRules.decide;
import static io.ballast.platform.risk.rules.ShippedRules.flat;
import static io.ballast.platform.risk.rules.ShippedRules.portfolio;
import static io.ballast.platform.risk.rules.ShippedRules.quietPortfolio;
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

/** The shipped {@code rules/leverage.drl} with the shipped limits (max leverage 2; liquidation under 10% away halves the position). */
class LeverageRuleTest {

    @Test
    void aPortfolioAtExactlyTwiceItsNavIsNotOverTheMaximum() {
        // 2,000,000 / 1,000,000 = 2; the trade would leave it at 2 too
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0, 2_000_000, 0, 0), List.of(), List.of(trade(OrderSide.BUY, 0.01, 0.02, 0.05, 2.0))))
                .isEmpty();
    }

    @Test
    void aPortfolioJustOverTheMaximumWarnsAndBlocksATradeThatAddsExposure() {
        // 2,000,100 / 1,000,000 = 2.0001; the trades together would leave it at 1.9
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0, 2_000_100, 0, 0), List.of(), List.of(trade(OrderSide.BUY, 0.01, 0.02, 0.05, 1.9))))
                .containsExactly(
                        RiskDecision.of("leverage", Severity.WARNING, RiskAction.ALLOW, RiskSubject.portfolio("p1"),
                                "portfolio p1: leverage of 2.00x (gross exposure 2000100, NAV 1000000) is over the maximum of 2x"),
                        RiskDecision.of("trade while over leverage", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                                "trade t1 (BUY 10 A) adds exposure while the leverage of 2.00x is over the maximum of 2x"));
    }

    @Test
    void aTradeThatWouldTakeLeverageJustOverTheMaximumIsBlocked() {
        assertThat(decide(quietPortfolio(), List.of(), List.of(trade(OrderSide.BUY, 0.01, 0.02, 0.05, 2.0001)))).containsExactly(
                RiskDecision.of("trade leverage", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (BUY 10 A) would take leverage to 2.00x, over the maximum of 2x"));
    }

    @Test
    void aTradeThatReducesExposureGoesAheadWhatTheLeverage() {
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0, 3_000_000, 0, 0), List.of(), List.of(trade(OrderSide.SELL, 0.02, 0.01, 0.05, 2.9))))
                .extracting(RiskDecision::rule).containsExactly("leverage");
    }

    @Test
    void aLongExactlyTenPercentAboveItsLiquidationPriceIsLeftAlone() {
        // |100 - 90| / 100 = 0.10, not under 0.10; |100 - 89.99| / 100 = 0.1001
        assertThat(decide(flat("A").withMargin(5, 90.0), flat("B").withMargin(5, 89.99))).isEmpty();
    }

    @Test
    void aPositionJustUnderTenPercentFromLiquidationIsHalvedLongOrShort() {
        // |100 - 90.01| / 100 = 0.0999; short: |100 - 109.99| / 100 = 0.0999
        PositionRisk shortPosition = PositionRisk.ofPrices("p1", "S", -10, 100, 100).withMargin(5, 109.99);
        assertThat(decide(flat("A").withMargin(5, 90.01), shortPosition)).containsExactly(
                RiskDecision.reduce("liquidation distance", Severity.CRITICAL, 0.5, RiskSubject.asset("A"),
                        "A: last price 100 is 9.99% from the liquidation price 90.01, under the limit of 10%: reduce it by 50%"),
                RiskDecision.reduce("liquidation distance", Severity.CRITICAL, 0.5, RiskSubject.asset("S"),
                        "S: last price 100 is 9.99% from the liquidation price 109.99, under the limit of 10%: reduce it by 50%"));
    }
}
