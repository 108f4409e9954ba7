package io.ballast.platform.rebalance.trigger;

/** The kinds of rebalance trigger. */
public enum TriggerKind {
    CALENDAR,
    DRIFT,
    VOLATILITY_SPIKE,
    DRAWDOWN,
    CORRELATION_SPIKE,
    MANUAL
}
