package io.ballast.plugins.marketdata.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;

/**
 * For the market data plugins' jar tests (shared as this module's test jar): a plugin jar as the
 * platform receives it, read and loaded by PF4J from a plugins folder of its own. The platform's
 * own host cannot be used from a plugin module: the platform is built after the plugins.
 */
public final class BuiltPluginJar implements AutoCloseable {

    private final Path jar;
    private final PluginManager manager;
    private final String pluginId;

    private BuiltPluginJar(Path jar, PluginManager manager, String pluginId) {
        this.jar = jar;
        this.manager = manager;
        this.pluginId = pluginId;
    }

    /** The jar the build packaged, named by the system property {@code plugin.jar} (set in the module's pom for failsafe). */
    public static Path packaged() {
        return Path.of(System.getProperty("plugin.jar"));
    }

    /** The jar's main manifest attributes. */
    public static Attributes manifest(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class names in the jar's {@code META-INF/extensions.idx}, as PF4J's annotation processor wrote them. */
    public static List<String> indexedExtensions(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            String index = new String(file.getInputStream(file.getEntry("META-INF/extensions.idx")).readAllBytes(), StandardCharsets.UTF_8);
            return index.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the jar holds the entry, e.g. {@code org/apache/commons/csv/CSVParser.class}. */
    public static boolean holds(Path jar, String entry) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry(entry) != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the jar into {@code pluginsFolder} and has PF4J load and start it; close unloads it. */
    public static BuiltPluginJar started(Path jar, Path pluginsFolder) throws IOException {
        Files.copy(jar, pluginsFolder.resolve(jar.getFileName()));
        PluginManager manager = new JarPluginManager(pluginsFolder);
        manager.loadPlugins();
        manager.startPlugins();
        String pluginId = manifest(jar).getValue("Plugin-Id");
        return new BuiltPluginJar(jar, manager, pluginId);
    }

    /** The plugin's extensions of {@code type}, made by PF4J from the jar. */
    public <T> List<T> extensions(Class<T> type) {
        return manager.getExtensions(type, pluginId);
    }

    /** The class loader PF4J gave the plugin: the jar's classes come through it. */
    public ClassLoader classLoader() {
        return manager.getPluginClassLoader(pluginId);
    }

    @Override
    public void close() {
        // unloadPlugins() trips over its own list in PF4J 3.15; one plugin at a time works
        manager.unloadPlugin(pluginId);
    }

    @Override
    public String toString() {
        return jar.toString();
    }
}
