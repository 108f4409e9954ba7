package io.ballast.platform.plugins;

import io.ballast.platform.problem.FailureMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads plugin jars into PF4J, each from a private copy in a folder of the host's own, each in a
 * manager of its own. The copy is what makes replacing a jar safe: the running version keeps
 * reading its copy while the folder's jar is overwritten, and stays when the new one is refused.
 */
final class PluginJarLoader implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginJarLoader.class);

    private final Path pluginsFolder;
    private final String apiVersion;
    private final PluginCallGuard guard;
    private final ClassLoader pluginParent;
    private final Path copies;
    private final AtomicLong copyCount = new AtomicLong();

    /**
     * @param copies a folder of this host's own for the private copies: emptied now (of copies a
     *               platform that was killed left behind), deleted on {@link #close()}
     * @throws IOException when it cannot be emptied or made
     */
    PluginJarLoader(Path pluginsFolder, String apiVersion, PluginCallGuard guard, Path copies) throws IOException {
        this.pluginsFolder = pluginsFolder;
        this.apiVersion = apiVersion;
        this.guard = guard;
        this.pluginParent = new PluginVisibleClasses(PluginJarLoader.class.getClassLoader());
        this.copies = copies;
        if (Files.exists(copies)) {
            try (Stream<Path> files = Files.walk(copies)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).filter(file -> !file.equals(copies)).toList()) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(copies);
    }

    /** A private copy of a jar of the plugins folder. */
    Path copyOf(Path jar) throws IOException {
        Path copy = nextCopy(jar.getFileName().toString());
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    /** A private copy of an uploaded jar. */
    Path copyOf(byte[] jar) throws IOException {
        Path copy = nextCopy("upload.jar");
        Files.write(copy, jar);
        return copy;
    }

    /**
     * Loads a copy into a new PF4J manager, not started.
     *
     * @param jar the jar in the plugins folder the copy stands for
     * @throws PluginRefusedException {@link Refusal#LOAD_FAILED} or {@link Refusal#DISABLED}
     */
    LoadedPlugin load(Path jar, Path copy, PluginJar declared) throws PluginRefusedException {
        BallastPluginManager manager = new BallastPluginManager(pluginsFolder, apiVersion, pluginParent);
        String pluginId;
        try {
            pluginId = manager.loadPlugin(copy);
        } catch (RuntimeException | LinkageError e) {
            manager.getPlugins().forEach(half -> manager.unloadPlugin(half.getPluginId()));
            throw new PluginRefusedException(Refusal.LOAD_FAILED, "plugin " + declared.id() + " cannot be loaded: "
                    + FailureMessages.causeChain(e)).of(declared);
        }
        if (!pluginId.equals(declared.id())) {
            manager.unloadPlugin(pluginId);
            throw new PluginRefusedException(Refusal.LOAD_FAILED, "plugin " + declared.id() + ": PF4J read its id as " + pluginId)
                    .of(declared);
        }
        PluginWrapper plugin = manager.getPlugin(pluginId);
        if (plugin.getPluginState() == org.pf4j.PluginState.DISABLED) {
            manager.unloadPlugin(pluginId);
            throw new PluginRefusedException(Refusal.DISABLED, "plugin " + pluginId
                    + " is disabled in the plugins folder's disabled.txt (or left out of its enabled.txt)").of(declared);
        }
        return new LoadedPlugin(jar, copy, declared, manager, guard);
    }

    /** Where the private copies are. */
    Path copiesFolder() {
        return copies;
    }

    void delete(Path copy) {
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            log.warn("Private plugin copy {} cannot be deleted: {}", copy, FailureMessages.causeChain(e));
        }
    }

    /** Deletes the private copies; call after every plugin was unloaded. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(copies)) {
            files.sorted(Comparator.reverseOrder()).forEach(this::delete);
        } catch (IOException e) {
            log.warn("Private plugin copies in {} cannot be deleted: {}", copies, FailureMessages.causeChain(e));
        }
    }

    private Path nextCopy(String fileName) {
        return copies.resolve(copyCount.incrementAndGet() + "-" + fileName);
    }
}
