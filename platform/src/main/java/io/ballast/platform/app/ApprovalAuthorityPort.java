package io.ballast.platform.app;

import io.ballast.platform.approval.ApprovalAuthority;
import io.ballast.platform.approval.ApprovalTask;
import io.ballast.platform.approval.ApprovalTaskNotFoundException;
import io.ballast.platform.http.ApprovalPort;
import io.ballast.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The REST API's view of the approval tasks: the authority decides who may, and the tasks behind it
 * store each decision before completing the task.
 */
final class ApprovalAuthorityPort implements ApprovalPort {

    private final ApprovalAuthority authority;

    ApprovalAuthorityPort(ApprovalAuthority authority) {
        this.authority = Objects.requireNonNull(authority, "authority");
    }

    @Override
    public List<TaskView> pending(Optional<String> group) {
        return authority.pending(group).stream().map(ApprovalAuthorityPort::view).toList();
    }

    @Override
    public boolean decide(String taskId, boolean approve, String comment, AuthenticatedUser decider) {
        Objects.requireNonNull(decider, "decider");
        try {
            if (approve) {
                authority.approve(decider, taskId, comment);
            } else {
                authority.reject(decider, taskId, comment);
            }
            return true;
        } catch (ApprovalTaskNotFoundException e) {
            return false;
        }
    }

    private static TaskView view(ApprovalTask task) {
        // the view's map takes no nulls: a form variable the engine holds as JSON null is left out
        java.util.Map<String, Object> form = new java.util.LinkedHashMap<>();
        task.formVariables().forEach((name, value) -> {
            if (value != null) {
                form.put(name, value);
            }
        });
        return new TaskView(task.taskId(), task.rebalanceId(), task.portfolioId(), task.proposedBy(), task.name(), task.candidateGroups(),
                task.createdAt(), form);
    }
}
