package io.ballast.platform.plugins;

import io.ballast.api.plugin.BallastExtension;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.platform.problem.FailureMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.pf4j.PluginManager;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin loaded by PF4J from a private copy of its jar, in a manager of its own, with its
 * state, its current session and its guarded extensions. Used only on the host's lifecycle
 * thread, or, once it left the lifecycle's plugins, by the one task that retires it.
 */
final class LoadedPlugin {

    private static final Logger log = LoggerFactory.getLogger(LoadedPlugin.class);

    /** An extension as the plugin made it, with what it says about itself. */
    private record Offer(BallastExtensionPoint point, BallastExtension extension, ExtensionDescription description) {}

    private final Path jar;
    private final Path copy;
    private final PluginJar declared;
    private final PluginManager manager;
    private final PluginCallGuard guard;

    private PluginState state = PluginState.STOPPED;
    private String failureReason;
    private PluginRuntime session;
    private List<GuardedExtension> extensions = List.of();
    private List<ExtensionDescription> offered = List.of();

    /**
     * @param jar      the jar in the plugins folder it was loaded from
     * @param copy     the private copy PF4J loaded (the folder's jar may be replaced at any time)
     * @param declared what the jar declares
     * @param manager  the plugin's own PF4J manager, holding it loaded but not started
     */
    LoadedPlugin(Path jar, Path copy, PluginJar declared, PluginManager manager, PluginCallGuard guard) {
        this.jar = jar;
        this.copy = copy;
        this.declared = declared;
        this.manager = manager;
        this.guard = guard;
    }

    String id() {
        return declared.id();
    }

    String version() {
        return declared.version();
    }

    PluginJar declared() {
        return declared;
    }

    Path jar() {
        return jar;
    }

    PluginState state() {
        return state;
    }

    /** The current session; null unless STARTED. */
    PluginRuntime session() {
        return session;
    }

    /** What it offers (as of its last start, when it is not started now). */
    List<ExtensionDescription> offered() {
        return offered;
    }

    /** Its guarded extensions; empty unless STARTED. */
    List<GuardedExtension> extensions() {
        return state == PluginState.STARTED ? extensions : List.of();
    }

    PluginEntry entry() {
        return new PluginEntry(id(), Optional.of(version()), jar.getFileName().toString(), state, offered,
                Optional.ofNullable(failureReason), Optional.empty());
    }

    /**
     * Starts the plugin in PF4J, makes its extensions and reads their self-descriptions, all plugin
     * code under the guard's timeout; then offers them in a new session. On failure the plugin is
     * left stopped.
     *
     * @throws PluginRefusedException {@link Refusal#LOAD_FAILED} when starting threw, hung or gave
     *         unusable extensions; {@link Refusal#DUPLICATE_EXTENSION_ID} when it offers an id twice
     */
    void start() throws PluginRefusedException {
        ClassLoader classLoader = manager.getPluginClassLoader(id());
        List<Offer> offers;
        try {
            offers = guard.runStartStop(label() + ": starting", classLoader, this::startAndMakeExtensions);
        } catch (PluginCallGuard.PluginCodeFailedException e) {
            stopInPf4j();
            throw new PluginRefusedException(Refusal.LOAD_FAILED, e.getMessage()).of(declared);
        }
        Set<String> seen = new HashSet<>();
        for (Offer offer : offers) {
            if (!seen.add(offer.point().wireName() + " " + offer.description().id())) {
                stopInPf4j();
                throw new PluginRefusedException(Refusal.DUPLICATE_EXTENSION_ID,
                        label() + " offers " + offer.description() + " twice").of(declared);
            }
        }
        PluginRuntime started = new PluginRuntime(id(), version(), classLoader, guard.callsPerPlugin());
        List<GuardedExtension> guarded = new ArrayList<>();
        for (Offer offer : offers) {
            guarded.add(offer.point().guard(offer.extension(), new ExtensionCalls(guard, started, offer.description())));
        }
        session = started;
        extensions = List.copyOf(guarded);
        offered = offers.stream().map(Offer::description).toList();
        state = PluginState.STARTED;
        failureReason = null;
    }

    /**
     * Ends the session (waiting up to {@code drain} for calls in flight) and stops the plugin in PF4J.
     *
     * @param endState STOPPED or FAILED
     * @param reason   for FAILED, why; null otherwise
     */
    void stop(Duration drain, PluginState endState, String reason) {
        if (state == PluginState.STARTED) {
            String why = endState == PluginState.FAILED ? "plugin " + id() + " is FAILED: " + reason : "plugin " + id() + " is " + endState;
            endSession(why, drain);
        }
        state = endState;
        failureReason = reason;
        session = null;
        extensions = List.of();
    }

    /** Marks a plugin that is not started as FAILED, e.g. when an operator's start failed. */
    void failed(String reason) {
        state = PluginState.FAILED;
        failureReason = reason;
    }

    /** Notes why a newer jar of this plugin was refused; the plugin goes on as it is. */
    void newerJarRefused(String reason) {
        failureReason = reason;
    }

    /**
     * Stops it (when started), unloads it from PF4J (closing its class loader) and deletes its
     * private copy. Plugin code runs only under the guard's timeout: a plugin whose stop hangs is
     * unloaded all the same.
     */
    void unload(Duration drain, String why) {
        if (state == PluginState.STARTED) {
            endSession("plugin " + id() + " " + why, drain);
            state = PluginState.STOPPED;
            session = null;
            extensions = List.of();
        }
        try {
            manager.unloadPlugin(id()); // never calls the plugin's stop again: stopInPf4j left it STOPPED in PF4J
        } catch (RuntimeException | LinkageError e) {
            log.warn("Plugin {} did not unload cleanly: {}", id(), FailureMessages.causeChain(e));
        }
        try {
            Files.deleteIfExists(copy);
        } catch (IOException e) {
            log.warn("Plugin {}: its private copy {} cannot be deleted: {}", id(), copy, FailureMessages.causeChain(e));
        }
    }

    /** Hands its calls over to the version that replaces it: a call its session refuses goes there. */
    void replacedBy(LoadedPlugin next) {
        if (session != null) {
            session.replacedBy(next.extensions());
        }
    }

    /** Refuses the session's calls at once, without waiting for anything (the wait is the retirement's). */
    void refuseCalls(String why) {
        if (session != null) {
            session.refuseCalls(why);
        }
    }

    /** Ends the session: refuses calls, waits up to {@code drain} for those in flight, closes its streams, stops it in PF4J. */
    private void endSession(String why, Duration drain) {
        if (!session.retire(why, drain)) {
            log.warn("Plugin {}: calls still in flight after {}; stopping it anyway", id(), drain);
        }
        List<SessionSubscription> streams = session.openSubscriptions();
        if (!streams.isEmpty()) {
            try {
                guard.runStartStop(label() + ": closing its " + streams.size() + " streams", session.classLoader(), () -> {
                    streams.forEach(SessionSubscription::closeOnSessionEnd);
                    return null;
                });
            } catch (PluginCallGuard.PluginCodeFailedException e) {
                log.warn("{}; its bars are dropped from now on", e.getMessage());
            }
        }
        stopInPf4j();
    }

    private String label() {
        return "plugin " + id() + " " + version();
    }

    /** Runs on the guard's start-stop thread: all of it is plugin code. */
    private List<Offer> startAndMakeExtensions() {
        org.pf4j.PluginState pf4jState = manager.startPlugin(id());
        if (pf4jState != org.pf4j.PluginState.STARTED) {
            Throwable failure = manager.getPlugin(id()).getFailedException();
            throw new IllegalStateException("its start left it " + pf4jState
                    + (failure == null ? "" : ": " + failure.getClass().getSimpleName() + ": " + FailureMessages.causeChain(failure)), failure);
        }
        List<Offer> offers = new ArrayList<>();
        Set<String> madeClasses = new HashSet<>();
        for (BallastExtensionPoint point : BallastExtensionPoint.values()) {
            for (Class<? extends BallastExtension> type : manager.getExtensionClasses(point.type(), id())) {
                // created here rather than by getExtensions, which logs and skips an extension whose constructor throws
                BallastExtension extension;
                try {
                    extension = (BallastExtension) manager.getExtensionFactory().create(type);
                } catch (RuntimeException | LinkageError e) {
                    Throwable root = e;
                    while (root.getCause() != null && root.getCause() != root) {
                        root = root.getCause();
                    }
                    throw new IllegalStateException("its extension " + type.getName() + " cannot be made: "
                            + root.getClass().getSimpleName() + ": " + FailureMessages.rootCause(e), root);
                }
                offers.add(new Offer(point, extension, describe(point, type, extension)));
                madeClasses.add(type.getName());
            }
        }
        ClassLoader classLoader = manager.getPluginClassLoader(id());
        for (String declaredClass : manager.getExtensionClassNames(id())) {
            if (!madeClasses.contains(declaredClass)) {
                requireLoadable(declaredClass, classLoader);
            }
        }
        return offers;
    }

    /** PF4J logs and skips an indexed extension class it cannot load; a plugin half-loaded that way is refused instead. */
    private void requireLoadable(String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("its extension class " + className + " cannot be loaded: "
                    + e.getClass().getSimpleName() + ": " + FailureMessages.causeChain(e), e);
        }
        log.warn("Plugin {}: extension class {} implements no Ballast extension point ({}); it is ignored", id(), type.getName(),
                Arrays.stream(BallastExtensionPoint.values()).map(p -> p.type().getSimpleName()).toList());
    }

    private static ExtensionDescription describe(BallastExtensionPoint point, Class<?> type, BallastExtension extension) {
        String id = requireText(extension.id(), type, "id()");
        if (id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalStateException("extension " + type.getName() + ": id() '" + id + "' must not contain white space");
        }
        String version = requireText(extension.version(), type, "version()");
        String description = extension.description();
        if (description == null) {
            throw new IllegalStateException("extension " + type.getName() + ": description() returned nothing");
        }
        List<ParameterSpec> parameters = extension.parameters();
        if (parameters == null || parameters.stream().anyMatch(Objects::isNull)) {
            throw new IllegalStateException("extension " + type.getName() + ": parameters() must be a list without nulls");
        }
        Set<String> names = new HashSet<>();
        for (ParameterSpec parameter : parameters) {
            if (!names.add(parameter.name())) {
                throw new IllegalStateException("extension " + type.getName() + ": parameter " + parameter.name() + " is declared twice");
            }
        }
        // each default of its declared type and inside its range, as plain values the API can list
        return new ExtensionDescription(point, id, version, description, ExtensionParameters.checkDeclared(extension));
    }

    private static String requireText(String value, Class<?> type, String method) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("extension " + type.getName() + ": " + method + " returned nothing");
        }
        return value;
    }

    private void stopInPf4j() {
        PluginWrapper plugin = manager.getPlugin(id());
        if (plugin == null || plugin.getPluginState() != org.pf4j.PluginState.STARTED) {
            return;
        }
        try {
            guard.runStartStop(label() + ": stopping", plugin.getPluginClassLoader(), () -> manager.stopPlugin(id()));
        } catch (PluginCallGuard.PluginCodeFailedException e) {
            // else PF4J, still thinking it started, would call its stop again, unguarded, when it is unloaded
            plugin.setPluginState(org.pf4j.PluginState.STOPPED);
            log.warn("{}; it is treated as stopped", e.getMessage());
        }
    }
}
