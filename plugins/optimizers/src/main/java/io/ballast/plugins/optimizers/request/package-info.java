/**
 * How an optimizer of this plugin reads its {@link io.ballast.api.optimizer.OptimizationRequest}:
 * the bases that describe an optimizer and run it between the checks of its request and of its
 * weights, the checked estimates, the typed parameters, and the refusal of constraints an
 * optimizer cannot honour. Every failure names the field and the problem.
 */
package io.ballast.plugins.optimizers.request;
