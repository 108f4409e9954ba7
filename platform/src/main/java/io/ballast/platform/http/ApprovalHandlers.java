package io.ballast.platform.http;

import io.ballast.platform.http.ApprovalPort.TaskView;
import io.ballast.platform.security.AuthenticatedUser;
import io.ballast.platform.security.BearerAccess;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code listApprovals}, {@code approveRebalance} and {@code rejectRebalance}: the embedded inbox. */
final class ApprovalHandlers {

    /** The body of approve or reject, as the contract's ApprovalInput or RejectionInput has checked it. */
    private record DecisionInput(String comment) {}

    private record TaskBody(String id, String rebalanceId, String portfolioId, String proposedBy, String name,
                            List<String> candidateGroups, Instant createdAt, Map<String, Object> form) {

        static TaskBody of(TaskView task) {
            return new TaskBody(task.id(), task.rebalanceId(), task.portfolioId(), task.proposedBy(), task.name(),
                    task.candidateGroups(), task.createdAt(), task.form());
        }
    }

    private record TaskListBody(List<TaskBody> approvals) {}

    private record DecisionBody(String id, String decision) {}

    private final ApprovalPort approvals;

    ApprovalHandlers(ApprovalPort approvals) {
        this.approvals = Objects.requireNonNull(approvals, "approvals");
    }

    void list(RoutingContext rc) {
        Optional<String> group = rc.queryParam("group").stream().findFirst();
        rc.vertx()
                .executeBlocking(() -> approvals.pending(group), false)
                .onSuccess(tasks -> JsonBodies.send(rc, 200, new TaskListBody(tasks.stream().map(TaskBody::of).toList())))
                .onFailure(rc::fail);
    }

    void approve(RoutingContext rc) {
        // the body may be left out when approving: no comment
        String comment = rc.body().isEmpty() ? "" : Objects.requireNonNullElse(JsonBodies.read(rc, DecisionInput.class).comment(), "");
        decide(rc, true, comment.strip());
    }

    void reject(RoutingContext rc) {
        String comment = JsonBodies.read(rc, DecisionInput.class).comment().strip();
        if (comment.isEmpty()) {
            // the contract has checked it is there and not empty; white space alone says nothing either
            throw new MalformedRequestException("comment", "must say why the rebalance is rejected; it is blank");
        }
        decide(rc, false, comment);
    }

    private void decide(RoutingContext rc, boolean approve, String comment) {
        AuthenticatedUser user = BearerAccess.user(rc);
        String taskId = rc.pathParam("id");
        rc.vertx()
                .executeBlocking(() -> approvals.decide(taskId, approve, comment, user), false)
                .onSuccess(decided -> {
                    if (decided) {
                        JsonBodies.send(rc, 200, new DecisionBody(taskId, approve ? "APPROVED" : "REJECTED"));
                    } else {
                        rc.fail(new ResourceNotFoundException("pending approval task", taskId));
                    }
                })
                .onFailure(rc::fail);
    }
}
