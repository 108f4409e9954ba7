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
 * The approval tasks, with each decision stored before its task is completed: APPROVED or REJECTED
 * by the deciding user with the comment as the reason, from the status the task stands for
 * (PENDING_APPROVAL for the portfolio managers' task, ESCALATED for the risk officers'). A task
 * whose rebalance has moved on (the timer escalated it, or the automatic decision took it) is no longer
 * pending, even while the embedded inbox still holds its job: the engine does not tell a worker that a
 * job was cancelled, and the inbox's sweep finds out only up to 30 s later.
 * {@link io.ballast.platform.approval.ApprovalAuthority} sits in front, so a refused user stores nothing.
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
        try {
            rebalances.transition(task.rebalanceId(), Optional.of(from), to, actor, reason, clock.instant().truncatedTo(ChronoUnit.MICROS));
        } catch (RebalanceTransitionException movedOn) {
            throw new ApprovalTaskNotFoundException(taskId);
        }
        try {
            tasks.complete(taskId, approved, comment, actor);
        } catch (ApprovalTaskNotFoundException gone) {
            // the timer interrupted the task between the two: the stored decision stands, the process's
            // status listener will find it and keep it (see RebalanceWorkflowSteps.record)
            LOG.warn("Rebalance {}: {} stored {} by {}, but task {} was interrupted before it completed", task.rebalanceId(),
                    task.name(), to, actor, taskId);
            throw gone;
        }
    }
}
