package io.ballast.api.risk;

/** What a risk rule tells the platform to do. */
public enum RiskAction {
    /** Nothing to do. */
    ALLOW,
    /** Reduce the subject by the decision's fraction. */
    REDUCE,
    /** Close the position. */
    EXIT,
    /** Stop all trading on the portfolio. */
    HALT_TRADING,
    /** Refuse the proposed trade. */
    BLOCK_TRADE,
    /** A person must approve before it goes ahead. */
    NEEDS_APPROVAL
}
