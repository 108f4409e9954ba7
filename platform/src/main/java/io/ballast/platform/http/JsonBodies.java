package io.ballast.platform.http;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads request bodies and writes response bodies. Numbers in a request are read as BigDecimal,
 * never through double, so an amount is booked exactly as sent; BigDecimals are written plain
 * (1000, not 1E+3) and instants as ISO-8601 text.
 */
final class JsonBodies {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private JsonBodies() {}

    /** The request body as {@code type}; call only after the body was validated against the contract. */
    static <T> T read(RoutingContext rc, Class<T> type) {
        try {
            return MAPPER.readValue(rc.body().buffer().getBytes(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("a request body that passed validation cannot be read as " + type.getSimpleName(), e);
        }
    }

    static void send(RoutingContext rc, int status, Object body) {
        send(rc, status, JSON, body);
    }

    static void send(RoutingContext rc, int status, String contentType, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a " + body.getClass().getSimpleName() + " as JSON", e);
        }
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .end(Buffer.buffer(bytes));
    }
}
