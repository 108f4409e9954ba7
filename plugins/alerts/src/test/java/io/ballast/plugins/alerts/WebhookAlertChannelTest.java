package io.ballast.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ballast.api.risk.Severity;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deliveries to a real HTTP server (the JDK's) on a free loopback port. */
class WebhookAlertChannelTest {

    private static final String PATH = "/services/T0001/B0002/secret-token";
    private static final SecretEnvironment NO_VARIABLES = new SecretEnvironment(name -> null);

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;
    private volatile int status = 200;
    private volatile String answer = "ok";
    private volatile boolean hang;

    record Received(String method, String path, String contentType, String body) {
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void theAlertIsPostedAsASlackMessageWithTheHeadlineAndAnAttachment() {
        WebhookAlertChannel channel = new WebhookAlertChannel(NO_VARIABLES);

        channel.deliver(Alerts.stopLoss(), Map.of("url", url()));

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo(PATH);
            assertThat(request.contentType()).isEqualTo("application/json; charset=utf-8");
            // red #a30200 for CRITICAL; ts = 2024-03-01T14:30:00Z in epoch seconds; the line break escaped by JSON
            assertThat(request.body()).isEqualTo("{\"text\":\"[CRITICAL] Hard stop-loss: exit NVLX\",\"attachments\":[{\"color\":\"#a30200\","
                    + "\"text\":\"NVLX closed at 91.00,\\n9.0% below its entry price 100.00\",\"footer\":\"rule:hard stop-loss\","
                    + "\"ts\":1709303400}]}");
        });
    }

    @Test
    void slacksControlCharactersAndJsonsAreEscaped() {
        new WebhookAlertChannel(NO_VARIABLES).deliver(Alerts.of(Severity.WARNING, "Cap <25%> & rising", "weight \"31%\" > cap <!here>"),
                Map.of("url", url()));

        assertThat(received.getFirst().body()).isEqualTo("{\"text\":\"[WARNING] Cap &lt;25%&gt; &amp; rising\",\"attachments\":[{"
                + "\"color\":\"#daa038\",\"text\":\"weight \\\"31%\\\" &gt; cap &lt;!here&gt;\",\"footer\":\"workflow:rebalance-approval\","
                + "\"ts\":1709303400}]}");
    }

    @Test
    void theAddressMayComeFromAnEnvironmentVariable() {
        Map<String, String> environment = Map.of("BALLAST_PLUGIN_SECRET_WEBHOOK_URL", url());

        new WebhookAlertChannel(new SecretEnvironment(environment::get)).deliver(Alerts.of(Severity.INFO, "Approved", "by ada"),
                Map.of("urlVariable", "BALLAST_PLUGIN_SECRET_WEBHOOK_URL"));

        assertThat(received).singleElement().extracting(Received::path).isEqualTo(PATH);
        assertThat(received.getFirst().body()).contains("\"color\":\"#439fe0\"");
    }

    @Test
    void aNon2xxAnswerThrowsNamingTheStatusAndTheHostButNotThePath() {
        status = 500;
        answer = "invalid_payload";

        assertThatThrownBy(() -> new WebhookAlertChannel(NO_VARIABLES).deliver(Alerts.stopLoss(), Map.of("url", url())))
                .isInstanceOf(AlertDeliveryException.class)
                .hasMessage("webhook http://127.0.0.1:" + port() + " answered HTTP 500: invalid_payload");
        status = 404;
        answer = "";
        assertThatThrownBy(() -> new WebhookAlertChannel(NO_VARIABLES).deliver(Alerts.stopLoss(), Map.of("url", url())))
                .hasMessage("webhook http://127.0.0.1:" + port() + " answered HTTP 404");
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeFailsTheDelivery() {
        hang = true;

        assertThatThrownBy(() -> new WebhookAlertChannel(NO_VARIABLES).deliver(Alerts.stopLoss(), Map.of("url", url(), "timeoutSeconds", 1)))
                .isInstanceOf(AlertDeliveryException.class)
                .hasMessage("webhook http://127.0.0.1:" + port() + ": no answer within 1 s");
    }

    @Test
    void aReceiverThatIsNotThereFailsTheDelivery() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> new WebhookAlertChannel(NO_VARIABLES).deliver(Alerts.stopLoss(),
                Map.of("url", "http://127.0.0.1:" + closedPort + PATH)))
                .isInstanceOf(AlertDeliveryException.class)
                .hasMessageStartingWith("webhook http://127.0.0.1:" + closedPort + " could not be reached: ConnectException");
    }

    @Test
    void parametersThatCannotWorkAreNamedAndNothingIsSent() {
        WebhookAlertChannel channel = new WebhookAlertChannel(new SecretEnvironment(
                Map.of("BALLAST_PLUGIN_SECRET_EMPTY", " ", "BALLAST_PLUGIN_SECRET_NOT_A_URL", "hooks.example.com/x",
                        "HOME", "http://127.0.0.1:" + port() + PATH)::get));

        assertRefused(channel, Map.of(), "parameter url: give either url (the address) or urlVariable (an environment variable holding it),"
                + " none is given");
        assertRefused(channel, Map.of("url", url(), "urlVariable", "X"), "parameter url: give either url (the address) or urlVariable"
                + " (an environment variable holding it), not both");
        assertRefused(channel, Map.of("url", "ftp://example.com/x"), "parameter url: 'ftp://example.com/x' is not an http or https address");
        assertRefused(channel, Map.of("url", "http://exa mple.com"), "parameter url: 'http://exa mple.com' is not an http or https address");
        assertRefused(channel, Map.of("urlVariable", "BALLAST_PLUGIN_SECRET_MISSING"),
                "parameter urlVariable: the environment variable BALLAST_PLUGIN_SECRET_MISSING is not set");
        assertRefused(channel, Map.of("urlVariable", "BALLAST_PLUGIN_SECRET_EMPTY"),
                "parameter urlVariable: the environment variable BALLAST_PLUGIN_SECRET_EMPTY is not set");
        assertRefused(channel, Map.of("urlVariable", "BALLAST_PLUGIN_SECRET_NOT_A_URL"),
                "parameter urlVariable: the environment variable BALLAST_PLUGIN_SECRET_NOT_A_URL does not hold an http or https address");
        // a variable outside the operator's secrets is not read, even when it holds a working address
        assertRefused(channel, Map.of("urlVariable", "HOME"), "parameter urlVariable: must name an environment variable whose name starts"
                + " with BALLAST_PLUGIN_SECRET_ (plugins read secrets from no other), got 'HOME'");
        assertRefused(channel, Map.of("url", url(), "timeoutSeconds", 0), "parameter timeoutSeconds: must be at least 1, got 0");
        // the connection and the answer each wait timeoutSeconds: 2 x 4 s stays below the platform's 10 s call timeout
        assertRefused(channel, Map.of("url", url(), "timeoutSeconds", 5), "parameter timeoutSeconds: must be at most 4, got 5");
        assertRefused(channel, Map.of("url", url(), "timeoutSeconds", 2.5), "parameter timeoutSeconds: must be a whole number, got 2.5");
        assertRefused(channel, Map.of("url", url(), "timeoutSeconds", "soon"),
                "parameter timeoutSeconds: must be a finite number, got 'soon'");
        assertRefused(channel, Map.of("url", 42), "parameter url: must be text, got 42");
        assertRefused(channel, Map.of("url", url(), "channel", "#risk"), "parameter channel: is not a parameter of webhook;"
                + " it takes [url, urlVariable, timeoutSeconds]");
        assertThat(received).isEmpty();
    }

    private void assertRefused(WebhookAlertChannel channel, Map<String, Object> parameters, String message) {
        assertThatThrownBy(() -> channel.deliver(Alerts.stopLoss(), parameters)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            if (hang) {
                release.await(30, TimeUnit.SECONDS);
            }
            byte[] reply = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length == 0 ? -1 : reply.length);
            exchange.getResponseBody().write(reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int port() {
        return server.getAddress().getPort();
    }

    private String url() {
        return "http://127.0.0.1:" + port() + PATH;
    }
}
