package io.ballast.platform.plugins;

import io.ballast.api.optimizer.InvestorView;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import io.ballast.api.strategy.WeightTilt;
import java.util.List;

/**
 * A plugin's {@link Strategy}, called through the guard. Its output may speak only of the
 * context's universe; an output that names another asset fails the call and counts against the plugin.
 */
final class GuardedStrategy extends GuardedExtension implements Strategy {

    private final Strategy plugin;

    GuardedStrategy(Strategy plugin, ExtensionCalls calls) {
        super(calls);
        this.plugin = plugin;
    }

    @Override
    public StrategyOutput evaluate(StrategyContext context) {
        return calls.call("evaluate", () -> withinUniverse(plugin.evaluate(context), context.universe()),
                next -> ((Strategy) next).evaluate(context));
    }

    /** Not IllegalArgumentException: output about assets the caller did not give is the plugin's failure. */
    private static StrategyOutput withinUniverse(StrategyOutput output, List<String> universe) {
        if (output == null) {
            return null;
        }
        for (Signal signal : output.signals()) {
            requireIn(universe, signal.asset(), "a signal");
        }
        for (WeightTilt tilt : output.tilts()) {
            requireIn(universe, tilt.asset(), "a weight tilt");
        }
        for (InvestorView view : output.views()) {
            for (String asset : view.pickWeightByAsset().keySet()) {
                requireIn(universe, asset, "a view");
            }
        }
        return output;
    }

    private static void requireIn(List<String> universe, String asset, String what) {
        if (!universe.contains(asset)) {
            throw new IllegalStateException("returned " + what + " for " + asset + ", outside the universe " + universe);
        }
    }
}
