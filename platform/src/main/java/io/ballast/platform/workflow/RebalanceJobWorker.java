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
 * What every job worker of {@code rebalance-approval} does alike: read the job's {@code rebalanceId},
 * do its step (which stores what it decided before answering), and complete the job with the step's
 * variables. A job without a rebalance id is a modelling error no retry fixes: it fails with no
 * retries left, raising an incident. Any other failure is retried after {@link #RETRY_BACKOFF} until
 * the element's retries run out. Every step is idempotent: a job delivered again (a worker that
 * stopped before completing it) does what the first delivery did, or finds it done.
 */
public abstract class RebalanceJobWorker implements JobHandler {

    /** Every step runs in-process against the store; far longer than this means the worker is stuck. */
    public static final Duration JOB_TIMEOUT = Duration.ofSeconds(60);
    static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceJobWorker.class);

    private final String jobType;
    private final List<String> fetchVariables;

    /** A worker of {@code jobType} that reads {@code rebalanceId} only. */
    protected RebalanceJobWorker(String jobType) {
        this(jobType, List.of("rebalanceId"));
    }

    /** @param fetchVariables the variables it reads; {@code rebalanceId} among them */
    protected RebalanceJobWorker(String jobType, List<String> fetchVariables) {
        this.jobType = Objects.requireNonNull(jobType, "jobType");
        this.fetchVariables = List.copyOf(fetchVariables);
    }

    /** The job type this worker serves. */
    public final String jobType() {
        return jobType;
    }

    /** The variables it reads; {@code rebalanceId} always. */
    public final List<String> fetchVariables() {
        return fetchVariables;
    }

    /** Does the step for one rebalance; the variables to complete the job with. */
    protected abstract Map<String, Object> handle(String rebalanceId, ActivatedJob job);

    @Override
    public final void handle(JobClient jobs, ActivatedJob job) {
        Object rebalanceId = job.getVariablesAsMap().get("rebalanceId");
        if (!(rebalanceId instanceof String id) || id.isBlank()) {
            String message = "job variable rebalanceId must be a non-empty string, got " + rebalanceId;
            LOG.warn("Job {} ({}) of process instance {}: {}", job.getKey(), job.getType(), job.getProcessInstanceKey(), message);
            jobs.newFailCommand(job).retries(0).errorMessage(message).send().join();
            return;
        }
        Map<String, Object> variables;
        try {
            variables = handle(id, job);
        } catch (ExecutionClaimedException e) {
            // not a failed attempt: another run is executing it, or the claim of one that died has yet to lapse
            LOG.info("Job {} of rebalance {}: {}; tried again in {}", job.getType(), id, e.getMessage(), e.retryAfter());
            jobs.newFailCommand(job)
                    .retries(Math.max(1, job.getRetries()))
                    .retryBackoff(e.retryAfter().plus(RETRY_BACKOFF))
                    .errorMessage(job.getType() + " of rebalance " + id + " waits: " + e.getMessage())
                    .send().join();
            return;
        } catch (RuntimeException e) {
            int retriesLeft = Math.max(0, job.getRetries() - 1);
            LOG.warn("Job {} of rebalance {} failed ({} retries left)", job.getType(), id, retriesLeft, e);
            jobs.newFailCommand(job)
                    .retries(retriesLeft)
                    .retryBackoff(RETRY_BACKOFF)
                    .errorMessage(job.getType() + " of rebalance " + id + " failed: " + e)
                    .send().join();
            return;
        }
        jobs.newCompleteCommand(job).variables(variables).send().join();
    }

    static String text(ActivatedJob job, String name) {
        Object value = job.getVariablesAsMap().get(name);
        return value == null ? null : value.toString();
    }
}
