package io.ballast.platform.store;

import java.util.Objects;

/**
 * What {@link RebalanceRepository#insert} did.
 *
 * @param rebalance the stored rebalance: the new one, or the one its idempotency key already named
 * @param created   false when the key named an existing rebalance and nothing was stored
 */
public record InsertedRebalance(StoredRebalance rebalance, boolean created) {

    public InsertedRebalance {
        Objects.requireNonNull(rebalance, "rebalance");
    }
}
