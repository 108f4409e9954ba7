package io.ballast.platform.store;

import io.ballast.api.risk.RiskDecision;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One run of the risk rules over a stored portfolio, as the store keeps it.
 *
 * @param id           the evaluation's id (a UUID)
 * @param portfolioId  the portfolio judged
 * @param evaluatedAt  when; stored to the microsecond
 * @param rulesVersion the version of the rule base that decided
 * @param trigger      what started it
 * @param requestedBy  the user who asked, or {@code monitor} / the workflow for automatic runs
 * @param decisions    what the rules decided, in the engine's order
 */
public record StoredRiskEvaluation(String id, String portfolioId, Instant evaluatedAt, String rulesVersion,
                                   EvaluationTrigger trigger, String requestedBy, List<RiskDecision> decisions) {

    public StoredRiskEvaluation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(requestedBy, "requestedBy");
        decisions = List.copyOf(decisions);
    }
}
