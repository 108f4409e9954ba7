package io.ballast.platform.store;

import io.ballast.platform.rebalance.RebalanceStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A portfolio's most recently proposed rebalance, as far as the trigger cool-down needs it.
 *
 * @param id          the rebalance's id
 * @param status      its status now
 * @param statusSince when that status began: for a terminal status, when the rebalance ended
 */
public record LatestRebalance(String id, RebalanceStatus status, Instant statusSince) {

    public LatestRebalance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
    }
}
