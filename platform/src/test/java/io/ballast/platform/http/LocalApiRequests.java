package io.ballast.platform.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/** The requests the API tests send to an {@link HttpApi} listening on 127.0.0.1: a bearer token when given, JSON bodies. */
final class LocalApiRequests {

    private LocalApiRequests() {
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static HttpRequest get(int port, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).GET().timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** A POST of {@code json} (no body when null), with an {@code Idempotency-Key} header when the key is given. */
    static HttpRequest post(int port, String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(10))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }
}
