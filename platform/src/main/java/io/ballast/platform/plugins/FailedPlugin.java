package io.ballast.platform.plugins;

import java.util.Objects;

/**
 * A plugin jar the host skipped, and why.
 *
 * @param plugin the jar's file name in the plugins directory, e.g. {@code optimizer-x-1.0.jar}
 * @param reason what is wrong, for the person who dropped the jar there
 */
public record FailedPlugin(String plugin, String reason) {

    public FailedPlugin {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(reason, "reason");
    }
}
