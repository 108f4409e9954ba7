package io.ballast.plugins.alerts;

import io.ballast.api.alert.Alert;
import io.ballast.api.alert.AlertChannel;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes each alert as one line into the platform's log (SLF4J), at a level from its severity:
 * INFO for {@code INFO}, WARN for {@code WARNING}, ERROR for {@code CRITICAL}. The line reads
 * {@code [CRITICAL] <title> - <message> (source <source>, <time>)}, line breaks of the title and
 * message shown as {@code " | "}.
 */
@Extension
public class LogAlertChannel implements AlertChannel {

    static final String LOGGER = "logger";

    private static final List<ParameterSpec> SPECS = List.of(new ParameterSpec(LOGGER, ParameterType.STRING,
            "the name of the logger the alerts are written to, so the log configuration can route them",
            Optional.of("ballast.alerts"), Optional.empty(), Optional.empty()));

    @Override
    public String id() {
        return "log";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Writes each alert as one line into the platform's log: INFO, WARN or ERROR by its severity.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SPECS;
    }

    @Override
    public void deliver(Alert alert, Map<String, Object> parameters) {
        String logger = ParameterValues.read(this, parameters).text(LOGGER);
        AlertSummary summary = new AlertSummary(alert);
        LoggerFactory.getLogger(logger).atLevel(level(alert)).log("{} - {} (source {}, {})",
                summary.headline(), AlertSummary.oneLine(alert.message()), AlertSummary.oneLine(alert.source()), alert.time());
    }

    private static Level level(Alert alert) {
        return switch (alert.severity()) {
            case INFO -> Level.INFO;
            case WARNING -> Level.WARN;
            case CRITICAL -> Level.ERROR;
        };
    }
}
