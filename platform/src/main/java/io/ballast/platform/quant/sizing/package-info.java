/**
 * Position sizing: how large a position to take, as a fraction of portfolio value (0.1 = 10% of
 * capital; above 1 is leverage; negative is short). Each rule is a small immutable record holding
 * its parameters, validated on construction; invalid input raises
 * {@link io.ballast.platform.problem.InvalidInputException} naming the field. Rules compose: e.g.
 * {@code cap.apply(ConfidenceWeighting.weighted(kelly.positionFraction(p, b), confidence))}.
 */
package io.ballast.platform.quant.sizing;
