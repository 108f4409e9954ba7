package io.ballast.platform.app;

import io.ballast.platform.approval.ApprovalTask;
import io.ballast.platform.approval.ApprovalTaskNotFoundException;
import io.ballast.platform.approval.ApprovalTasks;
import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.store.RebalanceRepository;
import io.ballast.platform.store.RebalanceTransitionException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The approval tasks, with each decision stored as the task completes: APPROVED or REJECTED by the
 * deciding user with the comment as the reason, from the status the task stands for (PENDING_APPROVAL
 * for the portfolio managers' task, ESCALATED for the risk officers').
 *
 * <p>The order, so that the store and the process never disagree: the task is completed first, and the
 * decision is stored only once the engine took it, within the same call, so the caller (the API) answers
 * only after both. When the timer interrupted the task (escalated, decided automatically), completing it
 * answers NOT_FOUND and nothing is stored: the user is told the task is no longer pending, the store keeps
 * what the process did (ESCALATED), and the escalated task is the one to decide. Storing the decision
 * first would leave it APPROVED while the process escalates, and a later automatic decision refused by
 * the store would leave the rebalance approved for ever, executed at the next restart. When storing fails
 * after the completion, the failure is logged loudly and the call succeeds: the process carries the
 * decision ({@code approved}, {@code comment}, {@code approvedBy}) and its status listener stores it
 * (see {@link RebalanceWorkflowSteps#record}); a decision the listener stored first is the same one.
 * On a cluster the task's completing listener ({@link UserTaskCompletionCheck}) notes the assignee, the
 * actor (the tasks assign it first), as the task's decider, and the status listener stores the decision
 * with that actor: whichever stores first, it is the same decision.
 *
 * <p>A task whose rebalance has already moved on in the store (the timer escalated it, or the automatic
 * decision took it) is not pending and is not completed, even while the embedded inbox still holds its
 * job: the engine does not tell a worker that a job was cancelled, and the inbox's sweep finds out only
 * up to 30 s later. {@link io.ballast.platform.approval.ApprovalAuthority} sits in front, so a refused
 * user changes nothing.
 */
final class DecisionRecordingTasks implements ApprovalTasks {

    static final String ESCALATED_GROUP = "risk-officers";
    private static final Logger LOG = LoggerFactory.getLogger(DecisionRecordingTasks.class);

    private final ApprovalTasks tasks;
    private final RebalanceRepository rebalances;
    private final Clock clock;

    DecisionRecordingTasks(ApprovalTasks tasks, RebalanceRepository rebalances, Clock clock) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.rebalances = Objects.requireNonNull(rebalances, "rebalances");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<ApprovalTask> pending(Optional<String> group) {
        return tasks.pending(group).stream().filter(this::awaitsDecision).toList();
    }

    @Override
    public Optional<ApprovalTask> task(String taskId) {
        return tasks.task(taskId).filter(this::awaitsDecision);
    }

    /** The store is the record: a task stands only while its rebalance is in the status the task decides. */
    private boolean awaitsDecision(ApprovalTask task) {
        return rebalances.find(task.rebalanceId()).map(rebalance -> rebalance.status() == decidedStatus(task)).orElse(false);
    }

    private static RebalanceStatus decidedStatus(ApprovalTask task) {
        return task.candidateGroups().contains(ESCALATED_GROUP) ? RebalanceStatus.ESCALATED : RebalanceStatus.PENDING_APPROVAL;
    }

    @Override
    public void complete(String taskId, boolean approved, String comment, String actor) {
        ApprovalTask task = tasks.task(taskId).orElseThrow(() -> new ApprovalTaskNotFoundException(taskId));
        RebalanceStatus from = decidedStatus(task);
        RebalanceStatus to = approved ? RebalanceStatus.APPROVED : RebalanceStatus.REJECTED;
        String reason = comment == null || comment.isBlank() ? (approved ? "approved" : "rejected") : comment;
        RebalanceStatus stored = rebalances.find(task.rebalanceId()).orElseThrow(() -> new ApprovalTaskNotFoundException(taskId)).status();
        if (stored != from) {
            // the process moved on (the timer escalated it a moment ago): this task is not the one to decide
            throw new ApprovalTaskNotFoundException(taskId);
        }
        // throws ApprovalTaskNotFoundException when the timer interrupted the task: nothing is stored
        tasks.complete(taskId, approved, comment, actor);
        try {
            rebalances.transition(task.rebalanceId(), Optional.of(from), to, actor, reason, clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (RebalanceTransitionException movedOn) {
            // the status listener stored the decision and the process went on (executed) before this call stored it
            LOG.info("Rebalance {}: {} by {} completed task {}; the process stored it first: {}", task.rebalanceId(), to, actor, taskId,
                    movedOn.getMessage());
        } catch (RuntimeException storeFailed) {
            LOG.error("Rebalance {}: task {} ({}) was completed as {} by {}, but storing the decision failed; the process's status"
                    + " listener stores it", task.rebalanceId(), taskId, task.name(), to, actor, storeFailed);
        }
    }
}
