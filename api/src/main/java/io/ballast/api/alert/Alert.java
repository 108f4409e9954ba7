package io.ballast.api.alert;

import io.ballast.api.risk.Severity;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a person should know, as every alert channel receives it.
 *
 * @param severity how urgent it is
 * @param title    one line, e.g. {@code Hard stop-loss: exit NVLX}
 * @param message  the details with their numbers; may span lines
 * @param time     when it happened
 * @param source   what raised it, e.g. {@code rule:hard stop-loss}, {@code plugin:optimizers}, {@code workflow:rebalance-approval}
 */
public record Alert(Severity severity, String title, String message, Instant time, String source) {

    public Alert {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(source, "source");
        if (title.isBlank()) {
            throw new IllegalArgumentException("alert title must not be blank");
        }
        if (source.isBlank()) {
            throw new IllegalArgumentException("alert source must not be blank");
        }
    }
}
