package io.ballast.platform.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One attempt to put the rules folder in service, by the folder watch or on request.
 *
 * @param at               when the attempt ended
 * @param candidateVersion the version the folder held; null when the folder could not be read
 * @param outcome          what it did
 * @param errors           for REJECTED: why the candidate did not compile (file, line, message)
 * @param failedScenarios  for REJECTED: the scenarios that failed, with what differed
 */
public record ReloadAttempt(Instant at, String candidateVersion, ReloadOutcome outcome, List<RuleFileError> errors,
                            List<ScenarioResult> failedScenarios) {

    public ReloadAttempt {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        errors = List.copyOf(errors);
        failedScenarios = List.copyOf(failedScenarios);
    }
}
