package io.ballast.platform.store;

import io.ballast.platform.rebalance.RebalanceProposal;
import io.ballast.platform.rebalance.RebalanceRequest;
import io.ballast.platform.rebalance.trigger.TriggerFiring;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A rebalance to store as PROPOSED.
 *
 * @param id               a UUID, chosen by the caller
 * @param portfolioId      the stored portfolio it trades
 * @param proposedBy       the user who asked for it ({@code system} for a trigger the platform evaluated)
 * @param proposedAt       when; also the time its status began; stored to the microsecond
 * @param idempotencyKey   the client's {@code Idempotency-Key}, when it sent one
 * @param request          what it aimed at
 * @param proposal         the trades and their costs
 * @param trigger          the trigger that fired it, when one did
 * @param approvalWindow   how long the portfolio managers have before it escalates
 * @param escalationWindow how long the risk officers have before the automatic decision
 */
public record NewRebalance(
        String id,
        String portfolioId,
        String proposedBy,
        Instant proposedAt,
        Optional<String> idempotencyKey,
        RebalanceRequest request,
        RebalanceProposal proposal,
        Optional<TriggerFiring> trigger,
        Duration approvalWindow,
        Duration escalationWindow) {

    public NewRebalance {
        UUID.fromString(Objects.requireNonNull(id, "id"));
        UUID.fromString(Objects.requireNonNull(portfolioId, "portfolioId"));
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(trigger, "trigger");
        requirePositive(approvalWindow, "approvalWindow");
        requirePositive(escalationWindow, "escalationWindow");
    }

    private static void requirePositive(Duration window, String field) {
        if (Objects.requireNonNull(window, field).isNegative() || window.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + window);
        }
    }
}
