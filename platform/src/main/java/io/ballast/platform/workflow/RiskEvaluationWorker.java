package io.ballast.platform.workflow;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the "Evaluate risk rules" service task: runs the {@link PortfolioRiskCheck} for the job's
 * {@code portfolioId} and completes the job with {@code rulesVersion} and {@code decisions}
 * (see {@link RiskDecisionVariables} for their shape).
 *
 * <ul>
 *   <li>an unknown portfolio throws the BPMN error {@value #PORTFOLIO_UNKNOWN_ERROR_CODE} with
 *       the variable {@code riskCheckRejection}: the process ends on its "Portfolio unknown" path;</li>
 *   <li>a missing or empty {@code portfolioId} is a modelling error that no retry fixes: the job
 *       fails with no retries left, which raises an incident carrying the message;</li>
 *   <li>any other failure is retried after {@link #RETRY_BACKOFF} until the task's retries run out.</li>
 * </ul>
 *
 * <p>Wire it with {@code runtime.openWorker(JOB_TYPE, FETCH_VARIABLES, JOB_TIMEOUT, worker)}.
 */
public final class RiskEvaluationWorker implements JobHandler {

    public static final String JOB_TYPE = "ballast.risk.evaluate";
    public static final List<String> FETCH_VARIABLES = List.of("portfolioId");
    /** A risk check runs in-process over one portfolio; far longer than this means the worker is stuck. */
    public static final Duration JOB_TIMEOUT = Duration.ofSeconds(30);
    static final String PORTFOLIO_UNKNOWN_ERROR_CODE = "ballast.portfolio-unknown";
    static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RiskEvaluationWorker.class);

    private final PortfolioRiskCheck riskCheck;

    public RiskEvaluationWorker(PortfolioRiskCheck riskCheck) {
        this.riskCheck = Objects.requireNonNull(riskCheck, "riskCheck");
    }

    @Override
    public void handle(JobClient jobs, ActivatedJob job) {
        Object portfolioId = job.getVariablesAsMap().get("portfolioId");
        if (!(portfolioId instanceof String id) || id.isBlank()) {
            String message = "job variable portfolioId must be a non-empty string, got " + portfolioId;
            LOG.warn("Risk evaluation job {} of process instance {}: {}", job.getKey(), job.getProcessInstanceKey(), message);
            jobs.newFailCommand(job).retries(0).errorMessage(message).send().join();
            return;
        }
        RiskCheckOutcome outcome;
        try {
            outcome = riskCheck.check(id);
        } catch (UnknownPortfolioException e) {
            jobs.newThrowErrorCommand(job)
                    .errorCode(PORTFOLIO_UNKNOWN_ERROR_CODE)
                    .errorMessage(e.getMessage())
                    .variable("riskCheckRejection", e.getMessage())
                    .send().join();
            return;
        } catch (RuntimeException e) {
            int retriesLeft = Math.max(0, job.getRetries() - 1);
            LOG.warn("Risk check of portfolio {} failed ({} retries left)", id, retriesLeft, e);
            jobs.newFailCommand(job)
                    .retries(retriesLeft)
                    .retryBackoff(RETRY_BACKOFF)
                    .errorMessage("risk check of portfolio " + id + " failed: " + e)
                    .send().join();
            return;
        }
        jobs.newCompleteCommand(job)
                .variables(Map.of(
                        "rulesVersion", outcome.rulesVersion(),
                        "decisions", RiskDecisionVariables.toVariables(outcome.decisions())))
                .send().join();
    }
}
