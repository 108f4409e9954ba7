package io.ballast.platform.risk.rules;

import static io.ballast.platform.risk.rules.ShippedRules.decide;
import static io.ballast.platform.risk.rules.ShippedRules.portfolio;
import static io.ballast.platform.risk.rules.ShippedRules.smallBuy;
import static io.ballast.platform.risk.rules.ShippedRules.trade;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped {@code rules/var-limit.drl} with the shipped limit (1-day VaR 95% over 3% of NAV). */
class ValueAtRiskRuleTest {

    @Test
    void aValueAtRiskOfExactlyThreePercentIsNotOverTheLimit() {
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0.03, 0, 0, 0), List.of(), List.of(smallBuy()))).isEmpty();
    }

    @Test
    void aValueAtRiskJustOverThreePercentWarnsAndBlocksATradeThatAddsExposure() {
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0.0301, 0, 0, 0), List.of(), List.of(smallBuy()))).containsExactly(
                RiskDecision.of("trade value at risk", Severity.CRITICAL, RiskAction.BLOCK_TRADE, RiskSubject.trade("t1"),
                        "trade t1 (BUY 10 A) adds exposure while the 1-day VaR 95% of 3.01% of NAV is over the limit of 3%"),
                RiskDecision.of("value at risk", Severity.WARNING, RiskAction.ALLOW, RiskSubject.portfolio("p1"),
                        "portfolio p1: 1-day VaR 95% of 3.01% of NAV is over the limit of 3%"));
    }

    @Test
    void aTradeThatReducesExposureGoesAheadWhileTheValueAtRiskIsOver() {
        assertThat(decide(portfolio(1_000_000, 1_000_000, 0.05, 0, 0, 0), List.of(), List.of(trade(OrderSide.SELL, 0.02, 0.01, 0.05, 1))))
                .extracting(RiskDecision::rule).containsExactly("value at risk");
    }

    @Test
    void anUnknownValueAtRiskNeverBlocksButIsReported() {
        assertThat(decide(portfolio(1_000_000, 1_000_000, Double.NaN, 0, 0, 0), List.of(), List.of(smallBuy()))).containsExactly(
                RiskDecision.of("value at risk unknown", Severity.INFO, RiskAction.ALLOW, RiskSubject.portfolio("p1"),
                        "portfolio p1: 1-day VaR 95% is unknown (too little price history), so the VaR limit is not checked"));
    }
}
