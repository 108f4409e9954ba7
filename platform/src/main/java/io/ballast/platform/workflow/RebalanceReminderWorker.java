package io.ballast.platform.workflow;

import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import java.util.Objects;

/**
 * Serves {@value #JOB_TYPE}: a WARNING alert that the rebalance still waits for the portfolio
 * managers, naming the rebalance, the group and the time left. The step records the reminder before
 * it alerts, so a job delivered again alerts no more.
 */
public final class RebalanceReminderWorker extends RebalanceJobWorker {

    public static final String JOB_TYPE = "ballast.rebalance.remind";
    /** The group of the task the reminder is attached to ({@code Approve rebalance}). */
    static final String GROUP = "portfolio-managers";

    @FunctionalInterface
    public interface Step {
        void remind(String rebalanceId, String group);
    }

    private final Step step;

    public RebalanceReminderWorker(Step step) {
        super(JOB_TYPE);
        this.step = Objects.requireNonNull(step, "step");
    }

    @Override
    protected Map<String, Object> handle(String rebalanceId, ActivatedJob job) {
        step.remind(rebalanceId, GROUP);
        return Map.of();
    }
}
