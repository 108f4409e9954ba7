package io.ballast.platform.workflow;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * For tests in other packages: an embedded workflow runtime with the repository's workflows
 * deployed as embedded mode deploys them, and the engine's clock to drive timers.
 */
public final class EmbeddedWorkflowFixture implements AutoCloseable {

    private final WorkflowRuntime runtime;

    private EmbeddedWorkflowFixture(WorkflowRuntime runtime) {
        this.runtime = runtime;
    }

    public static EmbeddedWorkflowFixture start() {
        WorkflowRuntime runtime = WorkflowRuntime.start(EmbeddedWorkflowTest.embeddedConfig(0));
        try {
            runtime.deploy(Path.of("..", "workflows"));
            return new EmbeddedWorkflowFixture(runtime);
        } catch (RuntimeException e) {
            runtime.close();
            throw e;
        }
    }

    public WorkflowRuntime runtime() {
        return runtime;
    }

    public CamundaClient client() {
        return runtime.client();
    }

    public void increaseTime(Duration by) {
        runtime.increaseEmbeddedTime(by);
    }

    public RecordStreamSource records() {
        return runtime.embeddedRecords().orElseThrow();
    }

    /**
     * Polls {@code probe} every 20 ms until it finds something, for at most {@code within}: the engine
     * creates tasks and activates jobs in its own threads, after the call that caused them returned.
     */
    public static <T> T await(String what, Duration within, Supplier<T> probe) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no " + what + " within " + within);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
