package io.ballast.plugins.alerts;

import io.ballast.api.alert.Alert;
import io.ballast.api.risk.Severity;
import java.time.Instant;

/** The alerts the channel tests deliver. */
final class Alerts {

    /** 2024-03-01T14:30:00Z is 1 709 303 400 s after the epoch (19 783 days × 86 400 s + 14.5 h × 3 600 s). */
    static final Instant TIME = Instant.parse("2024-03-01T14:30:00Z");

    private Alerts() {
    }

    static Alert stopLoss() {
        return new Alert(Severity.CRITICAL, "Hard stop-loss: exit NVLX", "NVLX closed at 91.00,\n9.0% below its entry price 100.00",
                TIME, "rule:hard stop-loss");
    }

    static Alert of(Severity severity, String title, String message) {
        return new Alert(severity, title, message, TIME, "workflow:rebalance-approval");
    }
}
