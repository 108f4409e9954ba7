package io.ballast.platform.approval;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One pending decision of people on a rebalance: an "Approve rebalance" or "Escalated approval"
 * task of the {@code rebalance-approval} process.
 *
 * @param taskId          the engine's key of the task (embedded: the job's key; remote: the user task's key), as text
 * @param rebalanceId     the proposal the task decides on
 * @param portfolioId     the portfolio it rebalances
 * @param proposedBy      the user who proposed it; four eyes: never the one who approves it
 * @param name            the element's name, e.g. {@code Approve rebalance}
 * @param candidateGroups who may decide, e.g. {@code [portfolio-managers]}
 * @param createdAt       when the task was created (remote: by the engine; embedded: when the inbox first saw it, or
 *                        for a task re-opened after a restart, when its approval began)
 * @param formVariables   what the form shows, by variable name as the engine holds them (JSON-shaped):
 *                        {@code trades}, {@code estimatedCost}, {@code expectedBenefit}, {@code riskVerdict},
 *                        {@code riskDecisions}; a variable the process does not hold is absent
 */
public record ApprovalTask(
        String taskId,
        String rebalanceId,
        String portfolioId,
        String proposedBy,
        String name,
        List<String> candidateGroups,
        Instant createdAt,
        Map<String, Object> formVariables) {

    /** The process whose user tasks these are. */
    public static final String PROCESS_ID = "rebalance-approval";
    /** The variables the task reads from its process: the proposal's identity and what the form shows. */
    public static final List<String> VARIABLES = List.of(
            "rebalanceId", "portfolioId", "proposedBy", "trades", "estimatedCost", "expectedBenefit", "riskVerdict", "riskDecisions");
    /** The form's variables among {@link #VARIABLES}. */
    public static final List<String> FORM_VARIABLES = VARIABLES.subList(3, VARIABLES.size());

    public ApprovalTask {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(rebalanceId, "rebalanceId");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(name, "name");
        candidateGroups = List.copyOf(candidateGroups);
        Objects.requireNonNull(createdAt, "createdAt");
        // LinkedHashMap keeps the form's order; values may be JSON null, which Map.copyOf refuses
        formVariables = Collections.unmodifiableMap(new LinkedHashMap<>(formVariables));
    }

    /**
     * The task from the variables it can see: the identity from {@code rebalanceId},
     * {@code portfolioId}, {@code proposedBy} (empty text when missing), the form's variables as they are.
     */
    static ApprovalTask of(String taskId, String name, List<String> candidateGroups, Instant createdAt, Map<String, Object> variables) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (String variable : FORM_VARIABLES) {
            if (variables.containsKey(variable)) {
                form.put(variable, variables.get(variable));
            }
        }
        return new ApprovalTask(taskId, text(variables, "rebalanceId"), text(variables, "portfolioId"),
                text(variables, "proposedBy"), name, candidateGroups, createdAt, form);
    }

    private static String text(Map<String, Object> variables, String name) {
        Object value = variables.get(name);
        return value == null ? "" : value.toString();
    }
}
