package io.ballast.platform.store;

import io.ballast.platform.rebalance.RebalanceStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A portfolio's most recently proposed rebalance, as far as its triggers need it: the calendar and the cool-down.
 *
 * @param id          the rebalance's id
 * @param proposedAt  when it was proposed
 * @param status      its status now
 * @param statusSince when that status began: for a terminal status, when the rebalance ended
 */
public record LatestRebalance(String id, Instant proposedAt, RebalanceStatus status, Instant statusSince) {

    public LatestRebalance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(proposedAt, "proposedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
    }
}
