package io.ballast.platform.rebalance;

/**
 * What the pre-trade rules make of a rebalance's trades, for the approval workflow's first gateway.
 * {@link RebalanceRiskCheck} has the rule that decides between them.
 */
public enum RebalanceRiskOutcome {
    /** A rule refused a trade or halts the portfolio: the rebalance ends, nobody may approve it. */
    BLOCKED,
    /** Every decision allows it and its gross notional is within the auto-approve limit: it executes without a person. */
    AUTO_APPROVABLE,
    /** Neither: a person decides (a rule asks for approval, a rule wants a position reduced, or the notional is over the limit). */
    NEEDS_APPROVAL
}
