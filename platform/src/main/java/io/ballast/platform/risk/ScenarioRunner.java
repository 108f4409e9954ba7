package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.problem.FailureMessages;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario on a compiled candidate and says what differed from what it expects. */
final class ScenarioRunner {

    private ScenarioRunner() {
    }

    static ScenarioResult run(CompiledRules rules, Scenario scenario) {
        List<RiskDecision> made;
        try {
            made = new ArrayList<>(RiskEngine.evaluate(rules, rules.limits().with(scenario.limits()), scenario.facts()).decisions());
        } catch (RuntimeException ruleFailed) {
            // a rule that throws (a null in a consequence, a bad limit pinned by the scenario) fails the scenario, not the reload
            return new ScenarioResult(scenario.file(), scenario.name(),
                    scenario.expected().stream().map(ExpectedDecision::toString).toList(),
                    List.of("the rules failed on this scenario: " + FailureMessages.rootCause(ruleFailed)));
        }
        List<String> missing = new ArrayList<>();
        for (ExpectedDecision expected : scenario.expected()) {
            // each decision made answers one expectation at most: two expected EXITs need two decisions
            RiskDecision match = made.stream().filter(expected::matches).findFirst().orElse(null);
            if (match == null) {
                missing.add(expected.toString());
            } else {
                made.remove(match);
            }
        }
        List<String> unexpected = made.stream().map(ExpectedDecision::describe).toList();
        return new ScenarioResult(scenario.file(), scenario.name(), missing, unexpected);
    }
}
