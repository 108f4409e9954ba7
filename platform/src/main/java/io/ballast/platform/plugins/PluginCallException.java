package io.ballast.platform.plugins;

/**
 * A call into a plugin that failed: it threw, ran past its timeout, returned nothing, or was not
 * made because the plugin is stopped or failed or every call thread was busy. The message names
 * the plugin, the extension, the operation and the cause, e.g.
 * {@code plugin optimizers 1.2.0, optimizer max-sharpe: optimize did not answer within PT10S}.
 *
 * <p>An {@link IllegalArgumentException} a plugin throws (exactly that class, not a subclass such as
 * {@code NumberFormatException}, which is a bug of the plugin) is not wrapped in this: it is the plugin
 * refusing the caller's input, and reaches the caller as a platform copy with its message.
 */
public final class PluginCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final String extensionId;
    private final boolean called;

    PluginCallException(ExtensionCalls extension, String operation, String problem, Throwable cause) {
        this(extension, operation, problem, cause, true);
    }

    /** A call that was not made: {@code problem} says why. */
    static PluginCallException notCalled(ExtensionCalls extension, String operation, String problem, Throwable cause) {
        return new PluginCallException(extension, operation, problem, cause, false);
    }

    private PluginCallException(ExtensionCalls extension, String operation, String problem, Throwable cause, boolean called) {
        super("plugin " + extension.runtime().pluginId() + " " + extension.runtime().version() + ", "
                + extension.description() + ": " + operation + " " + problem, cause);
        this.pluginId = extension.runtime().pluginId();
        this.extensionId = extension.description().id();
        this.called = called;
    }

    /** Whether the plugin's code was called at all (false: refused before, e.g. the plugin was stopped). */
    boolean called() {
        return called;
    }

    public String pluginId() {
        return pluginId;
    }

    public String extensionId() {
        return extensionId;
    }
}
