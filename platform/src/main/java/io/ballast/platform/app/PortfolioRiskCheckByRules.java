package io.ballast.platform.app;

import io.ballast.platform.http.RiskEvaluationPort;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.workflow.PortfolioRiskCheck;
import io.ballast.platform.workflow.RiskCheckOutcome;
import io.ballast.platform.workflow.UnknownPortfolioException;
import java.util.List;

/**
 * What the risk-check service task does: the same evaluation as {@code POST /api/v1/risk/evaluate}
 * of the stored portfolio (every fact, no trades), stored with trigger WORKFLOW.
 */
final class PortfolioRiskCheckByRules implements PortfolioRiskCheck {

    /** Who the stored evaluation names as its requester: the process, not a person. */
    static final String REQUESTED_BY = "workflow:portfolio-risk-check";

    private final RiskEvaluationByRules evaluations;

    PortfolioRiskCheckByRules(RiskEvaluationByRules evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public RiskCheckOutcome check(String portfolioId) {
        RiskEvaluationPort.Evaluation evaluation = evaluations
                .evaluateAndRecord(portfolioId, List.of(), EvaluationTrigger.WORKFLOW, REQUESTED_BY)
                .orElseThrow(() -> new UnknownPortfolioException(portfolioId));
        return new RiskCheckOutcome(evaluation.rulesVersion(), evaluation.decisions());
    }
}
