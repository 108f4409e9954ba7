package io.ballast.platform.plugins;

import io.ballast.api.alert.AlertChannel;
import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.strategy.Strategy;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.health.ComponentHealth;
import io.ballast.platform.problem.FailureMessages;
import io.ballast.platform.problem.ServiceUnavailableException;
import java.time.Duration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin stage: hosts the plugin jars of the plugins folder with PF4J and offers their
 * extensions to the platform.
 *
 * <p>At start every jar in the folder is loaded and started. Then the folder is looked at every
 * {@code plugins.watchInterval}: a jar copied in is loaded and started once it stopped changing, a
 * removed jar's plugin is stopped and unloaded, a replaced jar's plugin swaps to the new version
 * (see {@link PluginLifecycle}). A jar that cannot be read, declares no plugin, asks for another
 * SPI version, has a plugin id or extension id another plugin already has, or fails to start, is
 * refused whole, logged and listed with its reason; the others go on.
 *
 * <p>Every lookup ({@link #optimizer(String)}, {@link #strategies()}...) reads one immutable
 * snapshot, replaced whole after each change. The extensions handed out are guarded: every call
 * runs on the guard's threads under {@code plugins.callTimeout}, a failing call fails with a
 * {@link PluginCallException}, and a plugin failing {@code plugins.failuresBeforeDisable} calls in
 * a row is marked FAILED and stopped (see {@link PluginCallGuard}).
 *
 * <p>All changes run on one lifecycle thread, so a look at the folder, an upload and an
 * operator's start or stop never interleave. Plugins see the JDK and, of the platform, only the
 * SPI, PF4J and SLF4J (see {@link PluginVisibleClasses}).
 */
public final class PluginHost implements AutoCloseable {

    /** In the api jar, written at build time: {@code version} is the SPI version plugins declare a range for. */
    static final String API_VERSION_RESOURCE = "/io/ballast/api/api-version.properties";

    private static final Logger log = LoggerFactory.getLogger(PluginHost.class);

    private final BallastConfig.Plugins settings;
    private final String apiVersion;
    private final ScheduledExecutorService lifecycleThread;
    /** Where plugins that left are stopped and unloaded, so that a slow one holds up nothing else. */
    private final ExecutorService retirements;
    private final PluginCallGuard guard;
    private final PluginJarLoader loader;
    private final PluginLifecycle lifecycle;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile PluginSnapshot snapshot = PluginSnapshot.EMPTY;
    /** The last failure to look at the folder, so it is logged once, not every look; lifecycle thread only. */
    private String lastLookFailure;

    private PluginHost(BallastConfig.Plugins settings, String apiVersion, Path copies) throws IOException {
        this.settings = settings;
        this.apiVersion = apiVersion;
        this.lifecycleThread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ballast-plugin-lifecycle");
            thread.setDaemon(true);
            return thread;
        });
        this.guard = new PluginCallGuard(settings.callTimeout(), settings.failuresBeforeDisable(), settings.callThreads(),
                this::disable);
        this.retirements = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "ballast-plugin-retirement");
            thread.setDaemon(true);
            return thread;
        });
        this.loader = new PluginJarLoader(settings.directory(), apiVersion, guard, copies);
        this.lifecycle = new PluginLifecycle(settings.directory(), apiVersion, loader, settings.callTimeout(),
                published -> snapshot = published, retirements);
    }

    /** {@link #start(BallastConfig.Plugins)} with the default settings for {@code pluginsDirectory}. */
    public static PluginHost start(Path pluginsDirectory) {
        return start(BallastConfig.Plugins.in(pluginsDirectory));
    }

    /**
     * {@link #start(BallastConfig.Plugins, Path)} with the private copies in a new temporary folder,
     * deleted on close, or by the next such start when this process dies first (see {@link TemporaryCopiesFolder}).
     */
    public static PluginHost start(BallastConfig.Plugins settings) {
        try {
            return start(settings, TemporaryCopiesFolder.create(Path.of(System.getProperty("java.io.tmpdir"))));
        } catch (IOException e) {
            throw new StartupException("plugins: no temporary folder for plugin copies can be made: " + FailureMessages.causeChain(e), e);
        }
    }

    /**
     * Loads and starts every plugin jar in the folder (created when missing), in file-name order,
     * then watches it.
     *
     * @param copiesFolder a folder of this host's own where it keeps the private copies of the jars
     *                     it loads; emptied at start, deleted on close
     * @throws StartupException when a folder cannot be created or listed
     */
    public static PluginHost start(BallastConfig.Plugins settings, Path copiesFolder) {
        Path directory = settings.directory();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StartupException("plugins directory " + directory + " cannot be created: " + FailureMessages.causeChain(e), e);
        }
        PluginHost host;
        try {
            host = new PluginHost(settings, readApiVersion(), copiesFolder);
        } catch (IOException e) {
            throw new StartupException("plugins: the folder for plugin copies " + copiesFolder + " cannot be prepared: "
                    + FailureMessages.causeChain(e), e);
        }
        try {
            // every plugin's start is held to the call timeout: the first look ends, however many jars there are
            host.onLifecycleThread(() -> {
                host.lifecycle.synchronize(true);
                return null;
            }, Duration.ofNanos(Long.MAX_VALUE));
        } catch (IOException | PluginRefusedException | RuntimeException e) {
            host.close();
            throw new StartupException("plugins directory " + directory + " cannot be listed: " + FailureMessages.causeChain(e), e);
        }
        long interval = settings.watchInterval().toMillis();
        host.lifecycleThread.scheduleWithFixedDelay(host::look, interval, interval, TimeUnit.MILLISECONDS);
        log.info("Plugins in {} (API {}, watched every {}): started {}, failed {}", directory, host.apiVersion,
                settings.watchInterval(), host.loadedPluginIds(), host.failedPlugins().stream().map(PluginEntry::jar).toList());
        return host;
    }

    /** Every jar of the plugins folder: loaded plugins and refused jars, by plugin id. */
    public List<PluginEntry> plugins() {
        return snapshot.entries();
    }

    /** The entry of the plugin with that id (a loaded one before a refused jar declaring the same id). */
    public Optional<PluginEntry> plugin(String pluginId) {
        List<PluginEntry> entries = snapshot.entries().stream().filter(entry -> entry.id().equals(pluginId)).toList();
        return entries.stream().filter(entry -> entry.refusal().isEmpty()).findFirst().or(() -> entries.stream().findFirst());
    }

    /** The ids of the plugins that are started, sorted. */
    public List<String> loadedPluginIds() {
        return snapshot.inState(PluginState.STARTED).stream().map(PluginEntry::id).toList();
    }

    /** The jars refused and the plugins marked FAILED, each with its reason. */
    public List<PluginEntry> failedPlugins() {
        return snapshot.inState(PluginState.FAILED);
    }

    /** Every optimizer the started plugins offer, sorted by {@link Optimizer#id()}. */
    public List<Optimizer> optimizers() {
        return extensions(BallastExtensionPoint.OPTIMIZER, Optimizer.class);
    }

    /** The optimizer whose {@link Optimizer#id()} is {@code extensionId}, e.g. {@code equal-weight}. */
    public Optional<Optimizer> optimizer(String extensionId) {
        return extension(BallastExtensionPoint.OPTIMIZER, Optimizer.class, extensionId);
    }

    public List<Strategy> strategies() {
        return extensions(BallastExtensionPoint.STRATEGY, Strategy.class);
    }

    public Optional<Strategy> strategy(String extensionId) {
        return extension(BallastExtensionPoint.STRATEGY, Strategy.class, extensionId);
    }

    public List<MarketDataSource> marketDataSources() {
        return extensions(BallastExtensionPoint.MARKET_DATA_SOURCE, MarketDataSource.class);
    }

    public Optional<MarketDataSource> marketDataSource(String extensionId) {
        return extension(BallastExtensionPoint.MARKET_DATA_SOURCE, MarketDataSource.class, extensionId);
    }

    public List<ExecutionVenue> executionVenues() {
        return extensions(BallastExtensionPoint.EXECUTION_VENUE, ExecutionVenue.class);
    }

    public Optional<ExecutionVenue> executionVenue(String extensionId) {
        return extension(BallastExtensionPoint.EXECUTION_VENUE, ExecutionVenue.class, extensionId);
    }

    public List<AlertChannel> alertChannels() {
        return extensions(BallastExtensionPoint.ALERT_CHANNEL, AlertChannel.class);
    }

    public Optional<AlertChannel> alertChannel(String extensionId) {
        return extension(BallastExtensionPoint.ALERT_CHANNEL, AlertChannel.class, extensionId);
    }

    /**
     * Starts a stopped or failed plugin. Blocks until done (at most about {@code plugins.callTimeout};
     * {@link ServiceUnavailableException} when the lifecycle is held up longer).
     *
     * @return its entry afterwards (FAILED, with the reason, when it did not start); empty when there is no plugin with that id
     * @throws PluginRefusedException when that id is a refused jar's: replace the jar to load it
     */
    public Optional<PluginEntry> startPlugin(String pluginId) throws PluginRefusedException {
        try {
            return onLifecycleThread(() -> lifecycle.start(pluginId));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * Stops a started plugin and withdraws its extensions, until it is started again (or the platform restarts).
     *
     * @return its entry afterwards; empty when there is no plugin with that id
     */
    public Optional<PluginEntry> stopPlugin(String pluginId) {
        try {
            return onLifecycleThread(() -> lifecycle.stop(pluginId));
        } catch (IOException | PluginRefusedException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * Installs a plugin jar: checks and starts it, then writes it into the plugins folder (over the
     * jar of the plugin of the same id, which it replaces). Nothing is written when it is refused.
     *
     * @throws PluginRefusedException why the jar was refused
     * @throws IOException            when it cannot be written into the folder
     */
    public PluginEntry install(byte[] jar) throws PluginRefusedException, IOException {
        return onLifecycleThread(() -> lifecycle.install(jar));
    }

    /** The folder of the private copies the plugins are loaded from (deleted on close). */
    Path privateCopiesFolder() {
        return loader.copiesFolder();
    }

    /** The SPI version plugins are checked against. */
    public String apiVersion() {
        return apiVersion;
    }

    /** Up while open, even when some plugins failed: the failures are named in the details. */
    public ComponentHealth health() {
        PluginSnapshot current = snapshot;
        List<PluginEntry> failed = current.inState(PluginState.FAILED);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("directory", settings.directory().toString());
        details.put("apiVersion", apiVersion);
        details.put("loaded", current.inState(PluginState.STARTED).stream().map(PluginEntry::id).toList());
        details.put("loadedCount", current.inState(PluginState.STARTED).size());
        details.put("stopped", current.inState(PluginState.STOPPED).stream().map(PluginEntry::id).toList());
        details.put("failedCount", failed.size());
        details.put("failed", failed.stream()
                .map(entry -> Map.of("plugin", entry.jar(), "id", entry.id(), "reason", entry.failureReason().orElse("")))
                .toList());
        Map<String, List<String>> extensions = new LinkedHashMap<>();
        current.extensionsByPoint().forEach((point, byId) -> extensions.put(point.wireName(), List.copyOf(byId.keySet())));
        details.put("extensions", extensions);
        details.put("stuckCallThreads", guard.stuckCallThreads());
        return closed.get() ? ComponentHealth.down("plugin host is closed", details) : ComponentHealth.up(details);
    }

    /** Stops watching, stops and unloads every plugin (closing their class loaders), ends the guard's threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long deadline = System.nanoTime() + lifecycleWait().toNanos();
        try {
            Future<?> unloaded = lifecycleThread.submit(lifecycle::unloadAll);
            lifecycleThread.shutdown(); // also ends the periodic look
            unloaded.get(lifecycleWait().toNanos(), TimeUnit.NANOSECONDS);
            retirements.shutdown();
            if (!retirements.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                log.warn("Plugins still stopping after {}; closing anyway", lifecycleWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while unloading the plugins");
        } catch (TimeoutException e) {
            log.warn("Plugins not unloaded within {}; closing anyway", lifecycleWait());
        } catch (ExecutionException | RejectedExecutionException e) {
            log.warn("Plugins did not unload cleanly: {}", FailureMessages.causeChain(e));
        } finally {
            lifecycleThread.shutdownNow();
            retirements.shutdownNow();
            guard.close();
            loader.close();
        }
    }

    /**
     * How long a caller waits for the lifecycle thread: each step of plugin code there is held to
     * the call timeout (waiting for calls in flight, closing streams, stopping; or loading and
     * starting), so a little over three of them, plus a look at the folder in front of it.
     */
    private Duration lifecycleWait() {
        return settings.callTimeout().multipliedBy(4).plusSeconds(10);
    }

    private <T> List<T> extensions(BallastExtensionPoint point, Class<T> type) {
        requireOpen();
        return snapshot.extensions(point, type);
    }

    private <T> Optional<T> extension(BallastExtensionPoint point, Class<T> type, String extensionId) {
        requireOpen();
        return snapshot.extension(point, type, extensionId);
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("plugin host is closed");
        }
    }

    /** The guard's verdict, from a call thread: handled on the lifecycle thread. */
    private void disable(PluginRuntime session, String reason) {
        try {
            lifecycleThread.execute(() -> lifecycle.markFailed(session, reason));
        } catch (RejectedExecutionException closing) {
            // the host is closing: every plugin is being unloaded anyway
        }
    }

    private void look() {
        try {
            lifecycle.synchronize(false);
            lastLookFailure = null;
        } catch (IOException | RuntimeException | LinkageError e) {
            // caught, or the scheduler would silently stop looking
            String failure = FailureMessages.causeChain(e);
            if (!failure.equals(lastLookFailure)) {
                log.warn("Plugins folder {} cannot be looked at: {}", settings.directory(), failure);
            }
            lastLookFailure = failure;
        }
    }

    @FunctionalInterface
    private interface LifecycleWork<T> {
        T run() throws PluginRefusedException, IOException;
    }

    private <T> T onLifecycleThread(LifecycleWork<T> work) throws PluginRefusedException, IOException {
        return onLifecycleThread(work, lifecycleWait());
    }

    /**
     * Runs the work on the lifecycle thread and waits for it at most {@code wait}.
     *
     * @throws ServiceUnavailableException when it did not end in time
     */
    private <T> T onLifecycleThread(LifecycleWork<T> work, Duration wait) throws PluginRefusedException, IOException {
        requireOpen();
        Future<T> result;
        try {
            result = lifecycleThread.submit(work::run);
        } catch (RejectedExecutionException closing) {
            throw new IllegalStateException("plugin host is closed", closing);
        }
        try {
            return result.get(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException busy) {
            boolean notBegun = result.cancel(false);
            throw new ServiceUnavailableException("the plugin lifecycle did not answer within " + wait
                    + (notBegun ? ": nothing was done; try again" : ": the change goes on; GET /plugins shows its outcome"), busy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the plugin lifecycle", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case PluginRefusedException refused -> throw refused;
                case IOException io -> throw io;
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                default -> throw new IllegalStateException(e.getCause());
            }
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
}
