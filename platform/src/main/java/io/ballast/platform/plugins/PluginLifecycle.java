package io.ballast.platform.plugins;

import io.ballast.platform.problem.FailureMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to plugins: jars arriving in and leaving the folder, uploads, an operator's start
 * and stop, the guard's verdict on a failing plugin. Runs on the host's single lifecycle thread
 * only, so nothing here needs a lock; after every change it publishes a new {@link PluginSnapshot}.
 *
 * <p>Swapping is load-then-switch: a new jar is copied, loaded and started beside the running
 * version, checked against the other plugins, and only then published in place of it; the old
 * version is retired after, on the retirements executor: waiting for its calls in flight and its
 * stop never hold up the lifecycle (its calls are refused at once). A new jar that is refused leaves the running version as it was, with
 * the refusal noted on its entry: a plugin that does not load never replaces the working one.
 */
final class PluginLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PluginLifecycle.class);

    /** An uploaded plugin's id becomes a file name, so it must be a plain one. */
    private static final Pattern FILE_NAME_SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private final Path folder;
    private final String apiVersion;
    private final PluginFolderWatch watch;
    private final PluginJarLoader loader;
    private final Duration drain;
    private final Consumer<PluginSnapshot> publisher;
    private final Executor retirements;
    private final Map<Path, LoadedPlugin> loaded = new TreeMap<>();
    private final Map<Path, RefusedJar> refused = new TreeMap<>();
    /** Whether a plugin left (removed or replaced) since conflicts were last tried again. */
    private boolean pluginLeft;

    /**
     * @param drain     how long retiring a plugin waits for its calls in flight
     * @param publisher   receives every new snapshot
     * @param retirements where plugins that left are stopped and unloaded, off the lifecycle thread
     */
    PluginLifecycle(Path folder, String apiVersion, PluginJarLoader loader, Duration drain, Consumer<PluginSnapshot> publisher,
                    Executor retirements) {
        this.folder = folder;
        this.apiVersion = apiVersion;
        this.watch = new PluginFolderWatch(folder);
        this.loader = loader;
        this.drain = drain;
        this.publisher = publisher;
        this.retirements = retirements;
    }

    /**
     * One look at the folder: unloads the jars that left, loads (or swaps) those that arrived, and
     * tries again the jars refused for a conflict with a plugin that left.
     *
     * @param atStart the first look: the jars there are taken at once
     * @throws IOException when the folder cannot be listed
     */
    void synchronize(boolean atStart) throws IOException {
        PluginFolderWatch.Changes changes = watch.look(atStart);
        if (changes.isEmpty()) {
            return;
        }
        for (Path jar : changes.removed()) {
            remove(jar);
        }
        for (Path jar : changes.arrived()) {
            arrive(jar);
        }
        retryConflicts();
        publish();
    }

    /**
     * Starts a loaded plugin that is stopped or failed (a new session: its failure count starts at zero).
     *
     * @return the plugin's entry after the attempt (FAILED with the reason when it did not start);
     *         empty when no loaded plugin has that id
     * @throws PluginRefusedException when the id is that of a jar that was refused: it must be replaced to load
     */
    Optional<PluginEntry> start(String pluginId) throws PluginRefusedException {
        Optional<LoadedPlugin> plugin = loadedPlugin(pluginId);
        if (plugin.isEmpty()) {
            Optional<RefusedJar> refusedJar = refusedJar(pluginId);
            if (refusedJar.isPresent()) {
                throw refusedJar.get().refusal();
            }
            return Optional.empty();
        }
        LoadedPlugin target = plugin.get();
        if (target.state() != PluginState.STARTED) {
            try {
                target.start();
                requireNoConflict(target, null);
                log.info("Plugin {} {} started by an operator", target.id(), target.version());
            } catch (PluginRefusedException e) {
                target.stop(Duration.ZERO, PluginState.FAILED, e.reason());
                log.warn("Plugin {} did not start: {}", pluginId, e.reason());
            }
            publish();
        }
        return Optional.of(target.entry());
    }

    /**
     * Stops a started plugin; its extensions are withdrawn. Not remembered across restarts of the platform.
     *
     * @return its entry; empty when no plugin has that id (a refused jar's entry is returned as it is)
     */
    Optional<PluginEntry> stop(String pluginId) {
        Optional<LoadedPlugin> plugin = loadedPlugin(pluginId);
        if (plugin.isEmpty()) {
            return refusedJar(pluginId).map(RefusedJar::entry);
        }
        LoadedPlugin target = plugin.get();
        if (target.state() == PluginState.STARTED) {
            target.stop(drain, PluginState.STOPPED, null);
            log.info("Plugin {} {} stopped by an operator", target.id(), target.version());
            publish();
        }
        return Optional.of(target.entry());
    }

    /** The guard's verdict: the plugin of this session failed too often. Ignored when that session already ended. */
    void markFailed(PluginRuntime session, String reason) {
        for (LoadedPlugin plugin : loaded.values()) {
            if (plugin.session() == session) {
                // no wait for calls in flight: they are what failed
                plugin.stop(Duration.ZERO, PluginState.FAILED, reason);
                log.warn("Plugin {} {} is FAILED: {}", plugin.id(), plugin.version(), reason);
                publish();
                return;
            }
        }
    }

    /**
     * Installs an uploaded jar: loads and starts it from a private copy, and only once it works,
     * writes it into the folder (atomically, over the jar of the same plugin if there is one) and
     * swaps it in. A refused jar leaves the folder and the running plugins as they were.
     *
     * @throws PluginRefusedException why it was refused
     * @throws IOException            when it cannot be written into the folder (then nothing changed)
     */
    PluginEntry install(byte[] jar) throws PluginRefusedException, IOException {
        Path copy = loader.copyOf(jar);
        PluginJar declared;
        try {
            declared = PluginJar.read(copy);
            declared.requireApi(apiVersion);
            if (!FILE_NAME_SAFE_ID.matcher(declared.id()).matches()) {
                throw new PluginRefusedException(Refusal.NOT_A_PLUGIN, "plugin id '" + declared.id()
                        + "' cannot name a jar file: use letters, digits, '.', '_' and '-' only, at most 100").of(declared);
            }
        } catch (PluginRefusedException e) {
            loader.delete(copy);
            throw e;
        }
        Optional<LoadedPlugin> previous = loadedPlugin(declared.id());
        Path target = previous.map(LoadedPlugin::jar).orElse(folder.resolve(declared.id() + ".jar"));
        LoadedPlugin holder = loaded.get(target);
        if (holder != null && !holder.id().equals(declared.id())) {
            loader.delete(copy);
            throw new PluginRefusedException(Refusal.DUPLICATE_PLUGIN_ID, "the jar name " + target.getFileName()
                    + " is taken by plugin " + holder.id()).of(declared);
        }
        LoadedPlugin candidate = prepare(target, copy, declared, previous.orElse(null));
        Path upload = folder.resolve("." + declared.id() + ".jar.upload");
        FileStamp written;
        try {
            Files.copy(copy, upload, StandardCopyOption.REPLACE_EXISTING);
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            written = FileStamp.of(target).orElseThrow(() -> new IOException(target + " vanished right after it was written"));
        } catch (IOException e) {
            candidate.unload(Duration.ZERO, "was not installed");
            throw new IOException("the plugin jar cannot be written to " + target + ": " + FailureMessages.causeChain(e), e);
        } finally {
            deleteQuietly(upload); // gone after a move; a partial copy when the write failed
        }
        watch.handledAt(target, written);
        refused.remove(target);
        commit(target, candidate, previous.orElse(null), "uploaded");
        retryConflicts();
        publish();
        return candidate.entry();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("{} cannot be deleted: {}", file, FailureMessages.causeChain(e));
        }
    }

    /** Unloads every plugin (the host is closing), each on the retirements executor. */
    void unloadAll() {
        for (LoadedPlugin plugin : loaded.values()) {
            retire(plugin, "was unloaded: the platform is stopping");
        }
        loaded.clear();
        refused.clear();
        publish();
    }

    private void arrive(Path jar) {
        Path copy;
        try {
            copy = loader.copyOf(jar);
        } catch (IOException e) {
            if (Files.exists(jar)) {
                refuse(jar, new PluginRefusedException(Refusal.UNREADABLE_JAR, "cannot be read: " + FailureMessages.causeChain(e)));
            }
            return; // gone: the next look removes it
        }
        if (!watch.handledStamp(jar).equals(FileStamp.of(jar))) {
            // it changed while it was copied: wait until it settles again
            loader.delete(copy);
            watch.forget(jar);
            return;
        }
        LoadedPlugin previous = loaded.get(jar);
        PluginJar declared;
        try {
            declared = PluginJar.read(copy);
            declared.requireApi(apiVersion);
        } catch (PluginRefusedException e) {
            loader.delete(copy);
            refuse(jar, e);
            return;
        }
        try {
            commit(jar, prepare(jar, copy, declared, previous), previous, "dropped into the plugins folder");
        } catch (PluginRefusedException e) {
            refuse(jar, e);
        }
    }

    /**
     * Loads, starts and checks a new plugin beside the running ones; nothing is published yet.
     *
     * @param previous the plugin it is to replace, or null
     */
    private LoadedPlugin prepare(Path jar, Path copy, PluginJar declared, LoadedPlugin previous) throws PluginRefusedException {
        Optional<LoadedPlugin> sameId = loadedPlugin(declared.id()).filter(other -> other != previous);
        if (sameId.isPresent()) {
            loader.delete(copy);
            throw new PluginRefusedException(Refusal.DUPLICATE_PLUGIN_ID, "plugin " + declared.id() + " is already loaded from "
                    + sameId.get().jar().getFileName()).of(declared);
        }
        LoadedPlugin candidate;
        try {
            candidate = loader.load(jar, copy, declared);
        } catch (PluginRefusedException e) {
            loader.delete(copy);
            throw e;
        }
        try {
            candidate.start();
            requireNoConflict(candidate, previous);
            return candidate;
        } catch (PluginRefusedException e) {
            candidate.unload(Duration.ZERO, "was refused");
            throw e;
        }
    }

    /** Publishes the candidate in place of {@code previous} (if any), then retires that. */
    private void commit(Path jar, LoadedPlugin candidate, LoadedPlugin previous, String how) {
        loaded.put(jar, candidate);
        refused.remove(jar);
        publish();
        if (previous != null) {
            previous.replacedBy(candidate);
            retire(previous, "was replaced by version " + candidate.version());
            pluginLeft = true;
            log.info("Plugin {} swapped from {} to {} ({} {}), offering {}", candidate.id(), previous.version(), candidate.version(),
                    jar.getFileName(), how, candidate.offered());
        } else {
            log.info("Plugin {} {} started ({} {}), offering {}", candidate.id(), candidate.version(), jar.getFileName(), how,
                    candidate.offered());
        }
    }

    private void remove(Path jar) {
        refused.remove(jar);
        LoadedPlugin plugin = loaded.remove(jar);
        if (plugin != null) {
            publish(); // withdrawn before it is stopped
            retire(plugin, "was unloaded: its jar was removed");
            pluginLeft = true;
            log.info("Plugin {} {} unloaded: {} was removed from the plugins folder", plugin.id(), plugin.version(), jar.getFileName());
        }
    }

    /**
     * Refuses the calls of a plugin that left the lifecycle's plugins at once, then waits for its
     * calls in flight, stops and unloads it on the retirements executor.
     */
    private void retire(LoadedPlugin plugin, String why) {
        plugin.refuseCalls("plugin " + plugin.id() + " " + why);
        try {
            retirements.execute(() -> plugin.unload(drain, why));
        } catch (RejectedExecutionException closing) {
            plugin.unload(Duration.ZERO, why);
        }
    }

    private void refuse(Path jar, PluginRefusedException refusal) {
        LoadedPlugin running = loaded.get(jar);
        if (running != null) {
            running.newerJarRefused("a newer jar " + jar.getFileName() + " was refused (" + refusal.refusal() + "): "
                    + refusal.reason() + "; version " + running.version() + " goes on as it was");
            log.warn("Plugin jar {} changed but was refused, so plugin {} {} goes on as it was: {}", jar.getFileName(),
                    running.id(), running.version(), refusal.reason());
            return;
        }
        refused.put(jar, new RefusedJar(jar, refusal));
        log.warn("Plugin jar {} refused ({}): {}", jar.getFileName(), refusal.refusal(), refusal.reason());
    }

    /**
     * A jar refused because another plugin held its id or an extension id may load once that plugin
     * is gone. One pass is enough: loading a plugin frees no id.
     */
    private void retryConflicts() {
        if (!pluginLeft) {
            return;
        }
        pluginLeft = false;
        for (RefusedJar jar : List.copyOf(refused.values())) {
            if (jar.refusal().refusal().clearsWhenAPluginLeaves() && !conflictRemains(jar)) {
                refused.remove(jar.jar());
                arrive(jar.jar());
            }
        }
    }

    private boolean conflictRemains(RefusedJar jar) {
        // a jar refused for a duplicate plugin id waits for that id to be free; an extension conflict is simply tried again
        return jar.refusal().refusal() == Refusal.DUPLICATE_PLUGIN_ID
                && jar.refusal().pluginId().flatMap(this::loadedPlugin).isPresent();
    }

    /**
     * Every extension id of the candidate must be free among the other loaded plugins, started or
     * not (a stopped plugin may be started again).
     */
    private void requireNoConflict(LoadedPlugin candidate, LoadedPlugin previous) throws PluginRefusedException {
        for (LoadedPlugin other : loaded.values()) {
            if (other == candidate || other == previous) {
                continue;
            }
            for (ExtensionDescription offer : candidate.offered()) {
                for (ExtensionDescription taken : other.offered()) {
                    if (offer.point() == taken.point() && offer.id().equals(taken.id())) {
                        throw new PluginRefusedException(Refusal.DUPLICATE_EXTENSION_ID, "plugin " + candidate.id() + ": "
                                + offer.point().wireName() + " id " + offer.id() + " is already taken by plugin " + other.id()
                                + " (" + other.jar().getFileName() + ")").of(candidate.declared());
                    }
                }
            }
        }
    }

    private Optional<LoadedPlugin> loadedPlugin(String pluginId) {
        return loaded.values().stream().filter(plugin -> plugin.id().equals(pluginId)).findFirst();
    }

    private Optional<RefusedJar> refusedJar(String pluginId) {
        return refused.values().stream().filter(jar -> jar.entry().id().equals(pluginId)).findFirst();
    }

    private void publish() {
        publisher.accept(PluginSnapshot.of(new ArrayList<>(loaded.values()), new ArrayList<>(refused.values())));
    }
}
