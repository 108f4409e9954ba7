package io.ballast.platform.workflow;

import io.ballast.api.risk.RiskDecision;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.CreateProcessInstanceCommandStep1.CreateProcessInstanceCommandStep3;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Starts instances of {@code rebalance-approval}: at the start for a new rebalance, or, after a
 * restart of the embedded engine (whose state is in memory), right before the user task the stored
 * rebalance was waiting at, with the window set to the time it has left.
 */
public final class RebalanceApprovalInstances {

    public static final String PROCESS_ID = "rebalance-approval";
    /** The portfolio managers' task, where a PENDING_APPROVAL rebalance waits. */
    public static final String APPROVE_REBALANCE = "ApproveRebalance";
    /** The risk officers' task, where an ESCALATED rebalance waits. */
    public static final String ESCALATED_APPROVAL = "EscalatedApproval";
    /** The execution, where an approved rebalance not yet executed starts again. */
    public static final String EXECUTE = "Execute";
    /** A reminder already sent before a restart is not sent again: its timer is set past any window. */
    static final Duration NEVER = Duration.ofDays(3650);
    /**
     * The variable a re-opened instance carries for its user task: when the task was really created, as
     * {@code {elementId: ISO-8601 instant}}, so the inbox shows the time the approval began rather than
     * the restart. Keyed by element: the task an escalation creates later is new, and dated when it is created.
     */
    public static final String TASK_CREATED_AT = "taskCreatedAt";

    /**
     * The start variables the BPMN documents.
     *
     * @param trades          the trades for the form: {@code {asset, side, quantity, notional}} each
     * @param estimatedCost   the total estimated cost, base currency
     * @param expectedBenefit the expected annual tracking-error reduction, a fraction
     * @param reminderAfter   empty when the reminder was already due (a re-opened approval): it is not sent again
     */
    public record Start(String rebalanceId, String portfolioId, String proposedBy, List<Map<String, Object>> trades,
                        Object estimatedCost, double expectedBenefit, Optional<Duration> reminderAfter, Duration approvalWindow,
                        Duration escalationWindow) {
        public Start {
            Objects.requireNonNull(rebalanceId, "rebalanceId");
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(proposedBy, "proposedBy");
            trades = List.copyOf(trades);
            Objects.requireNonNull(estimatedCost, "estimatedCost");
            Objects.requireNonNull(reminderAfter, "reminderAfter");
            Objects.requireNonNull(approvalWindow, "approvalWindow");
            Objects.requireNonNull(escalationWindow, "escalationWindow");
        }

        Map<String, Object> variables() {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("rebalanceId", rebalanceId);
            variables.put("portfolioId", portfolioId);
            variables.put("proposedBy", proposedBy);
            variables.put("trades", trades);
            variables.put("estimatedCost", estimatedCost);
            variables.put("expectedBenefit", expectedBenefit);
            variables.put("reminderAfter", reminderAfter.orElse(NEVER).toString());
            variables.put("approvalWindow", approvalWindow.toString());
            variables.put("escalationWindow", escalationWindow.toString());
            return variables;
        }
    }

    private final CamundaClient client;

    public RebalanceApprovalInstances(CamundaClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Starts at the start event: the risk check first. @return the process instance key */
    public long start(Start start) {
        return command(start).send().join().getProcessInstanceKey();
    }

    /**
     * Starts right before {@code elementId} ({@link #APPROVE_REBALANCE}, {@link #ESCALATED_APPROVAL} or {@link #EXECUTE}),
     * skipping what came before; the caller sets the window of that task to the time left.
     *
     * @param extraVariables what the earlier steps would have set for the form (e.g. {@code riskVerdict})
     */
    public long startBefore(String elementId, Start start, Map<String, Object> extraVariables) {
        Map<String, Object> variables = new LinkedHashMap<>(start.variables());
        variables.putAll(extraVariables);
        return client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                .variables(variables)
                .startBeforeElement(elementId)
                .send().join().getProcessInstanceKey();
    }

    /**
     * What a task re-opened before {@code elementId} showed before the restart, besides the start
     * variables: when it was created, and the verdict and decisions of the rebalance's risk check
     * ({@code riskVerdict}, {@code riskDecisions}, as the risk-check job returned them), which the
     * process would have set had it run the check. Without a stored check (empty verdict) neither is set.
     */
    public static Map<String, Object> reopenedTaskVariables(String elementId, Instant taskCreatedAt, Optional<String> riskVerdict,
                                                            List<RiskDecision> riskDecisions) {
        Objects.requireNonNull(elementId, "elementId");
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(TASK_CREATED_AT, Map.of(elementId, taskCreatedAt.toString()));
        riskVerdict.ifPresent(verdict -> {
            variables.put("riskVerdict", verdict);
            variables.put("riskDecisions", RiskDecisionVariables.toVariables(riskDecisions));
        });
        return variables;
    }

    private CreateProcessInstanceCommandStep3 command(Start start) {
        return client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().variables(start.variables());
    }
}
