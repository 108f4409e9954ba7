package io.ballast.platform.store;

import io.ballast.platform.rebalance.RebalanceStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One status change of a rebalance.
 *
 * @param at     when it changed
 * @param actor  the user, or {@code system} / {@code workflow} for the platform
 * @param from   the status before; empty for the first entry (the rebalance was proposed)
 * @param to     the status after
 * @param reason why, in words (a reviewer's comment, the risk verdict, the failure)
 */
public record RebalanceHistoryEntry(Instant at, String actor, Optional<RebalanceStatus> from, RebalanceStatus to, String reason) {

    public RebalanceHistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
    }
}
