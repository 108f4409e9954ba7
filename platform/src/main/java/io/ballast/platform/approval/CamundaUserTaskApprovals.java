package io.ballast.platform.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The approval tasks on a Camunda 8 cluster: the Camunda user tasks of {@code rebalance-approval},
 * searched and completed through the Orchestration Cluster REST API (the same tasks Tasklist shows).
 */
public final class CamundaUserTaskApprovals implements ApprovalTasks {

    /** One page of the search: far more approvals than a team has pending at once. */
    static final int PAGE_LIMIT = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CamundaClient client;

    /** @param client a client with the cluster's REST address; the caller keeps and closes it */
    public CamundaUserTaskApprovals(CamundaClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public List<ApprovalTask> pending(Optional<String> group) {
        List<UserTask> tasks = client.newUserTaskSearchRequest()
                .filter(filter -> {
                    filter.state(UserTaskState.CREATED).bpmnProcessId(ApprovalTask.PROCESS_ID);
                    group.ifPresent(filter::candidateGroup);
                })
                .sort(sort -> sort.creationDate().asc())
                .page(page -> page.limit(PAGE_LIMIT))
                .send().join().items();
        return tasks.stream().map(task -> toApprovalTask(task, variables(task.getUserTaskKey()))).toList();
    }

    @Override
    public Optional<ApprovalTask> task(String taskId) {
        Optional<Long> key = userTaskKey(taskId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        UserTask task;
        try {
            task = client.newUserTaskGetRequest(key.get()).send().join();
        } catch (ProblemException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return isPendingApproval(task) ? Optional.of(toApprovalTask(task, variables(key.get()))) : Optional.empty();
    }

    @Override
    public void complete(String taskId, boolean approved, String comment, String actor) {
        Objects.requireNonNull(actor, "actor");
        long key = userTaskKey(taskId).orElseThrow(() -> new ApprovalTaskNotFoundException(taskId));
        Map<String, Object> decision = new HashMap<>();
        decision.put("approved", approved);
        decision.put("comment", comment == null ? "" : comment);
        decision.put("approvedBy", actor);
        try {
            // the completing listener takes the assignee as the decider and denies a task without one;
            // the authority in front has checked the actor, so a claim someone made in Tasklist gives way
            client.newAssignUserTaskCommand(key).assignee(actor).allowOverride(true).send().join();
            client.newCompleteUserTaskCommand(key).variables(decision).send().join();
        } catch (ProblemException e) {
            // 404: no such task; 409: completed, or being completed, by someone else, or the listener denied it
            if (e.code() == 404 || e.code() == 409) {
                throw new ApprovalTaskNotFoundException(taskId);
            }
            throw e;
        }
    }

    private List<Variable> variables(long userTaskKey) {
        return client.newUserTaskVariableSearchRequest(userTaskKey)
                .withFullValues()
                .page(page -> page.limit(PAGE_LIMIT))
                .send().join().items();
    }

    static boolean isPendingApproval(UserTask task) {
        return task.getState() == UserTaskState.CREATED && ApprovalTask.PROCESS_ID.equals(task.getBpmnProcessId());
    }

    /**
     * The task as the inbox shows it. The search returns the variables the task can see, each as
     * JSON text; a task-local one shadows the process's variable of the same name.
     */
    static ApprovalTask toApprovalTask(UserTask task, List<Variable> variables) {
        Map<String, Object> values = new HashMap<>();
        Map<String, Boolean> local = new HashMap<>();
        for (Variable variable : variables) {
            boolean isLocal = Objects.equals(variable.getScopeKey(), task.getElementInstanceKey());
            if (isLocal || !local.getOrDefault(variable.getName(), false)) {
                values.put(variable.getName(), parse(variable));
                local.put(variable.getName(), isLocal);
            }
        }
        String name = task.getName() == null || task.getName().isBlank() ? task.getElementId() : task.getName();
        List<String> groups = task.getCandidateGroups() == null ? List.of() : task.getCandidateGroups();
        Instant createdAt = task.getCreationDate().toInstant();
        return ApprovalTask.of(Long.toString(task.getUserTaskKey()), name, groups, createdAt, values);
    }

    private static Object parse(Variable variable) {
        try {
            return JSON.readValue(variable.getValue(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("variable " + variable.getName() + " of the cluster is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Optional<Long> userTaskKey(String taskId) {
        try {
            return Optional.of(Long.parseLong(Objects.requireNonNull(taskId, "taskId")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
