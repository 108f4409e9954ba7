package io.ballast.api.optimizer;

import io.ballast.api.plugin.BallastExtension;

/**
 * Portfolio construction: turns a universe (and, for optimizers that need them, return and risk
 * estimates) into target weights. Implementations must be stateless and thread-safe; the
 * platform may call one concurrently and times each call out.
 */
public interface Optimizer extends BallastExtension {

    /**
     * @throws IllegalArgumentException when the request cannot be satisfied (for example
     *         infeasible constraints); the message names the problem
     */
    TargetWeights optimize(OptimizationRequest request);
}
