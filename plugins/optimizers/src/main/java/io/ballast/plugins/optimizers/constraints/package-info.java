/**
 * {@link io.ballast.api.optimizer.WeightConstraints} for solvers: their translation into linear
 * constraints over a solver's variables, the checks that refuse infeasible constraints before
 * solving, and the check of a solver's weights against the constraints before they are returned.
 * Shared by every optimizer of this plugin that honours constraints.
 */
package io.ballast.plugins.optimizers.constraints;
