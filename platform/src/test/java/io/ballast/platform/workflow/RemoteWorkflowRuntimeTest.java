package io.ballast.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.config.BallastConfig.OAuth;
import io.ballast.platform.config.BallastConfig.RemoteCluster;
import io.ballast.platform.config.BallastConfig.Workflow;
import io.ballast.platform.health.ComponentHealth;
import io.camunda.client.impl.oauth.OAuthCredentialsProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Remote mode without a cluster: the settings are checked and the client is built; nothing here needs a connection. */
class RemoteWorkflowRuntimeTest {

    private static final OAuth NO_OAUTH = new OAuth("", "", "", "", "");
    private static final OAuth SAAS_OAUTH = new OAuth(
            "ballast-client", "s3cret", "zeebe.camunda.io", "https://login.cloud.camunda.io/oauth/token", "");

    @Test
    void emptyGrpcAddressNamesTheKey() {
        assertThatThrownBy(() -> WorkflowRuntime.start(remote("", "https://bru-2.zeebe.camunda.io/abc", NO_OAUTH)))
                .isInstanceOf(StartupException.class)
                .hasMessage("workflow.remote.grpcAddress: must be set in remote mode, e.g. https://host:443");
    }

    @Test
    void emptyRestAddressNamesTheKey() {
        assertThatThrownBy(() -> WorkflowRuntime.start(remote("https://abc.bru-2.zeebe.camunda.io:443", " ", NO_OAUTH)))
                .isInstanceOf(StartupException.class)
                .hasMessage("workflow.remote.restAddress: must be set in remote mode, e.g. https://host:443");
    }

    @Test
    void addressThatIsNotHttpNamesTheKeyAndTheValue() {
        assertThatThrownBy(() -> WorkflowRuntime.start(remote("zeebe.local:26500", "https://bru-2.zeebe.camunda.io/abc", NO_OAUTH)))
                .isInstanceOf(StartupException.class)
                .hasMessage("workflow.remote.grpcAddress: must be an http:// or https:// address with a host, got zeebe.local:26500");
    }

    @Test
    void clientIdWithoutSecretNamesTheSecret() {
        OAuth oauth = new OAuth("ballast-client", "", "zeebe.camunda.io", "https://login.cloud.camunda.io/oauth/token", "");

        assertThatThrownBy(() -> WorkflowRuntime.start(remote("https://a.example:443", "https://b.example", oauth)))
                .isInstanceOf(StartupException.class)
                .hasMessage("workflow.remote.oauth.clientSecret: must be set when workflow.remote.oauth.clientId is");
    }

    @Test
    void secretWithoutClientIdNamesTheClientId() {
        OAuth oauth = new OAuth("", "s3cret", "", "", "");

        assertThatThrownBy(() -> WorkflowRuntime.start(remote("https://a.example:443", "https://b.example", oauth)))
                .isInstanceOf(StartupException.class)
                .hasMessage("workflow.remote.oauth.clientId: must be set when workflow.remote.oauth.clientSecret is");
    }

    @Test
    void credentialsWithoutTokenUrlNameTheTokenUrl() {
        OAuth oauth = new OAuth("ballast-client", "s3cret", "zeebe.camunda.io", "", "");

        assertThatThrownBy(() -> WorkflowRuntime.start(remote("https://a.example:443", "https://b.example", oauth)))
                .isInstanceOf(StartupException.class)
                .hasMessage("workflow.remote.oauth.tokenUrl: must be set when workflow.remote.oauth.clientId is,"
                        + " e.g. https://login.cloud.camunda.io/oauth/token");
    }

    @Test
    void validSettingsGiveAClientOfThatClusterWithOAuthCredentials() {
        try (WorkflowRuntime runtime = WorkflowRuntime.start(remote(
                "https://abc.bru-2.zeebe.camunda.io:443", "https://bru-2.zeebe.camunda.io/abc", SAAS_OAUTH))) {
            assertThat(runtime.mode()).isEqualTo("remote");
            assertThat(runtime.client().getConfiguration().getGrpcAddress()).isEqualTo(URI.create("https://abc.bru-2.zeebe.camunda.io:443"));
            assertThat(runtime.client().getConfiguration().getRestAddress()).isEqualTo(URI.create("https://bru-2.zeebe.camunda.io/abc"));
            assertThat(runtime.client().getConfiguration().getCredentialsProvider()).isInstanceOf(OAuthCredentialsProvider.class);
        }
    }

    @Test
    void unreachableClusterIsDownWithTheErrorAndFailsTheDeploymentNamingTheFolder() throws IOException {
        int closedPort = closedLoopbackPort();
        String address = "http://127.0.0.1:" + closedPort;
        try (WorkflowRuntime runtime = WorkflowRuntime.start(remote(address, address, NO_OAUTH))) {
            long started = System.nanoTime();
            ComponentHealth health = runtime.health();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(health.up()).isFalse();
            assertThat(health.details()).containsEntry("mode", "remote").containsEntry("gatewayAddress", address);
            assertThat((String) health.details().get("error")).startsWith("topology request failed: ");

            assertThatThrownBy(() -> runtime.deploy(Path.of("..", "workflows")))
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("workflow.directory " + Path.of("..", "workflows") + ": deployment failed: ");
        }
    }

    @Test
    void closeTwiceIsHarmless() {
        WorkflowRuntime runtime = WorkflowRuntime.start(remote("https://a.example:443", "https://b.example", NO_OAUTH));
        runtime.close();
        runtime.close();

        assertThatThrownBy(() -> runtime.deploy(Path.of("..", "workflows")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the workflow runtime is closed");
    }

    private static Workflow remote(String grpcAddress, String restAddress, OAuth oauth) {
        Workflow defaults = BallastConfig.defaults().workflow();
        return new Workflow(BallastConfig.WorkflowMode.REMOTE, defaults.directory(), defaults.jobWorkerThreads(), defaults.embedded(),
                new RemoteCluster(grpcAddress, restAddress, oauth));
    }

    /** A port nothing listens on: bound, noted, released. */
    static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
