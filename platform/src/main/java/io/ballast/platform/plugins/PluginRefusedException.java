package io.ballast.platform.plugins;

import java.util.Objects;
import java.util.Optional;

/** A plugin jar that was not loaded, with the kind of refusal and a reason for the person who supplied it. */
public final class PluginRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Refusal refusal;
    private final transient Optional<String> pluginId;
    private final transient Optional<String> version;

    PluginRefusedException(Refusal refusal, String reason) {
        this(refusal, reason, Optional.empty(), Optional.empty());
    }

    private PluginRefusedException(Refusal refusal, String reason, Optional<String> pluginId, Optional<String> version) {
        super(Objects.requireNonNull(reason, "reason"));
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.pluginId = pluginId;
        this.version = version;
    }

    /** The same refusal, naming the plugin the jar declares. */
    PluginRefusedException of(PluginJar declared) {
        return new PluginRefusedException(refusal, getMessage(), Optional.of(declared.id()), Optional.of(declared.version()));
    }

    public Refusal refusal() {
        return refusal;
    }

    /** The reason, one line. */
    public String reason() {
        return getMessage();
    }

    /** The plugin id the jar declares, when it was read that far. */
    public Optional<String> pluginId() {
        return pluginId;
    }

    /** The plugin version the jar declares, when it was read that far. */
    public Optional<String> version() {
        return version;
    }
}
