package io.ballast.platform.store;

import io.ballast.platform.rebalance.ExecutionPrices;
import io.ballast.platform.rebalance.RebalanceProposal;
import io.ballast.platform.rebalance.RebalanceRequest;
import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.rebalance.trigger.TriggerFiring;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored rebalance with its status history, oldest change first.
 *
 * @param statusSince     when the current status began: a pending approval has waited since then
 * @param executionPrices the prices its orders carry, fixed when its execution first started; empty until then
 * @param history         every status change; the last one's {@code to} is {@link #status}
 * @see NewRebalance for the other fields
 */
public record StoredRebalance(
        String id,
        String portfolioId,
        RebalanceStatus status,
        String proposedBy,
        Instant proposedAt,
        Optional<String> idempotencyKey,
        RebalanceRequest request,
        RebalanceProposal proposal,
        Optional<TriggerFiring> trigger,
        Duration approvalWindow,
        Duration escalationWindow,
        Instant statusSince,
        Optional<ExecutionPrices> executionPrices,
        List<RebalanceHistoryEntry> history) {

    public StoredRebalance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(proposedBy, "proposedBy");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(approvalWindow, "approvalWindow");
        Objects.requireNonNull(escalationWindow, "escalationWindow");
        Objects.requireNonNull(statusSince, "statusSince");
        Objects.requireNonNull(executionPrices, "executionPrices");
        history = List.copyOf(history);
    }

    /**
     * How much of the current status's window is left at {@code now}: the approval window in
     * PENDING_APPROVAL, the escalation window in ESCALATED, less the time waited since
     * {@link #statusSince}; zero when it is over. What a restart sets the re-opened timer to.
     *
     * @throws IllegalStateException when it is not awaiting approval
     */
    public Duration windowLeft(Instant now) {
        Duration window = switch (status) {
            case PENDING_APPROVAL -> approvalWindow;
            case ESCALATED -> escalationWindow;
            default -> throw new IllegalStateException("rebalance " + id + " is " + status + ", not awaiting approval");
        };
        Duration left = window.minus(Duration.between(statusSince, now));
        return left.isNegative() ? Duration.ZERO : left;
    }
}
