package io.ballast.platform.workflow;

import io.ballast.api.risk.RiskDecision;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves {@value #JOB_TYPE}: the pre-trade rules over the rebalance's stored trades, with its
 * portfolio's auto-approve limit. The step stores the outcome (BLOCKED, AUTO_APPROVED or
 * PENDING_APPROVAL, by {@code risk-rules}) before the job completes with {@code riskVerdict}
 * ({@code BLOCKED}, {@code ALLOW_ALL} or {@code NEEDS_APPROVAL}), {@code autoApprovable} and
 * {@code riskDecisions}.
 */
public final class RebalanceRiskCheckWorker extends RebalanceJobWorker {

    public static final String JOB_TYPE = "ballast.rebalance.risk-check";

    /** What the rules made of the trades, as the process reads it. */
    public record Verdict(String riskVerdict, boolean autoApprovable, List<RiskDecision> decisions) {
        public Verdict {
            Objects.requireNonNull(riskVerdict, "riskVerdict");
            decisions = List.copyOf(decisions);
        }
    }

    /** Checks the stored rebalance and stores the outcome; done again, it answers what was stored. */
    @FunctionalInterface
    public interface Step {
        Verdict check(String rebalanceId);
    }

    private final Step step;

    public RebalanceRiskCheckWorker(Step step) {
        super(JOB_TYPE);
        this.step = Objects.requireNonNull(step, "step");
    }

    @Override
    protected Map<String, Object> handle(String rebalanceId, ActivatedJob job) {
        Verdict verdict = step.check(rebalanceId);
        return Map.of("riskVerdict", verdict.riskVerdict(), "autoApprovable", verdict.autoApprovable(),
                "riskDecisions", RiskDecisionVariables.toVariables(verdict.decisions()));
    }
}
