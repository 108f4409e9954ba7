package io.ballast.platform.app;

import io.ballast.api.alert.Alert;
import io.ballast.api.risk.Severity;
import io.ballast.platform.alerts.AlertPublisher;
import io.ballast.platform.risk.ReloadAttempt;
import io.ballast.platform.risk.ReloadOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Tells the risk officers how an edit of the rules folder went: a rejected edit is a CRITICAL alert
 * naming every compile error and failed scenario (the rules in service go on deciding), a new rule
 * base in service an INFO alert. An unchanged folder says nothing.
 */
final class RuleReloadAlerts implements Consumer<ReloadAttempt> {

    static final String SOURCE = "rules";

    private final AlertPublisher alerts;
    private final Path rulesDirectory;

    RuleReloadAlerts(AlertPublisher alerts, Path rulesDirectory) {
        this.alerts = alerts;
        this.rulesDirectory = rulesDirectory;
    }

    @Override
    public void accept(ReloadAttempt attempt) {
        Optional<Alert> alert = alertFor(attempt, rulesDirectory);
        alert.ifPresent(found -> alerts.publish(found, Optional.empty(), Optional.ofNullable(attempt.candidateVersion())));
    }

    static Optional<Alert> alertFor(ReloadAttempt attempt, Path rulesDirectory) {
        String version = attempt.candidateVersion() == null ? "(unreadable folder)" : attempt.candidateVersion();
        if (attempt.outcome() == ReloadOutcome.ACTIVATED) {
            return Optional.of(new Alert(Severity.INFO, "Risk rules " + version + " in service",
                    "The edited rules in " + rulesDirectory + " compiled, passed every scenario and now decide.",
                    attempt.at(), SOURCE));
        }
        if (attempt.outcome() != ReloadOutcome.REJECTED) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        attempt.errors().stream().map(error -> error.describe(rulesDirectory)).forEach(problems::add);
        attempt.failedScenarios().stream().map(scenario -> scenario.describe(rulesDirectory)).forEach(problems::add);
        return Optional.of(new Alert(Severity.CRITICAL, "Risk rules edit rejected: " + version,
                "The rules in service go on deciding. The edit was not put in service because:\n- "
                        + String.join("\n- ", problems),
                attempt.at(), SOURCE));
    }
}
