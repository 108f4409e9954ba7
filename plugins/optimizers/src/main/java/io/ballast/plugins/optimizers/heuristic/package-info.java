/** Portfolio rules that optimise nothing: weights follow from the estimates by a formula (inverse volatility). */
package io.ballast.plugins.optimizers.heuristic;
