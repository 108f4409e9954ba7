package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.app.StartupException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
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
