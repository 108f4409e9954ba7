package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.problem.FailureMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a scenario on a compiled candidate and says what differed from what it expects. */
final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * Runs the scenarios in order on a thread of their own and waits at most {@code timeout} for all
     * of them. A candidate's rules are untrusted code: one that never finishes must not hold the
     * reload lock (and with it every later reload and the shutdown) for ever. On a timeout the
     * scenario in progress fails ("did not finish within ...") and the ones after it are not run.
     * The stuck thread is interrupted and left behind as a daemon: Java cannot stop it, but it holds
     * no lock and does not keep the platform from exiting.
     */
    static List<ScenarioResult> runAll(CompiledRules rules, List<Scenario> scenarios, Duration timeout) {
        List<ScenarioResult> results = new ArrayList<>();
        Thread runner = Thread.ofPlatform().name("ballast-rules-scenarios").daemon(true).unstarted(() -> {
            for (Scenario scenario : scenarios) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // abandoned: its results are no longer read
                }
                ScenarioResult result = run(rules, scenario);
                synchronized (results) {
                    results.add(result);
                }
            }
        });
        runner.start();
        boolean finished;
        try {
            finished = runner.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        List<ScenarioResult> done;
        synchronized (results) {
            if (!finished) {
                runner.interrupt();
            }
            done = new ArrayList<>(results);
        }
        if (done.size() < scenarios.size() && !finished) {
            Scenario stuck = scenarios.get(done.size());
            int notRun = scenarios.size() - done.size() - 1;
            done.add(new ScenarioResult(stuck.file(), stuck.name(), stuck.expected().stream().map(ExpectedDecision::toString).toList(),
                    List.of("the rules did not finish this scenario within " + timeout
                            + (notRun > 0 ? "; the " + notRun + " scenarios after it were not run" : ""))));
        }
        return List.copyOf(done);
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
