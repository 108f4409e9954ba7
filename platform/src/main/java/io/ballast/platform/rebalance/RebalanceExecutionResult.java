package io.ballast.platform.rebalance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one run of a rebalance's execution did.
 *
 * @param rebalanceId       the rebalance
 * @param venueId           the venue it traded on
 * @param status            see {@link ExecutionStatus}
 * @param executed          the slices this run sent and the venue took, in the order they were sent, each with its
 *                          fills: all complete, except for a failure waiting for fills, whose slice is last and partly filled
 * @param alreadyFilled     the keys of slices skipped because an earlier run filled them, in execution order
 * @param notExecuted       the slices this run did not execute because it stopped, in execution order: the failed
 *                          slice first (unless the venue filled part of it: then it is in {@code executed}) and every
 *                          one after it; empty when completed
 * @param failure           for a failure: what failed, what was filled so far and what was not executed; empty when completed
 */
public record RebalanceExecutionResult(
        String rebalanceId,
        String venueId,
        ExecutionStatus status,
        List<ExecutedSlice> executed,
        List<String> alreadyFilled,
        List<ExecutionSlice> notExecuted,
        Optional<String> failure) {

    public RebalanceExecutionResult {
        Objects.requireNonNull(rebalanceId, "rebalanceId");
        Objects.requireNonNull(venueId, "venueId");
        Objects.requireNonNull(status, "status");
        executed = List.copyOf(executed);
        alreadyFilled = List.copyOf(alreadyFilled);
        notExecuted = List.copyOf(notExecuted);
        Objects.requireNonNull(failure, "failure");
        if ((status == ExecutionStatus.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("rebalance " + rebalanceId + ": a failure message goes exactly with status FAILED");
        }
    }
}
