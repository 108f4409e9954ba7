package io.ballast.api.alert;

import io.ballast.api.plugin.BallastExtension;
import java.util.Map;

/**
 * A way to tell people: the log, a chat webhook, e-mail. Implementations must be thread-safe; the
 * platform times each delivery out and reports a failed one, it does not retry here.
 */
public interface AlertChannel extends BallastExtension {

    /**
     * Delivers one alert; returns once the receiving end has accepted it.
     *
     * @param parameters the channel's parameters for this delivery (a webhook URL, recipients),
     *                   validated against {@link #parameters()}
     * @throws IllegalArgumentException when the parameters do not work (a malformed address); the message names the parameter
     * @throws RuntimeException when the receiving end could not be reached or refused the alert
     */
    void deliver(Alert alert, Map<String, Object> parameters);
}
