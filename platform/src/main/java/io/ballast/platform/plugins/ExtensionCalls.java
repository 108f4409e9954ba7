package io.ballast.platform.plugins;

import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The guard bound to one extension of one plugin session: what a guarded extension calls for each
 * of its operations.
 */
record ExtensionCalls(PluginCallGuard guard, PluginRuntime runtime, ExtensionDescription description) {

    ExtensionCalls {
        Objects.requireNonNull(guard, "guard");
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(description, "description");
    }

    /** Calls an operation that returns a value; a null result is a failure of the plugin. */
    <T> T call(String operation, Callable<T> body) {
        return guard.call(this, operation, body, false);
    }

    /** Calls an operation that returns nothing. */
    void run(String operation, Runnable body) {
        guard.call(this, operation, () -> {
            body.run();
            return null;
        }, true);
    }
}
