/**
 * Rebalance proposals: from holdings at their last prices and target weights to a trade list with
 * estimated costs, the expected benefit (the reduction of ex-ante tracking error against the
 * targets) and a verdict. Pure computation: no store, no I/O. The one entry point is
 * {@link io.ballast.platform.rebalance.RebalanceProposer}.
 *
 * <p>Quantities, prices, notionals and costs are {@link java.math.BigDecimal} amounts in the
 * portfolio's base currency (notionals and costs rounded half-even to its minor unit); weights,
 * volatilities and tracking errors are {@code double} fractions. Bad input raises
 * {@link io.ballast.platform.problem.InvalidInputException} naming the field.
 */
package io.ballast.platform.rebalance;
