/**
 * Rebalance proposals: from holdings at their last prices and target weights to a trade list with
 * estimated costs, the expected benefit (the reduction of ex-ante tracking error against the
 * targets) and a verdict ({@link io.ballast.platform.rebalance.RebalanceProposer}); the approval workflow's risk
 * check and automatic decision on those trades ({@link io.ballast.platform.rebalance.RebalanceRiskCheck}, with the
 * facts and the rules passed in as ports); and their execution, sliced, on an execution venue
 * ({@link io.ballast.platform.rebalance.RebalanceExecution}). No store, no REST, no workflow engine here: the
 * caller stores what these return.
 *
 * <p>Quantities, prices, notionals and costs are {@link java.math.BigDecimal} amounts in the
 * portfolio's base currency (notionals and costs rounded half-even to its minor unit); weights,
 * volatilities and tracking errors are {@code double} fractions. Bad input raises
 * {@link io.ballast.platform.problem.InvalidInputException} naming the field.
 */
package io.ballast.platform.rebalance;
