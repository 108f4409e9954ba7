package io.ballast.platform.workflow;

import java.util.Objects;

/**
 * A finished run of the {@code portfolio-risk-check} process.
 *
 * @param processInstanceKey the engine's key of the process instance, to find it in Operate
 * @param outcome            what the rules decided
 */
public record RiskCheckResult(long processInstanceKey, RiskCheckOutcome outcome) {

    public RiskCheckResult {
        Objects.requireNonNull(outcome, "outcome");
    }
}
