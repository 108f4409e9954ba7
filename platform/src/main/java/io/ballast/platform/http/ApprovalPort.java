package io.ballast.platform.http;

import io.ballast.platform.security.AuthenticatedUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code GET /api/v1/approvals} and {@code POST /api/v1/approvals/{id}/approve|reject} need:
 * the people's pending tasks of the rebalance-approval process. Every method blocks.
 */
public interface ApprovalPort {

    /** The pending tasks, oldest first; of one candidate group (e.g. {@code portfolio-managers}) or all. */
    List<TaskView> pending(Optional<String> group);

    /**
     * Completes the task as {@code user}, once the decision is stored.
     *
     * @param user who decides, with the roles of the token the request came with (never those of the
     *             user's other tokens: a viewer token must not approve with a manager token's roles)
     *
     * @return false when there is no such pending task (decided already, or escalated)
     * @throws io.ballast.platform.security.AccessDeniedException (403) when the user lacks the task's
     *         group role, or proposed the rebalance and tries to approve it (four eyes); nothing changes
     */
    boolean decide(String taskId, boolean approve, String comment, AuthenticatedUser user);

    record TaskView(String id, String rebalanceId, String portfolioId, String proposedBy, String name,
                    List<String> candidateGroups, Instant createdAt, Map<String, Object> form) {

        public TaskView {
            candidateGroups = List.copyOf(candidateGroups);
            form = Map.copyOf(form);
        }
    }
}
