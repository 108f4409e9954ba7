package io.ballast.platform.http;

import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.riskfacts.InlinePortfolio;
import io.ballast.platform.riskfacts.TradeRequest;
import io.ballast.platform.store.StoredAlert;
import io.ballast.platform.store.StoredRiskEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /api/v1/risk/evaluate}, {@code GET /api/v1/risk/decisions} and
 * {@code GET /api/v1/alerts} need: the rules run over a stored or inline portfolio, and the stored
 * decisions and alerts. Every method blocks; the API calls them off the event loop.
 */
public interface RiskEvaluationPort {

    /**
     * Evaluates a stored portfolio and stores the evaluation (trigger API, the requesting user).
     *
     * @return empty when there is no portfolio with that id
     * @throws io.ballast.platform.problem.InvalidInputException naming the field, nothing stored
     */
    Optional<Evaluation> evaluateStored(String portfolioId, List<TradeRequest> trades, String requestedBy);

    /**
     * Evaluates a what-if portfolio; nothing is stored.
     *
     * @throws io.ballast.platform.problem.InvalidInputException naming the field
     */
    Evaluation evaluateInline(InlinePortfolio portfolio, List<TradeRequest> trades);

    /** The latest stored evaluations, newest first; of one portfolio or all. */
    List<StoredRiskEvaluation> latestEvaluations(Optional<String> portfolioId, int limit);

    /** The latest alerts, newest first. */
    List<StoredAlert> latestAlerts(int limit);

    /**
     * @param portfolioId the stored portfolio's id; empty for an inline one
     */
    record Evaluation(String rulesVersion, Optional<String> portfolioId, Instant evaluatedAt, List<RiskDecision> decisions) {

        public Evaluation {
            Objects.requireNonNull(rulesVersion, "rulesVersion");
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(evaluatedAt, "evaluatedAt");
            decisions = List.copyOf(decisions);
        }
    }
}
