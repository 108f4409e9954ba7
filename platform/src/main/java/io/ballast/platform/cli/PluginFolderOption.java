package io.ballast.platform.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import picocli.CommandLine.Option;

/** {@code --plugins DIR} for commands that call plugins; by default the bundled plugins beside the jar. */
final class PluginFolderOption {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "folder of plugin jars (default: the plugins folder beside ballast.jar)")
    Path directory;

    Path directory() {
        return directory != null ? directory : besideTheJar();
    }

    /** {@code target/ballast.jar} → {@code target/plugins}; in tests, {@code target/classes} → {@code target/plugins}. */
    private static Path besideTheJar() {
        CodeSource code = PluginFolderOption.class.getProtectionDomain().getCodeSource();
        if (code == null) {
            return Path.of("plugins");
        }
        try {
            return Path.of(code.getLocation().toURI()).resolveSibling("plugins");
        } catch (URISyntaxException notAFile) {
            return Path.of("plugins");
        }
    }
}
