package io.ballast.platform.workflow;

import io.ballast.platform.problem.InvalidInputException;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the {@code portfolio-risk-check} process for one portfolio and waits for its outcome; what
 * {@code POST /api/v1/portfolios/{id}/risk-checks} calls. The process must be deployed and a
 * {@link RiskEvaluationWorker} open.
 */
public final class RiskCheckProcess {

    public static final String PROCESS_ID = "portfolio-risk-check";

    private static final Duration GATEWAY_GRACE = Duration.ofSeconds(1);

    private final CamundaClient client;
    private final Duration timeout;

    /** @param timeout how long {@link #run} waits for the process to end */
    public RiskCheckProcess(CamundaClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /**
     * @throws InvalidInputException      when {@code portfolioId} is empty
     * @throws UnknownPortfolioException  when no portfolio has this id
     * @throws RiskCheckFailedException   when the engine refused the process, or it did not end within the timeout
     */
    public RiskCheckResult run(String portfolioId) {
        if (portfolioId == null || portfolioId.isBlank()) {
            throw new InvalidInputException("portfolioId", "must not be empty");
        }
        CamundaFuture<ProcessInstanceResult> pending = client.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS_ID)
                .latestVersion()
                .variables(Map.of("portfolioId", portfolioId))
                .withResult()
                .fetchVariables("rulesVersion", "decisions", "riskCheckRejection")
                .requestTimeout(timeout)
                .send();
        ProcessInstanceResult result;
        try {
            // a cluster's gateway answers DEADLINE_EXCEEDED at the timeout; the embedded engine's
            // gateway never does, and the client's own deadline adds a 10 s offset, so wait no longer than this
            result = pending.join(timeout.plus(GATEWAY_GRACE).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ClientException e) {
            pending.cancel(true);
            throw new RiskCheckFailedException(failureMessage(portfolioId, e), e);
        }
        Map<String, Object> variables = result.getVariablesAsMap();
        if (variables.get("riskCheckRejection") != null) {
            throw new UnknownPortfolioException(portfolioId);
        }
        if (!(variables.get("rulesVersion") instanceof String rulesVersion)) {
            throw new RiskCheckFailedException("risk check of portfolio " + portfolioId + " (process instance "
                    + result.getProcessInstanceKey() + ") ended without rulesVersion", null);
        }
        RiskCheckOutcome outcome = new RiskCheckOutcome(rulesVersion, RiskDecisionVariables.fromVariables(variables.get("decisions")));
        return new RiskCheckResult(result.getProcessInstanceKey(), outcome);
    }

    private String failureMessage(String portfolioId, ClientException e) {
        boolean timedOut = e.getCause() instanceof TimeoutException
                || e instanceof ClientStatusException status && status.getStatusCode() == Status.Code.DEADLINE_EXCEEDED;
        if (timedOut) {
            return "risk check of portfolio " + portfolioId + " did not finish within " + timeout
                    + "; a failing risk evaluation waits as an incident of process " + PROCESS_ID;
        }
        return "risk check of portfolio " + portfolioId + " could not run: " + e.getMessage();
    }
}
