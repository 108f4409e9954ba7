package io.ballast.platform.plugins;

import io.ballast.api.plugin.BallastExtension;
import io.ballast.api.plugin.ParameterSpec;
import java.util.List;

/**
 * A plugin's extension as the platform hands it out: its self-description as read when the plugin
 * started, and every other method a call through the {@link PluginCallGuard}. Callers use it as the
 * extension point's interface and need not know it is guarded.
 */
abstract sealed class GuardedExtension implements BallastExtension
        permits GuardedOptimizer, GuardedStrategy, GuardedMarketDataSource, GuardedExecutionVenue, GuardedAlertChannel {

    final ExtensionCalls calls;

    GuardedExtension(ExtensionCalls calls) {
        this.calls = calls;
    }

    @Override
    public final String id() {
        return calls.description().id();
    }

    @Override
    public final String version() {
        return calls.description().version();
    }

    @Override
    public final String description() {
        return calls.description().description();
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return calls.description().parameters();
    }

    final ExtensionDescription describe() {
        return calls.description();
    }

    /** The id of the plugin that offers it. */
    final String pluginId() {
        return calls.runtime().pluginId();
    }

    /** The plugin's class loader, where the extension's own classes come from. */
    final ClassLoader pluginClassLoader() {
        return calls.runtime().classLoader();
    }

    @Override
    public final String toString() {
        return calls.description() + " of plugin " + pluginId();
    }
}
