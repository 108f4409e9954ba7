package io.ballast.platform.http;

import io.ballast.platform.security.AuthenticatedUser;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** An approval inbox in memory: records what it was asked; a task id {@code gone} is not pending. */
final class FakeApprovals implements ApprovalPort {

    record DecideCall(String taskId, boolean approve, String comment, AuthenticatedUser user) {}

    final List<Optional<String>> listings = new CopyOnWriteArrayList<>();
    final List<DecideCall> decisions = new CopyOnWriteArrayList<>();
    volatile List<TaskView> tasks = List.of();
    volatile RuntimeException failure;

    void reset() {
        listings.clear();
        decisions.clear();
        tasks = List.of();
        failure = null;
    }

    @Override
    public List<TaskView> pending(Optional<String> group) {
        listings.add(group);
        if (failure != null) {
            throw failure;
        }
        return tasks;
    }

    @Override
    public boolean decide(String taskId, boolean approve, String comment, AuthenticatedUser user) {
        decisions.add(new DecideCall(taskId, approve, comment, user));
        if (failure != null) {
            throw failure;
        }
        return !taskId.equals("gone");
    }
}
