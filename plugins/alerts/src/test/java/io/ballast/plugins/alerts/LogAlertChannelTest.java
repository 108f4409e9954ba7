package io.ballast.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ballast.api.risk.Severity;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The channel's lines as the platform's logging (Logback) receives them. */
class LogAlertChannelTest {

    private final LogAlertChannel channel = new LogAlertChannel();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Logger logger;

    @AfterEach
    void detach() {
        if (logger != null) {
            logger.detachAppender(lines);
            logger.setAdditive(true);
        }
    }

    @Test
    void aCriticalAlertIsOneErrorLineWithItsLineBreaksShown() {
        capture("ballast.alerts");

        channel.deliver(Alerts.stopLoss(), Map.of());

        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.ERROR);
            assertThat(line.getFormattedMessage()).isEqualTo("[CRITICAL] Hard stop-loss: exit NVLX - NVLX closed at 91.00, | 9.0% below"
                    + " its entry price 100.00 (source rule:hard stop-loss, 2024-03-01T14:30:00Z)");
        });
    }

    @Test
    void theLevelFollowsTheSeverity() {
        capture("ballast.alerts");

        channel.deliver(Alerts.of(Severity.INFO, "Rebalance approved", "by ada"), Map.of());
        channel.deliver(Alerts.of(Severity.WARNING, "Approval escalated", "nobody approved within PT4H"), Map.of());

        assertThat(lines.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.INFO, Level.WARN);
        assertThat(lines.list.get(1).getFormattedMessage())
                .isEqualTo("[WARNING] Approval escalated - nobody approved within PT4H (source workflow:rebalance-approval, 2024-03-01T14:30:00Z)");
    }

    @Test
    void aTitleOrMessageCannotForgeASecondLine() {
        capture("ballast.alerts");

        channel.deliver(Alerts.of(Severity.INFO, "two\r\nlines", "a\rb\nc"), Map.of());

        assertThat(lines.list.getFirst().getFormattedMessage())
                .isEqualTo("[INFO] two | lines - a | b | c (source workflow:rebalance-approval, 2024-03-01T14:30:00Z)")
                .doesNotContain("\n", "\r");
    }

    @Test
    void theLoggerIsAParameter() {
        capture("desk.risk.alerts");

        channel.deliver(Alerts.stopLoss(), Map.of("logger", "desk.risk.alerts"));

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getLoggerName).isEqualTo("desk.risk.alerts");
    }

    @Test
    void anUnknownParameterIsNamed() {
        assertThatThrownBy(() -> channel.deliver(Alerts.stopLoss(), Map.of("level", "debug")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter level: is not a parameter of log; it takes [logger]");
    }

    private void capture(String name) {
        logger = (Logger) LoggerFactory.getLogger(name);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        lines.start();
        logger.addAppender(lines);
    }
}
