/**
 * Rebalance triggers: whether a portfolio should be rebalanced now, and why. One class per kind
 * (calendar, drift, volatility spike, drawdown, correlation spike, manual); each answers with a
 * {@link io.ballast.platform.rebalance.trigger.TriggerFiring} that records the numbers and the
 * threshold, or nothing when it did not fire. {@link io.ballast.platform.rebalance.trigger.Triggers}
 * evaluates the ones configured for a portfolio. Pure computation: no store, no clock (the time is
 * an input).
 */
package io.ballast.platform.rebalance.trigger;
