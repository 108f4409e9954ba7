package io.ballast.platform.app;

import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.store.RebalanceHistoryEntry;
import io.ballast.platform.store.RebalanceRepository;
import io.ballast.platform.store.StoredRebalance;
import io.ballast.platform.workflow.RebalanceApprovalCheckWorker;
import io.ballast.platform.workflow.RebalanceApprovalCheckWorker.Completion;
import io.ballast.platform.workflow.RebalanceApprovalCheckWorker.Verdict;
import io.ballast.platform.workflow.RebalanceApprovalInstances;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of the inbox ({@link io.ballast.platform.approval.ApprovalAuthority}) for a Camunda user
 * task completed on a cluster, in Tasklist or through its API, where the platform's API is not in
 * front: the decider is the task's assignee, so a task without one is denied; the proposer may not
 * approve (four eyes), and may reject; a completion that sends {@code approvedBy} must name the
 * assignee; and the task must still decide its rebalance (PENDING_APPROVAL for Approve rebalance,
 * ESCALATED for Escalated approval).
 *
 * <p>An accepted completion changes no status: it is checked before the engine completes the task, and
 * the approval window's interrupting timer may still interrupt the task in between (the engine then
 * discards this answer and escalates). Storing APPROVED here would leave the store saying APPROVED while
 * the process escalates, and every completion of the escalated task would then be denied. So the check
 * only notes who decides the task, the assignee, keyed by rebalance and task (a later accepted completion
 * of the same task replaces the note); the task's end listener, which runs only when the task really
 * completed, stores APPROVED or REJECTED with the noted decider as the actor
 * ({@link RebalanceWorkflowSteps#record}). A Camunda 8.8 task listener cannot set variables, so the note
 * is how the assignee, rather than a variable the completion sent, reaches the record.
 *
 * <p>A decision already stored as this one by this person (by the check of an earlier platform version,
 * which stored it before answering, delivered again after an upgrade) is accepted again.
 *
 * <p>The group role is not checked here: the platform has no mapping to the cluster's identity.
 * Tasklist lets only members of a task's candidate groups claim it when the cluster restricts user
 * task access (README, "Connecting a real Camunda 8 cluster").
 */
final class UserTaskCompletionCheck implements RebalanceApprovalCheckWorker.Check {

    private final RebalanceRepository rebalances;
    private final Clock clock;

    UserTaskCompletionCheck(RebalanceRepository rebalances, Clock clock) {
        this.rebalances = Objects.requireNonNull(rebalances, "rebalances");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Verdict check(Completion completion) {
        String id = completion.rebalanceId();
        Optional<RebalanceStatus> decides = decidedStatus(completion.elementId());
        if (decides.isEmpty()) {
            return Verdict.deny("task " + completion.elementId() + " is not an approval task of rebalance-approval");
        }
        Optional<StoredRebalance> found = rebalances.find(id);
        if (found.isEmpty()) {
            return Verdict.deny("no rebalance " + id + " is stored");
        }
        StoredRebalance rebalance = found.get();
        if (completion.assignee().isEmpty()) {
            return Verdict.deny("the task of rebalance " + id + " has no assignee: assign it to yourself before completing it,"
                    + " so that the decision is recorded as yours");
        }
        String assignee = completion.assignee().get();
        if (completion.approvedBy().isPresent() && !completion.approvedBy().get().equals(assignee)) {
            return Verdict.deny("approvedBy is " + completion.approvedBy().get() + " but the task is assigned to " + assignee
                    + ": the assignee decides");
        }
        if (completion.approved() && assignee.equals(rebalance.proposedBy())) {
            return Verdict.deny("Four eyes: " + assignee + " proposed rebalance " + id + " and may not approve it; another user of "
                    + groupOf(decides.get()) + " must");
        }
        RebalanceStatus to = completion.approved() ? RebalanceStatus.APPROVED : RebalanceStatus.REJECTED;
        if (!isThisDecision(rebalance, to, assignee) && rebalance.status() != decides.get()) {
            return Verdict.deny("rebalance " + id + " is " + rebalance.status() + ", not " + decides.get()
                    + ": this task does not decide it");
        }
        rebalances.noteTaskDecider(id, completion.elementId(), assignee, clock.instant().truncatedTo(ChronoUnit.MICROS));
        return Verdict.accept();
    }

    /** The status the task decides: the portfolio managers' task the pending one, the risk officers' the escalated one. */
    private static Optional<RebalanceStatus> decidedStatus(String elementId) {
        return switch (elementId) {
            case RebalanceApprovalInstances.APPROVE_REBALANCE -> Optional.of(RebalanceStatus.PENDING_APPROVAL);
            case RebalanceApprovalInstances.ESCALATED_APPROVAL -> Optional.of(RebalanceStatus.ESCALATED);
            default -> Optional.empty();
        };
    }

    private static String groupOf(RebalanceStatus decided) {
        return decided == RebalanceStatus.ESCALATED ? DecisionRecordingTasks.ESCALATED_GROUP : "portfolio-managers";
    }

    /** Stored already by the check of an earlier platform version: the last change is this decision by this person. */
    private static boolean isThisDecision(StoredRebalance rebalance, RebalanceStatus to, String assignee) {
        RebalanceHistoryEntry last = rebalance.history().getLast();
        return rebalance.status() == to && last.to() == to && last.actor().equals(assignee);
    }
}
