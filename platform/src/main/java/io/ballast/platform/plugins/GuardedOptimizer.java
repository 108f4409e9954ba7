package io.ballast.platform.plugins;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;

/** A plugin's {@link Optimizer}, called through the guard. */
final class GuardedOptimizer extends GuardedExtension implements Optimizer {

    private final Optimizer plugin;

    GuardedOptimizer(Optimizer plugin, ExtensionCalls calls) {
        super(calls);
        this.plugin = plugin;
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        return calls.call("optimize", () -> plugin.optimize(request), next -> ((Optimizer) next).optimize(request));
    }
}
