package io.ballast.platform.alerts;

import java.util.Map;
import java.util.Objects;

/**
 * One configured way out for alerts: an alert-channel extension and the parameters it is called with.
 *
 * @param channel    the alert channel's extension id, e.g. {@code log}
 * @param parameters the channel's parameters (a webhook URL, recipients); empty for none
 */
public record AlertRoute(String channel, Map<String, Object> parameters) {

    public AlertRoute {
        Objects.requireNonNull(channel, "channel");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }
}
