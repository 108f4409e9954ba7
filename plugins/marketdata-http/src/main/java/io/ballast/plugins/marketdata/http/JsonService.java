package io.ballast.plugins.marketdata.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GETs JSON from the service for one call of the source, with the JDK's HTTP client, and says
 * clearly what went wrong, naming the URL (never the token): an answer 4xx is an
 * {@link IllegalArgumentException} (the request or the parameters do not fit the service); no
 * answer in time, no connection, another status or a body that is not JSON is an
 * {@link UncheckedIOException} (the service failed). The whole exchange, body included, must end
 * within the timeout. Redirects are not followed, so that a token never goes to another address:
 * a 3xx names where it points, for baseUrl. Closing it drops the client and anything still under way.
 */
final class JsonService implements AutoCloseable {

    /** Numbers kept as the exact decimals the server wrote (0.10 stays 0.10); trailing tokens after the JSON refused. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final int BODY_EXCERPT_CHARACTERS = 200;

    private final HttpClient client;
    private final Duration timeout;
    private final Optional<String> bearerToken;

    /**
     * @param timeout     the longest a request may take, connecting and reading the body included
     * @param bearerToken sent as {@code Authorization: Bearer ...} when present
     */
    JsonService(Duration timeout, Optional<String> bearerToken) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = timeout;
        this.bearerToken = bearerToken;
    }

    /**
     * A 2xx answer's JSON body, with what was asked and answered, to start messages about the body with.
     *
     * @param call e.g. {@code GET http://host/bars/AAPL?from=2024-01-02&to=2024-01-04: HTTP 200}
     * @param body the parsed body
     */
    record Answer(String call, JsonNode body) {
    }

    /** The answer to {@code GET uri}, when it is 2xx and JSON. */
    Answer get(URI uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout).header("Accept", "application/json");
        bearerToken.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<String> response = exchange(uri, request.build());
        int status = response.statusCode();
        String call = "GET " + uri + ": HTTP " + status;
        if (status >= 400 && status < 500) {
            throw new IllegalArgumentException(call + hint(status) + ": " + excerpt(response.body()));
        }
        if (status >= 300 && status < 400) {
            throw failed(call + " to " + response.headers().firstValue("Location").orElse("nowhere")
                    + ": redirects are not followed (a token must not go elsewhere); give the final URL in baseUrl", null);
        }
        if (status < 200 || status >= 300) {
            throw failed(call + ": " + excerpt(response.body()), null);
        }
        try {
            return new Answer(call, JSON.readTree(response.body()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new UncheckedIOException(call + ", but the body is not JSON: " + e.getOriginalMessage() + where, e);
        }
    }

    private HttpResponse<String> exchange(URI uri, HttpRequest request) {
        CompletableFuture<HttpResponse<String>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw timedOut(uri, e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw failed("GET " + uri + ": interrupted while waiting for the answer", new InterruptedIOException());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException timeoutException) {
                throw timedOut(uri, timeoutException);
            }
            if (cause instanceof ConnectException) {
                throw failed("GET " + uri + ": cannot connect: " + cause, cause);
            }
            throw failed("GET " + uri + ": " + cause, cause);
        }
    }

    private UncheckedIOException timedOut(URI uri, Exception cause) {
        return failed("GET " + uri + ": no answer within " + timeout.toMillis() + " ms (parameter timeoutMillis)", cause);
    }

    /** A failure of the service: its message is {@code message} itself, the cause kept when there is one. */
    static UncheckedIOException failed(String message, Throwable cause) {
        IOException io = cause instanceof IOException ioCause ? ioCause : new IOException(message, cause);
        return new UncheckedIOException(message, io);
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> " (check the token in the environment variable named by tokenEnvironmentVariable)";
            case 404 -> " (check the asset, baseUrl and the path parameters)";
            default -> "";
        };
    }

    private static String excerpt(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= BODY_EXCERPT_CHARACTERS ? oneLine : oneLine.substring(0, BODY_EXCERPT_CHARACTERS) + "...";
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
