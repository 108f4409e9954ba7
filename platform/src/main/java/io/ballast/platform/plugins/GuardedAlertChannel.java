package io.ballast.platform.plugins;

import io.ballast.api.alert.Alert;
import io.ballast.api.alert.AlertChannel;
import java.util.Map;

/** A plugin's {@link AlertChannel}, called through the guard. */
final class GuardedAlertChannel extends GuardedExtension implements AlertChannel {

    private final AlertChannel plugin;

    GuardedAlertChannel(AlertChannel plugin, ExtensionCalls calls) {
        super(calls);
        this.plugin = plugin;
    }

    @Override
    public void deliver(Alert alert, Map<String, Object> parameters) {
        calls.run("deliver", () -> plugin.deliver(alert, parameters), next -> ((AlertChannel) next).deliver(alert, parameters));
    }
}
