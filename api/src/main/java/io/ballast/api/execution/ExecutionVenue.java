package io.ballast.api.execution;

import io.ballast.api.plugin.BallastExtension;
import java.util.List;

/**
 * Where orders are executed: a broker, an exchange, or the bundled paper venue. The platform
 * submits an order, then polls its fills until the filled quantity reaches the order's.
 * Implementations must be thread-safe; the platform times each call out.
 */
public interface ExecutionVenue extends BallastExtension {

    /**
     * Sends an order. A venue that refuses it answers {@link OrderAck#rejected}; it throws only
     * when it could not be reached or the order is malformed for it.
     *
     * @throws IllegalArgumentException when the order cannot be traded here (unknown asset, a
     *         parameter out of range); the message names the problem
     */
    OrderAck submit(Order order);

    /**
     * Every fill of an accepted order so far, oldest first (polled: each call returns them all;
     * the platform books each {@link Fill#fillId()} once).
     *
     * @throws IllegalArgumentException when the venue does not know {@code venueOrderId}
     */
    List<Fill> fills(String venueOrderId);

    /**
     * Asks the venue to cancel what is not filled yet.
     *
     * @return true when the rest of the order is cancelled; false when it cannot be (already
     *         filled, or the venue cannot cancel: the default)
     */
    default boolean cancel(String venueOrderId) {
        return false;
    }
}
