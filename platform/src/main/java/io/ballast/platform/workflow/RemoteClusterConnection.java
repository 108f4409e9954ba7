package io.ballast.platform.workflow;

import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig.OAuth;
import io.ballast.platform.config.BallastConfig.RemoteCluster;
import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientBuilder;
import io.camunda.client.CredentialsProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the client of a Camunda 8 cluster from {@code workflow.remote}, after checking every key
 * it needs. Building does not connect: the first command (the deployment at start) does.
 */
final class RemoteClusterConnection {

    private RemoteClusterConnection() {
    }

    /** @param jobThreads the job workers' threads, which stay the caller's to shut down */
    static CamundaClient open(RemoteCluster remote, ScheduledExecutorService jobThreads) {
        URI grpcAddress = requireHttpUri(remote.grpcAddress(), "workflow.remote.grpcAddress");
        URI restAddress = requireHttpUri(remote.restAddress(), "workflow.remote.restAddress");
        CamundaClientBuilder builder = CamundaClient.newClientBuilder()
                // the config file and BALLAST_* variables are the one source of settings, not CAMUNDA_* variables
                .applyEnvironmentVariableOverrides(false)
                .grpcAddress(grpcAddress)
                .restAddress(restAddress)
                .jobWorkerExecutor(jobThreads, false);
        OAuth oauth = remote.oauth();
        if (oauth.isConfigured()) {
            builder.credentialsProvider(credentials(oauth));
        } else if (!oauth.clientSecret().isEmpty()) {
            throw new StartupException("workflow.remote.oauth.clientId: must be set when workflow.remote.oauth.clientSecret is");
        }
        return builder.build();
    }

    private static CredentialsProvider credentials(OAuth oauth) {
        if (oauth.clientSecret().isEmpty()) {
            throw new StartupException("workflow.remote.oauth.clientSecret: must be set when workflow.remote.oauth.clientId is");
        }
        // no default token URL: the secret goes only where the operator said
        if (oauth.tokenUrl().isBlank()) {
            throw new StartupException("workflow.remote.oauth.tokenUrl: must be set when workflow.remote.oauth.clientId is,"
                    + " e.g. https://login.cloud.camunda.io/oauth/token");
        }
        URI tokenUrl = requireHttpUri(oauth.tokenUrl(), "workflow.remote.oauth.tokenUrl");
        var credentials = CredentialsProvider.newCredentialsProviderBuilder()
                .applyEnvironmentOverrides(false)
                .clientId(oauth.clientId())
                .clientSecret(oauth.clientSecret())
                .audience(oauth.audience())
                .authorizationServerUrl(tokenUrl.toString());
        if (!oauth.scope().isEmpty()) {
            credentials.scope(oauth.scope());
        }
        try {
            return credentials.build();
        } catch (RuntimeException e) {
            throw new StartupException("workflow.remote.oauth: " + e.getMessage(), e);
        }
    }

    private static URI requireHttpUri(String value, String key) {
        if (value.isBlank()) {
            throw new StartupException(key + ": must be set in remote mode, e.g. https://host:443");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new StartupException(key + ": not a URI: " + e.getMessage());
        }
        String scheme = uri.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new StartupException(key + ": must be an http:// or https:// address with a host, got " + value);
        }
        return uri;
    }
}
