package io.ballast.plugins.alerts;

import io.ballast.api.alert.Alert;
import java.util.Objects;
import java.util.regex.Pattern;

/** The wording every channel shares: a headline with the severity, and text kept to one line. */
record AlertSummary(Alert alert) {

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    AlertSummary {
        Objects.requireNonNull(alert, "alert");
    }

    /** E.g. {@code [CRITICAL] Hard stop-loss: exit NVLX}: an e-mail subject, a chat message's first line. */
    String headline() {
        return "[" + alert.severity() + "] " + oneLine(alert.title());
    }

    /** The text with each line break turned into {@code " | "}, so that one alert is one log line and no text can forge another. */
    static String oneLine(String text) {
        return LINE_BREAK.matcher(text).replaceAll(" | ");
    }
}
