package io.ballast.platform.workflow;

import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves the end execution listeners {@value #JOB_TYPE}: hands the element's {@code rebalanceStatus}
 * to the store, with who decided it: {@code approvedBy} and the {@code comment} for a person's
 * APPROVED or REJECTED, {@code system} for ESCALATED, EXECUTED and FAILED (with
 * {@code executionFailure}), {@code risk-rules} for the rules' outcomes. Most are stored already by
 * the step that decided them (the inbox stores a decision before completing its task), so this is
 * then a no-op; it matters for the timer's ESCALATED and for a task completed on a cluster (in
 * Tasklist): its completing listener, {@link RebalanceApprovalCheckWorker}, stores no decision but notes
 * the task's assignee as its decider, and the decision is stored here with that decider as the actor,
 * whatever {@code approvedBy} says. This listener runs only when the task really completed, never for
 * one the timer interrupted.
 */
public final class RebalanceStatusWorker extends RebalanceJobWorker {

    public static final String JOB_TYPE = "ballast.rebalance.status";
    static final List<String> VARIABLES = List.of("rebalanceId", "rebalanceStatus", "approvedBy", "comment", "executionFailure");

    /** What changed, by whom and why, as the element reports it. */
    public record StatusChange(String rebalanceId, String elementId, String status, String approvedBy, String comment,
                               String executionFailure) {
        public StatusChange {
            Objects.requireNonNull(rebalanceId, "rebalanceId");
            Objects.requireNonNull(elementId, "elementId");
            Objects.requireNonNull(status, "status");
        }
    }

    /** Stores the change; already stored, nothing changes. */
    @FunctionalInterface
    public interface Step {
        void record(StatusChange change);
    }

    private final Step step;

    public RebalanceStatusWorker(Step step) {
        super(JOB_TYPE, VARIABLES);
        this.step = Objects.requireNonNull(step, "step");
    }

    @Override
    protected Map<String, Object> handle(String rebalanceId, ActivatedJob job) {
        String status = text(job, "rebalanceStatus");
        if (status == null || status.isBlank()) {
            throw new IllegalStateException("element " + job.getElementId() + " set no rebalanceStatus");
        }
        step.record(new StatusChange(rebalanceId, job.getElementId(), status, text(job, "approvedBy"), text(job, "comment"),
                text(job, "executionFailure")));
        return Map.of();
    }
}
