package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecision;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario on a compiled candidate and says what differed from what it expects. */
final class ScenarioRunner {

    private ScenarioRunner() {
    }

    static ScenarioResult run(CompiledRules rules, Scenario scenario) {
        List<RiskDecision> made = new ArrayList<>(
                RiskEngine.evaluate(rules, rules.limits().with(scenario.limits()), scenario.facts()).decisions());
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
