package io.ballast.platform.plugins;

/**
 * A call into a plugin that failed: it threw, ran past its timeout, returned nothing, or was not
 * made because the plugin is stopped or failed or every call thread was busy. The message names
 * the plugin, the extension, the operation and the cause, e.g.
 * {@code plugin optimizers 1.2.0, optimizer max-sharpe: optimize did not answer within PT10S}.
 *
 * <p>An {@link IllegalArgumentException} a plugin throws is not wrapped in this: it is the plugin
 * refusing the caller's input, and reaches the caller as it is.
 */
public final class PluginCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;
    private final String extensionId;

    PluginCallException(ExtensionCalls extension, String operation, String problem, Throwable cause) {
        super("plugin " + extension.runtime().pluginId() + " " + extension.runtime().version() + ", "
                + extension.description() + ": " + operation + " " + problem, cause);
        this.pluginId = extension.runtime().pluginId();
        this.extensionId = extension.description().id();
    }

    public String pluginId() {
        return pluginId;
    }

    public String extensionId() {
        return extensionId;
    }
}
