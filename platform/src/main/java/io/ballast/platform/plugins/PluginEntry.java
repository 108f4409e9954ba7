package io.ballast.platform.plugins;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One plugin jar of the plugins folder, as the plugin list shows it.
 *
 * @param id            the plugin id its manifest declares; the jar's file name when it declares none
 * @param version       the plugin version its manifest declares; empty when unknown
 * @param jar           the jar's file name in the plugins folder
 * @param state         started, stopped, or failed
 * @param extensions    what it offers (a stopped or failed plugin's as of its last start); empty when it never started
 * @param failureReason for FAILED: why; for a STARTED or STOPPED plugin: why a newer jar of it was
 *                      refused (the version listed goes on running); empty otherwise
 * @param refusal       for a jar that was never loaded: the kind of refusal; empty otherwise
 */
public record PluginEntry(String id, Optional<String> version, String jar, PluginState state,
        List<ExtensionDescription> extensions, Optional<String> failureReason, Optional<Refusal> refusal) {

    public PluginEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(state, "state");
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
        Objects.requireNonNull(failureReason, "failureReason");
        Objects.requireNonNull(refusal, "refusal");
    }
}
