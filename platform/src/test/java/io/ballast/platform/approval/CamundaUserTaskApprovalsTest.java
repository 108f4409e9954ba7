package io.ballast.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.impl.search.response.UserTaskImpl;
import io.camunda.client.impl.search.response.VariableImpl;
import io.camunda.client.protocol.rest.UserTaskResult;
import io.camunda.client.protocol.rest.VariableSearchResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The mapping of Camunda user tasks to approval tasks, from the Orchestration Cluster REST API's
 * answers as the client reads them. No cluster runs here: searching and completing are not tested.
 */
class CamundaUserTaskApprovalsTest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String TASK = """
            {"userTaskKey": "2251799813685311", "name": "Escalated approval", "state": "CREATED",
             "elementId": "EscalatedApproval", "elementInstanceKey": "2251799813685309",
             "candidateGroups": ["risk-officers"], "candidateUsers": [],
             "processDefinitionId": "rebalance-approval", "processInstanceKey": "2251799813685251",
             "processDefinitionKey": "2251799813685249", "formKey": "2251799813685250",
             "creationDate": "2025-03-03T13:00:00.000+01:00", "tenantId": "<default>", "priority": 50}
            """;

    @Test
    void taskCarriesItsIdentityAndTheFormsVariables() throws Exception {
        List<Variable> variables = List.of(
                variable("rebalanceId", "\"R-3\"", "2251799813685251"),
                variable("portfolioId", "\"P-3\"", "2251799813685251"),
                variable("proposedBy", "\"alice\"", "2251799813685251"),
                variable("trades", "[{\"asset\":\"ETH\",\"side\":\"SELL\",\"quantity\":\"12.5\",\"notional\":\"40000.00\"}]", "2251799813685251"),
                variable("estimatedCost", "\"31.40\"", "2251799813685251"),
                variable("riskVerdict", "\"NEEDS_APPROVAL\"", "2251799813685251"),
                variable("riskDecisions", "[]", "2251799813685251"),
                variable("reminderAfter", "\"PT1H\"", "2251799813685251"));

        ApprovalTask task = CamundaUserTaskApprovals.toApprovalTask(userTask(TASK), variables);

        assertThat(task).isEqualTo(new ApprovalTask("2251799813685311", "R-3", "P-3", "alice", "Escalated approval",
                List.of("risk-officers"),
                // 13:00 at +01:00
                Instant.parse("2025-03-03T12:00:00Z"),
                Map.of("trades", List.of(Map.of("asset", "ETH", "side", "SELL", "quantity", "12.5", "notional", "40000.00")),
                        "estimatedCost", "31.40",
                        "riskVerdict", "NEEDS_APPROVAL",
                        "riskDecisions", List.of())));
        assertThat(CamundaUserTaskApprovals.isPendingApproval(userTask(TASK))).isTrue();
    }

    @Test
    void taskLocalVariableShadowsTheProcesssOneWhicheverComesFirst() throws Exception {
        List<Variable> variables = List.of(
                variable("riskVerdict", "\"ALLOW_ALL\"", "2251799813685309"),
                variable("riskVerdict", "\"NEEDS_APPROVAL\"", "2251799813685251"));

        ApprovalTask task = CamundaUserTaskApprovals.toApprovalTask(userTask(TASK), variables);

        assertThat(task.formVariables()).containsExactly(Map.entry("riskVerdict", "ALLOW_ALL"));
        assertThat(task.rebalanceId()).isEmpty();
    }

    @Test
    void completedTaskOrAnotherProcesssTaskIsNotPending() throws Exception {
        assertThat(CamundaUserTaskApprovals.isPendingApproval(userTask(TASK.replace("\"CREATED\"", "\"COMPLETED\"")))).isFalse();
        assertThat(CamundaUserTaskApprovals.isPendingApproval(userTask(TASK.replace("rebalance-approval", "onboarding")))).isFalse();
    }

    @Test
    void unnamedTaskIsShownByItsElementId() throws Exception {
        ApprovalTask task = CamundaUserTaskApprovals.toApprovalTask(
                userTask(TASK.replace("\"name\": \"Escalated approval\",", "")), List.of());

        assertThat(task.name()).isEqualTo("EscalatedApproval");
    }

    private static UserTask userTask(String json) throws Exception {
        return new UserTaskImpl(JSON.readValue(json, UserTaskResult.class));
    }

    private static Variable variable(String name, String jsonValue, String scopeKey) throws Exception {
        String json = JSON.writeValueAsString(Map.of("name", name, "value", jsonValue, "scopeKey", scopeKey,
                "processInstanceKey", "2251799813685251", "variableKey", "1", "tenantId", "<default>", "isTruncated", false));
        return new VariableImpl(JSON.readValue(json, VariableSearchResult.class));
    }
}
