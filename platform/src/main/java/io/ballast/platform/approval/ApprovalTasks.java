package io.ballast.platform.approval;

import java.util.List;
import java.util.Optional;

/**
 * The people's tasks of the rebalance approvals, wherever the engine keeps them: the platform's
 * inbox on the embedded engine ({@link EmbeddedApprovalInbox}), Camunda user tasks on a cluster
 * ({@link CamundaUserTaskApprovals}). Who may complete a task is decided in front of this
 * ({@link ApprovalAuthority}); this only does it.
 */
public interface ApprovalTasks {

    /** The tasks waiting for a decision, oldest first; only those offered to {@code group} when it is given. */
    List<ApprovalTask> pending(Optional<String> group);

    /** The pending task with this id; empty when there is none (never was, decided, or interrupted by its timer). */
    Optional<ApprovalTask> task(String taskId);

    /**
     * Completes the task with the variables {@code approved}, {@code comment} and {@code approvedBy}
     * (the deciding user, whichever way they decided).
     *
     * @throws ApprovalTaskNotFoundException when the task is no longer pending: decided by someone
     *         else, or interrupted by its timer (escalated, decided automatically)
     */
    void complete(String taskId, boolean approved, String comment, String actor);
}
