package io.ballast.platform.workflow;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the completing task listeners {@value #JOB_TYPE} of the Camunda user tasks of
 * {@code rebalance-approval} (remote mode): each completion, made in Tasklist or through the cluster's
 * API, waits for this worker, which accepts it or denies it (the task then stays open, and the person
 * completing it is shown the reason).
 *
 * <p>What it checks, and what it notes of an accepted completion, is the {@link Check}'s; this class reads
 * the job and answers the engine. The person is the task's assignee (Tasklist assigns a task to whoever
 * completes it), never a variable the completion sent. A Camunda 8.8 task listener cannot complete its
 * job with variables (the engine rejects that), so it cannot overwrite {@code approvedBy}; the check
 * notes the assignee as the task's decider, and the task's end listener ({@link RebalanceStatusWorker})
 * stores the decision with that actor once the task really completed (the approval window's timer may
 * still interrupt it after this answer). A failure of the check (the store unreachable) fails the job, retried after
 * {@link RebalanceJobWorker#RETRY_BACKOFF}; the completion waits meanwhile.
 */
public final class RebalanceApprovalCheckWorker implements JobHandler {

    public static final String JOB_TYPE = "ballast.rebalance.approval-check";
    /** What the completion carries besides the assignee; the completion's variables shadow the process's. */
    public static final List<String> VARIABLES = List.of("rebalanceId", "approved", "comment", "approvedBy");

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceApprovalCheckWorker.class);

    /**
     * One person's completion of an approval task.
     *
     * @param elementId  the user task's element, {@code ApproveRebalance} or {@code EscalatedApproval}
     * @param assignee   the task's assignee; empty when it has none
     * @param approved   true only when the completion set {@code approved} to the boolean true, as the
     *                   task's output mapping reads it: anything else is a rejection
     * @param approvedBy the {@code approvedBy} the completion sent, if any
     */
    public record Completion(String rebalanceId, String elementId, Optional<String> assignee, boolean approved, Optional<String> comment,
                             Optional<String> approvedBy) {
        public Completion {
            Objects.requireNonNull(rebalanceId, "rebalanceId");
            Objects.requireNonNull(elementId, "elementId");
            Objects.requireNonNull(assignee, "assignee");
            Objects.requireNonNull(comment, "comment");
            Objects.requireNonNull(approvedBy, "approvedBy");
        }
    }

    /** Accepted, or denied with the reason the person completing is shown. */
    public record Verdict(Optional<String> deniedReason) {
        public Verdict {
            Objects.requireNonNull(deniedReason, "deniedReason");
        }

        public static Verdict accept() {
            return new Verdict(Optional.empty());
        }

        public static Verdict deny(String reason) {
            return new Verdict(Optional.of(reason));
        }
    }

    /** Decides a completion; who decides an accepted one is noted before it answers, no decision is stored. */
    @FunctionalInterface
    public interface Check {
        Verdict check(Completion completion);
    }

    private final Check check;

    public RebalanceApprovalCheckWorker(Check check) {
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public void handle(JobClient jobs, ActivatedJob job) {
        Object rebalanceId = job.getVariablesAsMap().get("rebalanceId");
        Verdict verdict;
        if (!(rebalanceId instanceof String id) || id.isBlank()) {
            // a modelling error; denied rather than failed, so the task stays open for its window and the
            // automatic decision instead of hanging on an incident
            verdict = Verdict.deny("the process instance has no rebalanceId (a non-empty string), got " + rebalanceId
                    + ": nobody can decide this task");
        } else {
            try {
                verdict = check.check(completionOf(id, job));
            } catch (RuntimeException e) {
                int retriesLeft = Math.max(0, job.getRetries() - 1);
                LOG.warn("Job {} of rebalance {} failed ({} retries left)", job.getType(), id, retriesLeft, e);
                jobs.newFailCommand(job)
                        .retries(retriesLeft)
                        .retryBackoff(RebalanceJobWorker.RETRY_BACKOFF)
                        .errorMessage(job.getType() + " of rebalance " + id + " failed: " + e)
                        .send().join();
                return;
            }
        }
        if (verdict.deniedReason().isPresent()) {
            String reason = verdict.deniedReason().get();
            LOG.info("Completion of {} in process instance {} denied: {}", job.getElementId(), job.getProcessInstanceKey(), reason);
            jobs.newCompleteCommand(job).withResult(result -> result.forUserTask().deny(true, reason)).send().join();
        } else {
            jobs.newCompleteCommand(job).withResult(result -> result.forUserTask().deny(false)).send().join();
        }
    }

    static Completion completionOf(String rebalanceId, ActivatedJob job) {
        UserTaskProperties task = job.getUserTask();
        Optional<String> assignee = Optional.ofNullable(task == null ? null : task.getAssignee()).filter(name -> !name.isBlank());
        boolean approved = Boolean.TRUE.equals(job.getVariablesAsMap().get("approved"));
        return new Completion(rebalanceId, job.getElementId(), assignee, approved, text(job, "comment"), text(job, "approvedBy"));
    }

    private static Optional<String> text(ActivatedJob job, String name) {
        return Optional.ofNullable(RebalanceJobWorker.text(job, name)).filter(value -> !value.isBlank());
    }
}
