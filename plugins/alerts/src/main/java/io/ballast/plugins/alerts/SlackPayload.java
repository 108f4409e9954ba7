package io.ballast.plugins.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ballast.api.alert.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON body of a Slack incoming webhook, which Mattermost, Rocket.Chat and Discord's
 * {@code /slack} endpoint take too:
 * <pre>{@code
 * {"text":"[CRITICAL] Hard stop-loss: exit NVLX",
 *  "attachments":[{"color":"#a30200","text":"<message>","footer":"<source>","ts":1709303400}]}
 * }</pre>
 * {@code text} is the headline (what a notification shows); the one attachment carries the message,
 * a colour by severity (Slack's own blue, amber and red), the source and the alert's time in epoch
 * seconds. Attachments rather than blocks, because every Slack-compatible receiver reads them.
 * As Slack asks, {@code &}, {@code <} and {@code >} in the texts are escaped as HTML entities, so an
 * alert's text cannot become a mention or a link.
 */
final class SlackPayload {

    private static final JsonFactory JSON = new JsonFactory();

    private SlackPayload() {
    }

    /** The body, UTF-8. */
    static byte[] of(Alert alert) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(body)) {
            json.writeStartObject();
            json.writeStringField("text", escaped(new AlertSummary(alert).headline()));
            json.writeArrayFieldStart("attachments");
            json.writeStartObject();
            json.writeStringField("color", color(alert));
            json.writeStringField("text", escaped(alert.message()));
            json.writeStringField("footer", escaped(alert.source()));
            json.writeNumberField("ts", alert.time().getEpochSecond());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the webhook body into memory", e);
        }
        return body.toByteArray();
    }

    private static String color(Alert alert) {
        return switch (alert.severity()) {
            case INFO -> "#439fe0";
            case WARNING -> "#daa038";
            case CRITICAL -> "#a30200";
        };
    }

    /** Slack's control characters as entities (its message formatting rules). */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
