package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.app.StartupException;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Starting on a configured port, and stopping: each test starts its own embedded engine. */
class WorkflowRuntimeLifecycleTest {

    @Test
    void configuredPortIsUsedAndCloseStopsTheEngineOnce() throws IOException {
        int port = RemoteWorkflowRuntimeTest.closedLoopbackPort();
        WorkflowRuntime runtime = WorkflowRuntime.start(EmbeddedWorkflowTest.embeddedConfig(port));
        runtime.openWorker(RiskEvaluationWorker.JOB_TYPE, RiskEvaluationWorker.FETCH_VARIABLES, Duration.ofSeconds(5),
                new RiskEvaluationWorker(id -> new RiskCheckOutcome("rules@1", List.of())));
        assertThat(runtime.client().getConfiguration().getGrpcAddress()).isEqualTo(URI.create("http://127.0.0.1:" + port));
        assertThat(runtime.health().up()).isTrue();

        runtime.close();
        runtime.close();

        try (Socket socket = new Socket()) {
            assertThatThrownBy(() -> socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000))
                    .isInstanceOf(ConnectException.class);
        }
        assertThat(runtime.health().up()).isFalse();
        assertThatThrownBy(() -> runtime.openWorker("any", List.of(), Duration.ofSeconds(5), (jobs, job) -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the workflow runtime is closed");
    }

    /** A job in hand when the runtime closes finishes its step and completes, uninterrupted. */
    @Test
    void closeLetsTheJobInHandFinish() throws Exception {
        WorkflowRuntime runtime = WorkflowRuntime.start(EmbeddedWorkflowTest.embeddedConfig(0));
        runtime.client().newDeployResourceCommand()
                .addProcessModel(Bpmn.createExecutableProcess("close-drain").startEvent()
                        .serviceTask("step", task -> task.zeebeJobType("test.close-drain")).endEvent().done(), "close-drain.bpmn")
                .send().join();
        CountDownLatch inHand = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>("not run");
        runtime.openWorker("test.close-drain", List.of(), Duration.ofSeconds(30), (jobs, job) -> {
            inHand.countDown();
            try {
                Thread.sleep(500); // a step that takes a while: the close comes meanwhile
                jobs.newCompleteCommand(job).send().join();
                outcome.set("completed");
            } catch (InterruptedException e) {
                outcome.set("interrupted");
            }
        });
        runtime.client().newCreateInstanceCommand().bpmnProcessId("close-drain").latestVersion().send().join();
        assertThat(inHand.await(10, TimeUnit.SECONDS)).isTrue();

        runtime.close();

        assertThat(outcome.get()).isEqualTo("completed");
    }

    @Test
    void portInUseNamesTheKeyAndThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> WorkflowRuntime.start(EmbeddedWorkflowTest.embeddedConfig(port)))
                    .isInstanceOf(StartupException.class)
                    .hasMessage("workflow.embedded.gatewayPort: cannot listen on 127.0.0.1:" + port + ": Address already in use");
        }
    }
}
