package io.ballast.platform.rebalance;

/** Why a trade towards the targets is not in the proposal. */
public enum SkipReason {
    /** The difference to the target is less than one lot. */
    LESS_THAN_ONE_LOT,
    /** The rounded trade's notional is below the minimum trade notional (possibly after buys were scaled to the cash). */
    BELOW_MINIMUM_NOTIONAL,
    /** A buy scaled down to the cash available came to less than one lot. */
    INSUFFICIENT_CASH
}
