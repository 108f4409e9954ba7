package io.ballast.plugins.alerts;

/**
 * The receiving end of an alert could not be reached or refused it. Unlike an
 * {@link IllegalArgumentException} (parameters that cannot work), the platform counts it as a
 * failure of the channel. The message names the channel and the receiver, never a secret.
 */
public class AlertDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlertDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }

    public AlertDeliveryException(String message) {
        super(message);
    }
}
