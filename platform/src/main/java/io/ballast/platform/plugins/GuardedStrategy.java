package io.ballast.platform.plugins;

import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;

/** A plugin's {@link Strategy}, called through the guard. */
final class GuardedStrategy extends GuardedExtension implements Strategy {

    private final Strategy plugin;

    GuardedStrategy(Strategy plugin, ExtensionCalls calls) {
        super(calls);
        this.plugin = plugin;
    }

    @Override
    public StrategyOutput evaluate(StrategyContext context) {
        return calls.call("evaluate", () -> plugin.evaluate(context));
    }
}
