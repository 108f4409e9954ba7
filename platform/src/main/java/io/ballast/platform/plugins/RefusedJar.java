package io.ballast.platform.plugins;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A jar of the plugins folder that was not loaded, and why; it stays so until it changes (or, for a conflict, the other plugin goes). */
record RefusedJar(Path jar, PluginRefusedException refusal) {

    PluginEntry entry() {
        String fileName = jar.getFileName().toString();
        return new PluginEntry(refusal.pluginId().orElse(fileName), refusal.version(), fileName, PluginState.FAILED, List.of(),
                Optional.of(refusal.reason()), Optional.of(refusal.refusal()));
    }
}
