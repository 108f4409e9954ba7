package io.ballast.platform.approval;

import io.ballast.platform.security.AccessDeniedException;
import io.ballast.platform.security.AuthenticatedUser;
import io.ballast.platform.security.Role;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Who may decide an approval task, in front of {@link ApprovalTasks}: a user holding the role of
 * one of the task's candidate groups, or an admin; never the user who proposed the rebalance, for
 * an approval (four eyes). A refused decision changes nothing: the task is checked before it is
 * completed.
 *
 * <p>Admin may act for any group so that a team without its portfolio manager or risk officer is
 * not stuck until the automatic decision; four eyes holds for admins too. A proposer may reject
 * their own rebalance: rejecting moves no money, and four eyes guards approvals.
 */
public final class ApprovalAuthority {

    private final ApprovalTasks tasks;
    private final CandidateGroupRoles groupRoles;

    public ApprovalAuthority(ApprovalTasks tasks, CandidateGroupRoles groupRoles) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.groupRoles = Objects.requireNonNull(groupRoles, "groupRoles");
    }

    /** The pending tasks, those of {@code group} only when it is given. */
    public List<ApprovalTask> pending(Optional<String> group) {
        return tasks.pending(group);
    }

    /**
     * @throws ApprovalTaskNotFoundException when no such task is pending
     * @throws AccessDeniedException when the user holds no role of the task's groups, or proposed the rebalance
     */
    public ApprovalTask approve(AuthenticatedUser user, String taskId, String comment) {
        return decide(user, taskId, true, comment);
    }

    /**
     * @throws ApprovalTaskNotFoundException when no such task is pending
     * @throws AccessDeniedException when the user holds no role of the task's groups
     */
    public ApprovalTask reject(AuthenticatedUser user, String taskId, String comment) {
        return decide(user, taskId, false, comment);
    }

    private ApprovalTask decide(AuthenticatedUser user, String taskId, boolean approved, String comment) {
        Objects.requireNonNull(user, "user");
        ApprovalTask task = tasks.task(taskId).orElseThrow(() -> new ApprovalTaskNotFoundException(taskId));
        requireGroupRole(user, task);
        if (approved && user.name().equals(task.proposedBy())) {
            throw new AccessDeniedException("Four eyes: " + user.name() + " proposed rebalance " + task.rebalanceId()
                    + " and may not approve it; another user of " + String.join(", ", task.candidateGroups()) + " must");
        }
        tasks.complete(taskId, approved, comment, user.name());
        return task;
    }

    private void requireGroupRole(AuthenticatedUser user, ApprovalTask task) {
        if (user.roles().contains(Role.ADMIN)) {
            return;
        }
        List<Role> allowed = task.candidateGroups().stream()
                .map(groupRoles::roleOf).flatMap(Optional::stream).distinct().toList();
        if (allowed.stream().noneMatch(user.roles()::contains)) {
            String needed = allowed.isEmpty()
                    ? "no role stands for its groups " + task.candidateGroups() + ", so only an admin may"
                    : "it needs the role " + allowed.stream().map(Role::wireName).collect(Collectors.joining(" or "));
            throw new AccessDeniedException("User " + user.name() + " may not decide task " + task.taskId() + " ("
                    + task.name() + " of rebalance " + task.rebalanceId() + "): " + needed);
        }
    }
}
