package io.ballast.platform.rebalance;

/** How a rebalance's execution ended. */
public enum ExecutionStatus {
    /** Every slice is filled: by this run, or by an earlier one. */
    COMPLETED,
    /** A slice was rejected or could not be executed; the slices before it are filled, the rest were not executed. */
    FAILED
}
