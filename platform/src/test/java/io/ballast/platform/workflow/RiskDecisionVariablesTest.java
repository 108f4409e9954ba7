package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskDecisionVariablesTest {

    @Test
    void reduceCarriesItsFractionAndOtherActionsDoNot() {
        List<Map<String, Object>> variables = RiskDecisionVariables.toVariables(List.of(
                RiskDecision.reduce("drawdown", Severity.WARNING, 0.25, RiskSubject.portfolio("P-7"), "drawdown 12% > 10%"),
                RiskDecision.of("halt", Severity.CRITICAL, RiskAction.HALT_TRADING, RiskSubject.portfolio("P-7"), "drawdown 21% > 20%")));

        assertThat(variables).containsExactly(
                Map.of("rule", "drawdown", "severity", "WARNING", "action", "REDUCE", "reduceFraction", 0.25,
                        "subject", Map.of("kind", "PORTFOLIO", "id", "P-7"), "message", "drawdown 12% > 10%"),
                Map.of("rule", "halt", "severity", "CRITICAL", "action", "HALT_TRADING",
                        "subject", Map.of("kind", "PORTFOLIO", "id", "P-7"), "message", "drawdown 21% > 20%"));
    }

    @Test
    void readsBackWhatItWrote() {
        List<RiskDecision> decisions = List.of(
                RiskDecision.reduce("stop-loss", Severity.WARNING, 1.0, RiskSubject.asset("SOL"), "SOL -15%"),
                RiskDecision.of("trade-cap", Severity.INFO, RiskAction.BLOCK_TRADE, new RiskSubject(RiskSubject.Kind.TRADE, "T-3"), "too big"));

        assertThat(RiskDecisionVariables.fromVariables(RiskDecisionVariables.toVariables(decisions))).isEqualTo(decisions);
    }

    @Test
    void integerFractionFromJsonIsRead() {
        Map<String, Object> variable = Map.of("rule", "stop-loss", "severity", "WARNING", "action", "REDUCE", "reduceFraction", 1,
                "subject", Map.of("kind", "ASSET", "id", "SOL"), "message", "SOL -15%");

        assertThat(RiskDecisionVariables.fromVariables(List.of(variable))).containsExactly(
                RiskDecision.reduce("stop-loss", Severity.WARNING, 1.0, RiskSubject.asset("SOL"), "SOL -15%"));
    }

    @Test
    void malformedEntryIsNamedByIndexAndField() {
        Map<String, Object> good = RiskDecisionVariables.toVariable(
                RiskDecision.of("ok", Severity.INFO, RiskAction.ALLOW, RiskSubject.asset("BTC"), "fine"));
        Map<String, Object> badSubject = Map.of("rule", "r", "severity", "INFO", "action", "ALLOW",
                "subject", Map.of("kind", "ASSET"), "message", "m");

        assertThatThrownBy(() -> RiskDecisionVariables.fromVariables(List.of(good, badSubject)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decisions[1].subject.id must be a String, got null");
    }

    @Test
    void unknownSeverityIsNamedByIndex() {
        Map<String, Object> variable = Map.of("rule", "r", "severity", "URGENT", "action", "ALLOW",
                "subject", Map.of("kind", "ASSET", "id", "BTC"), "message", "m");

        assertThatThrownBy(() -> RiskDecisionVariables.fromVariables(List.of(variable)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("decisions[0]: ")
                .hasMessageContaining("URGENT");
    }
}
