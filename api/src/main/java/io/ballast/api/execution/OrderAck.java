package io.ballast.api.execution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A venue's answer to {@link ExecutionVenue#submit}: the order was accepted (and may fill later)
 * or rejected (and never will).
 *
 * @param clientOrderId   the platform's id of the order
 * @param venueOrderId    the venue's id of an accepted order, to ask for its {@link ExecutionVenue#fills fills};
 *                        empty when rejected
 * @param accepted        whether the venue took the order
 * @param rejectionReason why it was rejected, for a person; empty when accepted
 * @param time            when the venue answered
 */
public record OrderAck(String clientOrderId, Optional<String> venueOrderId, boolean accepted, Optional<String> rejectionReason,
        Instant time) {

    public OrderAck {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(venueOrderId, "venueOrderId");
        Objects.requireNonNull(rejectionReason, "rejectionReason");
        Objects.requireNonNull(time, "time");
        if (accepted && (venueOrderId.isEmpty() || rejectionReason.isPresent())) {
            throw new IllegalArgumentException("order " + clientOrderId + ": an accepted order has a venueOrderId and no rejectionReason");
        }
        if (!accepted && (rejectionReason.isEmpty() || venueOrderId.isPresent())) {
            throw new IllegalArgumentException("order " + clientOrderId + ": a rejected order has a rejectionReason and no venueOrderId");
        }
    }

    public static OrderAck accepted(String clientOrderId, String venueOrderId, Instant time) {
        return new OrderAck(clientOrderId, Optional.of(venueOrderId), true, Optional.empty(), time);
    }

    public static OrderAck rejected(String clientOrderId, String reason, Instant time) {
        return new OrderAck(clientOrderId, Optional.empty(), false, Optional.of(reason), time);
    }
}
