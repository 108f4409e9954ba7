package io.ballast.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ballast.api.risk.RiskDecision;
import java.util.Locale;

/**
 * A rule's decision as every operation answers it (risk checks, evaluations, stored evaluations):
 * {@code reduceFraction} is left out unless the action is REDUCE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RiskDecisionBody(String rule, String severity, String action, Double reduceFraction, Subject subject, String message) {

    /** {@code kind} is {@code asset}, {@code portfolio} or {@code trade}. */
    record Subject(String kind, String id) {}

    static RiskDecisionBody of(RiskDecision decision) {
        return new RiskDecisionBody(
                decision.rule(),
                decision.severity().name(),
                decision.action().name(),
                decision.reduceFraction().isPresent() ? decision.reduceFraction().getAsDouble() : null,
                new Subject(decision.subject().kind().name().toLowerCase(Locale.ROOT), decision.subject().id()),
                decision.message());
    }
}
