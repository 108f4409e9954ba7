package io.ballast.platform.plugins;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

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

    /**
     * Calls an operation that returns a value; when the call was not made because the plugin was
     * just replaced by a new version, makes it again on the new version's extension, {@code again}.
     */
    <T> T call(String operation, Callable<T> body, Function<GuardedExtension, T> again) {
        try {
            return guard.call(this, operation, body, false);
        } catch (PluginCallException notCalled) {
            return again.apply(successorOr(notCalled));
        }
    }

    /** Calls an operation that returns nothing (on the new version, as {@link #call(String, Callable, Function)}). */
    void run(String operation, Runnable body, Consumer<GuardedExtension> again) {
        try {
            guard.call(this, operation, () -> {
                body.run();
                return null;
            }, true);
        } catch (PluginCallException notCalled) {
            again.accept(successorOr(notCalled));
        }
    }

    /** Calls an operation that returns nothing, on this session only. */
    void run(String operation, Runnable body) {
        guard.call(this, operation, () -> {
            body.run();
            return null;
        }, true);
    }

    /** The new version's extension, when the plugin was replaced and the call was not made; else rethrows. */
    private GuardedExtension successorOr(PluginCallException failure) {
        if (failure.called()) {
            throw failure;
        }
        return runtime.successorOf(description).orElseThrow(() -> failure);
    }
}
