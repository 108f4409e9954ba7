package io.ballast.platform.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Serves {@value #JOB_TYPE}: executes the approved rebalance on the configured venue. The step books
 * each slice's fills before the next order and stores EXECUTED, or FAILED with what failed, before
 * the job completes; a failure completes the job too, with {@code executionFailure}, so the process
 * ends (its status listener then hands FAILED to the store, which has it already) rather than
 * retrying an execution that stopped for a reason a retry does not fix. Delivered again, the step
 * skips the slices already booked, so nothing trades twice.
 */
public final class RebalanceExecutionWorker extends RebalanceJobWorker {

    public static final String JOB_TYPE = "ballast.rebalance.execute";
    /** Slices and their fills can take a while on a real venue; the lock must outlast them. */
    public static final java.time.Duration JOB_TIMEOUT = java.time.Duration.ofMinutes(10);

    @FunctionalInterface
    public interface Step {
        /**
         * @param beforeOrder run before each order goes out: it extends the job's lock, so a long TWAP is never
         *                    handed to a second worker; when it throws, no further order is sent
         * @return empty when executed in full; else what failed
         */
        Optional<String> execute(String rebalanceId, Runnable beforeOrder);
    }

    private final Step step;
    private final CamundaClient client;

    /** @param client extends the job's lock ({@code JobClient} cannot) */
    public RebalanceExecutionWorker(Step step, CamundaClient client) {
        super(JOB_TYPE);
        this.step = Objects.requireNonNull(step, "step");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    protected Map<String, Object> handle(String rebalanceId, ActivatedJob job) {
        Optional<String> failure = step.execute(rebalanceId,
                () -> client.newUpdateTimeoutCommand(job).timeout(JOB_TIMEOUT).send().join());
        Map<String, Object> variables = new HashMap<>();
        variables.put("executionFailure", failure.orElse(null));
        return variables;
    }
}
