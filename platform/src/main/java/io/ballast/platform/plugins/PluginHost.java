package io.ballast.platform.plugins;

import io.ballast.api.optimizer.Optimizer;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.health.ComponentHealth;
import io.ballast.platform.problem.FailureMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin stage: loads and starts every plugin jar in the plugins directory with PF4J and
 * offers their extensions to the platform. A jar that cannot be loaded, asks for another SPI
 * version, fails to start, or offers an extension id another plugin already has, is skipped
 * whole, logged and listed in {@link #failedPlugins()}; the others go on.
 *
 * <p>Plugins see the platform's {@code io.ballast.api} and {@code org.pf4j} types (parent-first)
 * and their own classes; nothing else of the platform is meant for them.
 */
public final class PluginHost implements AutoCloseable {

    /** In the api jar, written at build time: {@code version} is the SPI version plugins declare a range for. */
    static final String API_VERSION_RESOURCE = "/io/ballast/api/api-version.properties";

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final Path directory;
    private final String apiVersion;
    private final PluginManager manager;
    private final List<String> loadedPluginIds;
    private final List<FailedPlugin> failedPlugins;
    private final Map<String, Optimizer> optimizersById;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PluginHost(Path directory, String apiVersion, PluginManager manager, List<String> loadedPluginIds,
            List<FailedPlugin> failedPlugins, Map<String, Optimizer> optimizersById) {
        this.directory = directory;
        this.apiVersion = apiVersion;
        this.manager = manager;
        this.loadedPluginIds = List.copyOf(loadedPluginIds);
        this.failedPlugins = failedPlugins.stream().sorted(Comparator.comparing(FailedPlugin::plugin)).toList();
        this.optimizersById = Collections.unmodifiableMap(new TreeMap<>(optimizersById));
    }

    /**
     * Loads and starts every {@code *.jar} in {@code pluginsDirectory} (created when missing), in
     * file-name order.
     *
     * @throws StartupException when the directory cannot be created or listed
     */
    public static PluginHost start(Path pluginsDirectory) {
        List<Path> jars = pluginJars(pluginsDirectory);
        String apiVersion = readApiVersion();
        BallastPluginManager manager = new BallastPluginManager(pluginsDirectory, apiVersion);
        Loading loading = new Loading(manager, apiVersion);
        jars.forEach(loading::load);
        loading.startAll();
        loading.collectExtensions();

        PluginHost host = new PluginHost(pluginsDirectory, apiVersion, manager, loading.started(),
                loading.failed, loading.optimizersById);
        log.info("Plugins in {} (API {}): loaded {}, failed {}, optimizers {}", pluginsDirectory, apiVersion,
                host.loadedPluginIds, host.failedPlugins.stream().map(FailedPlugin::plugin).toList(),
                host.optimizersById.keySet());
        return host;
    }

    /** The ids of the plugins that are started, sorted. */
    public List<String> loadedPluginIds() {
        return loadedPluginIds;
    }

    /** The jars that were skipped, in file-name order, each with its reason. */
    public List<FailedPlugin> failedPlugins() {
        return failedPlugins;
    }

    /** Every optimizer the started plugins offer, sorted by {@link Optimizer#id()}. */
    public List<Optimizer> optimizers() {
        requireOpen();
        return List.copyOf(optimizersById.values());
    }

    /** The optimizer whose {@link Optimizer#id()} is {@code extensionId}, e.g. {@code equal-weight}. */
    public Optional<Optimizer> optimizer(String extensionId) {
        requireOpen();
        return Optional.ofNullable(optimizersById.get(extensionId));
    }

    /** The SPI version plugins are checked against. */
    public String apiVersion() {
        return apiVersion;
    }

    /** Up while open, even when some plugins failed: the failures are named in the details. */
    public ComponentHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", directory.toString());
        details.put("apiVersion", apiVersion);
        details.put("loaded", loadedPluginIds);
        details.put("failed", failedPlugins.stream()
                .map(failed -> Map.of("plugin", failed.plugin(), "reason", failed.reason()))
                .toList());
        details.put("optimizers", List.copyOf(optimizersById.keySet()));
        return closed.get() ? ComponentHealth.down("plugin host is closed", details) : ComponentHealth.up(details);
    }

    /** Stops and unloads every plugin, closing their class loaders. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (String pluginId : loadedPluginIds.reversed()) {
            try {
                manager.unloadPlugin(pluginId); // stops it first
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} did not unload cleanly: {}", pluginId, FailureMessages.causeChain(e));
            }
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("plugin host is closed");
        }
    }

    private static List<Path> pluginJars(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StartupException("plugins directory " + directory + " cannot be created: " + FailureMessages.causeChain(e), e);
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> Files.isRegularFile(file)
                            && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("plugins directory " + directory + " cannot be listed: " + FailureMessages.causeChain(e), e);
        }
    }

    private static String readApiVersion() {
        try (InputStream in = Optimizer.class.getResourceAsStream(API_VERSION_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Ballast API jar has no " + API_VERSION_RESOURCE + ": the build is broken");
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            if (version.isEmpty()) {
                throw new IllegalStateException(API_VERSION_RESOURCE + " has no version: the build is broken");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + API_VERSION_RESOURCE, e);
        }
    }

    /** The state of one start-up: which jar became which plugin, and what failed. */
    private static final class Loading {

        private final PluginManager manager;
        private final String apiVersion;
        private final Map<String, Path> jarByPluginId = new LinkedHashMap<>();
        private final List<FailedPlugin> failed = new ArrayList<>();
        private final Map<String, Optimizer> optimizersById = new LinkedHashMap<>();

        Loading(PluginManager manager, String apiVersion) {
            this.manager = manager;
            this.apiVersion = apiVersion;
        }

        void load(Path jar) {
            // checked here rather than left to PF4J, whose messages for these cases do not say what is wrong
            String declaredId;
            try {
                declaredId = declaredPluginId(jar);
            } catch (IOException e) {
                fail(jar, "not a readable jar file: " + FailureMessages.causeChain(e));
                return;
            }
            if (declaredId == null) {
                fail(jar, "not a plugin: its manifest has no Plugin-Id (and it has no plugin.properties)");
                return;
            }
            PluginWrapper sameId = manager.getPlugin(declaredId);
            if (sameId != null) {
                fail(jar, "plugin " + declaredId + " is already loaded from " + sameId.getPluginPath().getFileName());
                return;
            }
            String pluginId;
            try {
                pluginId = manager.loadPlugin(jar);
            } catch (RuntimeException | LinkageError e) {
                unloadLoadedFrom(jar);
                fail(jar, "cannot be loaded as a plugin: " + FailureMessages.causeChain(e));
                return;
            }
            PluginWrapper plugin = manager.getPlugin(pluginId);
            if (plugin.getPluginState() == PluginState.DISABLED) {
                // PF4J marks a failed Plugin-Requires check with a failed exception; without one, an operator disabled it
                String reason = plugin.getFailedException() != null
                        ? "plugin " + pluginId + " requires Ballast API " + plugin.getDescriptor().getRequires()
                                + ", this platform provides " + apiVersion
                        : "plugin " + pluginId + " is disabled in the plugins directory's enabled.txt or disabled.txt";
                unload(pluginId);
                fail(jar, reason);
                return;
            }
            jarByPluginId.put(pluginId, jar);
        }

        void startAll() {
            for (String pluginId : List.copyOf(jarByPluginId.keySet())) {
                PluginState state;
                Throwable failure;
                try {
                    state = manager.startPlugin(pluginId);
                    failure = manager.getPlugin(pluginId).getFailedException();
                } catch (RuntimeException | LinkageError e) {
                    state = PluginState.FAILED;
                    failure = e;
                }
                if (state != PluginState.STARTED) {
                    refuse(pluginId, "plugin " + pluginId + " failed to start: "
                            + (failure == null ? "it is " + state : FailureMessages.causeChain(failure)));
                }
            }
        }

        void collectExtensions() {
            for (String pluginId : List.copyOf(jarByPluginId.keySet())) {
                Map<String, Optimizer> offered = new LinkedHashMap<>();
                try {
                    for (Optimizer optimizer : manager.getExtensions(Optimizer.class, pluginId)) {
                        String id = optimizer.id();
                        if (optimizersById.containsKey(id) || offered.containsKey(id)) {
                            throw new IllegalStateException("optimizer id " + id + " is already taken by another extension");
                        }
                        offered.put(id, optimizer);
                    }
                } catch (RuntimeException | LinkageError e) {
                    refuse(pluginId, "plugin " + pluginId + " offers an unusable extension: " + FailureMessages.causeChain(e));
                    continue;
                }
                optimizersById.putAll(offered);
            }
        }

        /** The id the jar declares, where PF4J looks for it: the manifest's Plugin-Id, else plugin.properties. */
        private static String declaredPluginId(Path jar) throws IOException {
            try (JarFile file = new JarFile(jar.toFile())) {
                Manifest manifest = file.getManifest();
                String id = manifest == null ? null : manifest.getMainAttributes().getValue("Plugin-Id");
                ZipEntry properties = file.getEntry("plugin.properties");
                if (id == null && properties != null) {
                    try (InputStream in = file.getInputStream(properties)) {
                        Properties descriptor = new Properties();
                        descriptor.load(in);
                        id = descriptor.getProperty("plugin.id");
                    }
                }
                return id == null || id.isBlank() ? null : id.strip();
            }
        }

        List<String> started() {
            return jarByPluginId.keySet().stream().sorted().toList();
        }

        private void refuse(String pluginId, String reason) {
            Path jar = jarByPluginId.remove(pluginId);
            unload(pluginId);
            fail(jar, reason);
        }

        private void fail(Path jar, String reason) {
            log.warn("Plugin jar {} skipped: {}", jar, reason);
            failed.add(new FailedPlugin(jar.getFileName().toString(), reason));
        }

        private void unload(String pluginId) {
            try {
                manager.unloadPlugin(pluginId);
            } catch (RuntimeException | LinkageError e) {
                log.warn("Plugin {} did not unload cleanly: {}", pluginId, FailureMessages.causeChain(e));
            }
        }

        /** A jar that failed half-way (e.g. while resolving) may have left a plugin behind. */
        private void unloadLoadedFrom(Path jar) {
            for (PluginWrapper plugin : manager.getPlugins()) {
                if (jar.equals(plugin.getPluginPath())) {
                    unload(plugin.getPluginId());
                }
            }
        }
    }
}
