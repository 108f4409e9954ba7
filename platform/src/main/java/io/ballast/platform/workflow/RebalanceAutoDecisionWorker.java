package io.ballast.platform.workflow;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.Objects;

/**
 * Serves {@value #JOB_TYPE}, the automatic decision once the escalated window ended too: the risk
 * check again on the prices stored by now, approved only when every rule allows it and it is within
 * the limit. The step stores AUTO_APPROVED_AFTER_ESCALATION or AUTO_REJECTED_AFTER_ESCALATION before
 * the job completes with {@code approved}, {@code riskVerdict} and {@code riskDecisions}.
 */
public final class RebalanceAutoDecisionWorker extends RebalanceJobWorker {

    public static final String JOB_TYPE = "ballast.rebalance.auto-decide";

    /** Decides and stores the decision; done again, it answers what was stored. */
    @FunctionalInterface
    public interface Step {
        /** @return the fresh verdict, {@code autoApprovable} meaning approved */
        RebalanceRiskCheckWorker.Verdict decide(String rebalanceId);
    }

    private final Step step;

    public RebalanceAutoDecisionWorker(Step step) {
        super(JOB_TYPE);
        this.step = Objects.requireNonNull(step, "step");
    }

    @Override
    protected Map<String, Object> handle(String rebalanceId, ActivatedJob job) {
        RebalanceRiskCheckWorker.Verdict verdict = step.decide(rebalanceId);
        return Map.of("approved", verdict.autoApprovable(), "riskVerdict", verdict.riskVerdict(),
                "riskDecisions", RiskDecisionVariables.toVariables(verdict.decisions()));
    }
}
