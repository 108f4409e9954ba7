package io.ballast.plugins.alerts;

import io.ballast.api.alert.Alert;
import io.ballast.api.alert.AlertChannel;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.plugin.SecretVariables;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Posts each alert to a chat webhook as a Slack-compatible JSON body ({@link SlackPayload}) with the
 * JDK's HTTP client. The address is given as {@code url}, or, for services whose address is itself
 * the secret (a Slack webhook URL is), as {@code urlVariable}: the name of an environment variable
 * that holds it. Any 2xx answer is a delivery; any other answer, no answer within
 * {@code timeoutSeconds}, or no connection throws {@link AlertDeliveryException}, whose message
 * names the status and the receiver by scheme, host and port only (never the path, which may be
 * the secret).
 */
@Extension
public class WebhookAlertChannel implements AlertChannel {

    static final String URL = "url";
    static final String URL_VARIABLE = "urlVariable";
    static final String TIMEOUT_SECONDS = "timeoutSeconds";
    /**
     * The connection and the answer each wait up to {@code timeoutSeconds}, so twice this must stay below
     * the platform's default plugin call timeout (10 s): a slow webhook fails this delivery, not the plugin.
     */
    static final int MAX_TIMEOUT_SECONDS = 4;

    private static final int ANSWER_SHOWN_CHARACTERS = 200;

    private static final List<ParameterSpec> SPECS = List.of(
            new ParameterSpec(URL, ParameterType.STRING,
                    "the webhook's http or https address, e.g. a Mattermost incoming webhook; give this or urlVariable",
                    Optional.of(""), Optional.empty(), Optional.empty()),
            new ParameterSpec(URL_VARIABLE, ParameterType.STRING,
                    "the name of an environment variable holding the webhook's address, for a Slack webhook whose address is"
                            + " the secret; it must start with " + SecretVariables.PREFIX + "; give this or url",
                    Optional.of(""), Optional.empty(), Optional.empty()),
            new ParameterSpec(TIMEOUT_SECONDS, ParameterType.INTEGER, "seconds to wait for the connection, and again for the answer;"
                    + " at most " + MAX_TIMEOUT_SECONDS + ", below the platform's plugin call timeout",
                    Optional.of(4), Optional.of(1.0), Optional.of((double) MAX_TIMEOUT_SECONDS)));

    private final SecretEnvironment environment;

    public WebhookAlertChannel() {
        this(SecretEnvironment.ofProcess());
    }

    /** @param environment where the secrets named by parameters are read */
    WebhookAlertChannel(SecretEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Posts each alert to a chat webhook (Slack, Mattermost, Rocket.Chat) as a Slack-compatible JSON message.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    @Override
    public void deliver(Alert alert, Map<String, Object> parameters) {
        ParameterValues values = ParameterValues.read(this, parameters);
        URI address = address(values);
        Duration timeout = Duration.ofSeconds(values.integer(TIMEOUT_SECONDS));
        String receiver = "webhook " + address.getScheme() + "://" + address.getHost() + (address.getPort() < 0 ? "" : ":" + address.getPort());
        HttpRequest request = HttpRequest.newBuilder(address)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(SlackPayload.of(alert)))
                .build();
        HttpResponse<String> response;
        // a client per delivery: alerts are rare, and nothing (no selector thread) outlives the call or the plugin
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new AlertDeliveryException(receiver + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new AlertDeliveryException(receiver + " could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AlertDeliveryException(receiver + ": interrupted while delivering", e);
        }
        if (response.statusCode() / 100 != 2) {
            String answer = AlertSummary.oneLine(response.body());
            throw new AlertDeliveryException(receiver + " answered HTTP " + response.statusCode()
                    + (answer.isBlank() ? "" : ": " + (answer.length() > ANSWER_SHOWN_CHARACTERS
                            ? answer.substring(0, ANSWER_SHOWN_CHARACTERS) + "..." : answer)));
        }
    }

    private URI address(ParameterValues values) {
        Optional<String> url = values.optionalText(URL);
        Optional<String> variable = values.optionalText(URL_VARIABLE);
        if (url.isPresent() == variable.isPresent()) {
            throw ParameterValues.invalid(URL, "give either url (the address) or urlVariable (an environment variable holding it), "
                    + (url.isPresent() ? "not both" : "none is given"));
        }
        if (url.isPresent()) {
            return httpAddress(url.get()).orElseThrow(() -> ParameterValues.invalid(URL, "'" + url.get() + "' is not an http or https address"));
        }
        String name = variable.get();
        String value = environment.secret(URL_VARIABLE, name);
        // the value is a secret: the message names the variable only
        return httpAddress(value.strip()).orElseThrow(() -> ParameterValues.invalid(URL_VARIABLE,
                "the environment variable " + name + " does not hold an http or https address"));
    }

    private static Optional<URI> httpAddress(String text) {
        try {
            URI uri = new URI(text);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
