package io.ballast.platform.workflow;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DocumentReferenceResponse;
import io.camunda.client.api.response.UserTaskProperties;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A completing task listener's job of {@code rebalance-approval} as the engine hands it to the worker:
 * the user task's element and assignee in {@link #getUserTask()}, the completion's variables over the
 * process's. For tests in other packages; the engine here cannot complete a Camunda user task, so it
 * never makes such a job itself.
 */
public final class TaskListenerJob implements ActivatedJob {

    private final String elementId;
    private final String assignee;
    private final Map<String, Object> variables;
    private final int retries;

    private TaskListenerJob(String elementId, String assignee, Map<String, Object> variables, int retries) {
        this.elementId = elementId;
        this.assignee = assignee;
        this.variables = variables;
        this.retries = retries;
    }

    /**
     * @param assignee  null for a task nobody is assigned
     * @param variables the job's variables; a null value stands for a variable that is not set
     */
    public static TaskListenerJob completing(String elementId, String assignee, Map<String, Object> variables) {
        return new TaskListenerJob(elementId, assignee, new HashMap<>(variables), 3);
    }

    /** The completion of {@code rebalanceId}'s task with {@code approved} and {@code comment}, nothing else. */
    public static TaskListenerJob completing(String elementId, String assignee, String rebalanceId, boolean approved, String comment) {
        return completing(elementId, assignee, Map.of("rebalanceId", rebalanceId, "approved", approved, "comment", comment));
    }

    @Override
    public long getKey() {
        return 2251799813685400L;
    }

    @Override
    public String getType() {
        return RebalanceApprovalCheckWorker.JOB_TYPE;
    }

    @Override
    public long getProcessInstanceKey() {
        return 2251799813685251L;
    }

    @Override
    public String getBpmnProcessId() {
        return RebalanceApprovalInstances.PROCESS_ID;
    }

    @Override
    public int getProcessDefinitionVersion() {
        return 1;
    }

    @Override
    public long getProcessDefinitionKey() {
        return 2251799813685249L;
    }

    @Override
    public String getElementId() {
        return elementId;
    }

    @Override
    public long getElementInstanceKey() {
        return 2251799813685309L;
    }

    @Override
    public Map<String, String> getCustomHeaders() {
        return assignee == null ? Map.of() : Map.of("io.camunda.zeebe:assignee", assignee);
    }

    @Override
    public String getWorker() {
        return "ballast";
    }

    @Override
    public int getRetries() {
        return retries;
    }

    @Override
    public long getDeadline() {
        return 0;
    }

    @Override
    public String getVariables() {
        throw new UnsupportedOperationException("the workers read the variables as a map");
    }

    @Override
    public Map<String, Object> getVariablesAsMap() {
        return variables;
    }

    @Override
    public <T> T getVariablesAsType(Class<T> variableType) {
        throw new UnsupportedOperationException("the workers read the variables as a map");
    }

    @Override
    public Object getVariable(String name) {
        return variables.get(name);
    }

    @Override
    public UserTaskProperties getUserTask() {
        return new UserTaskProperties() {
            public String getAction() { return "complete"; }
            public String getAssignee() { return assignee; }
            public List<String> getCandidateGroups() { return List.of(); }
            public List<String> getCandidateUsers() { return List.of(); }
            public List<String> getChangedAttributes() { return List.of(); }
            public OffsetDateTime getDueDate() { return null; }
            public OffsetDateTime getFollowUpDate() { return null; }
            public Long getFormKey() { return null; }
            public Integer getPriority() { return 50; }
            public Long getUserTaskKey() { return 2251799813685311L; }
        };
    }

    @Override
    public JobKind getKind() {
        return JobKind.TASK_LISTENER;
    }

    @Override
    public ListenerEventType getListenerEventType() {
        return ListenerEventType.COMPLETING;
    }

    @Override
    public String toJson() {
        return "{\"elementId\":\"" + elementId + "\"}";
    }

    @Override
    public String getTenantId() {
        return "<default>";
    }

    @Override
    public List<DocumentReferenceResponse> getDocumentReferences(String variableName) {
        return List.of();
    }

    @Override
    public Set<String> getTags() {
        return Set.of();
    }
}
