package io.ballast.platform.plugins;

import io.ballast.platform.problem.FailureMessages;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plugin code so that a plugin that throws or hangs cannot harm the platform.
 *
 * <p>Extension calls run on platform threads of the guard's own (never the caller's thread, so never
 * a Vert.x event loop; platform threads, because a plugin spinning in a loop would starve the
 * carriers of virtual threads). At most {@code callThreads} calls run at once, and at most a
 * quarter of that (at least one) into any one plugin, so that one plugin cannot take every thread.
 * A call waits at most the call timeout for its turn (that wait does not count against anyone),
 * then at most the call timeout to run. On timeout the plugin's thread is interrupted and, when it
 * does not let go, abandoned: its turn is given back so another thread can take it, and a plugin
 * with {@code failuresBeforeDisable} threads stuck at once is FAILED at once. How many threads
 * are stuck is in the plugin host's health.
 *
 * <p>A call that throws (other than exactly {@link IllegalArgumentException}, the plugin refusing
 * the caller's input, which reaches the caller as a platform copy of its message), times out or
 * returns null fails with a {@link PluginCallException} and counts against its plugin; after
 * {@code failuresBeforeDisable} such failures in a row the plugin's session refuses further calls
 * and the {@link Disabler} is told. A call that could not even begin (no turn within the timeout,
 * the plugin stopped) fails without counting.
 *
 * <p>Plugin code run while loading (a plugin's start and stop, its extensions' constructors and
 * self-descriptions, closing its streams) runs on a separate, unbounded pool with the same timeout,
 * so a plugin that hung its calls cannot keep another from loading.
 */
final class PluginCallGuard implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PluginCallGuard.class);

    /** Told once per session, from a call's thread, when a plugin reached its failures in a row. */
    @FunctionalInterface
    interface Disabler {
        void disable(PluginRuntime session, String reason);
    }

    private final Duration callTimeout;
    private final int failuresBeforeDisable;
    private final int callThreads;
    private final Disabler disabler;
    private final Semaphore callTurns;
    private final AtomicInteger stuckCallThreads = new AtomicInteger();
    private final ExecutorService calls;
    private final ExecutorService lifecycleCode;

    PluginCallGuard(Duration callTimeout, int failuresBeforeDisable, int callThreads, Disabler disabler) {
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.failuresBeforeDisable = failuresBeforeDisable;
        this.callThreads = callThreads;
        this.disabler = Objects.requireNonNull(disabler, "disabler");
        this.callTurns = new Semaphore(callThreads);
        // unbounded: the turns bound the calls running; a thread abandoned in plugin code is replaced, not waited for
        this.calls = Executors.newCachedThreadPool(daemonThreads("ballast-plugin-call-"));
        this.lifecycleCode = Executors.newCachedThreadPool(daemonThreads("ballast-plugin-start-stop-"));
    }

    Duration callTimeout() {
        return callTimeout;
    }

    /** How many calls into one plugin may run at once: a quarter of the call threads, at least one. */
    int callsPerPlugin() {
        return Math.max(1, callThreads / 4);
    }

    /** Call threads given up on: stuck in plugin code past their timeout, not yet come back. */
    int stuckCallThreads() {
        return stuckCallThreads.get();
    }

    <T> T call(ExtensionCalls extension, String operation, Callable<T> body, boolean resultMayBeNull) {
        PluginRuntime session = extension.runtime();
        String refusal = session.refusal();
        if (refusal != null) {
            throw PluginCallException.notCalled(extension, operation, "was not called: " + refusal, null);
        }
        long turnDeadline = System.nanoTime() + callTimeout.toNanos();
        try {
            if (!session.takeCallSlot(callTimeout.toNanos())) {
                throw PluginCallException.notCalled(extension, operation, "was not called: its plugin already runs " + session.callsAtOnce()
                        + " calls (a quarter of plugins.callThreads " + callThreads + ") and none ended within " + callTimeout, null);
            }
            if (!callTurns.tryAcquire(Math.max(0, turnDeadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                session.giveBackCallSlot();
                throw PluginCallException.notCalled(extension, operation, "was not called: no plugin call thread was free within "
                        + callTimeout + " (plugins.callThreads " + callThreads + ")", null);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw PluginCallException.notCalled(extension, operation, "was not called: the caller was interrupted", interrupted);
        }
        Turn turn = new Turn(session);
        Future<T> result;
        try {
            result = calls.submit(() -> {
                try {
                    return session.run(body);
                } finally {
                    turn.end();
                }
            });
        } catch (RejectedExecutionException closed) {
            turn.end();
            throw PluginCallException.notCalled(extension, operation, "was not called: the plugin host is closed", closed);
        }
        try {
            // the clock starts now: the thread is new or idle, so the call begins at once
            T value = result.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (value == null && !resultMayBeNull) {
                throw failed(extension, operation, "returned nothing (null)", null);
            }
            session.succeeded();
            return value;
        } catch (TimeoutException late) {
            result.cancel(true);
            PluginCallException failure = failed(extension, operation, "did not answer within " + callTimeout + " (plugins.callTimeout)", late);
            turn.abandon(); // after the failure is counted: failures in a row name the plugin's fault before stuck threads do
            throw failure;
        } catch (ExecutionException thrown) {
            Throwable cause = thrown.getCause();
            if (cause.getClass() == IllegalArgumentException.class) {
                session.succeeded(); // the plugin works: it refused the caller's input, which the caller reports
                // a copy: the plugin's own exception would keep its class loader reachable
                throw new IllegalArgumentException(cause.getMessage());
            }
            if (cause instanceof PluginRuntime.SessionEndedException ended) {
                throw PluginCallException.notCalled(extension, operation, "was not called: " + ended.getMessage(), null);
            }
            throw failed(extension, operation, "failed: " + describe(cause), cause);
        } catch (InterruptedException interrupted) {
            result.cancel(true);
            turn.abandon();
            Thread.currentThread().interrupt();
            throw new PluginCallException(extension, operation, "was abandoned: the caller was interrupted", interrupted);
        }
    }

    /**
     * A call's turn: its plugin's slot and a call thread. Given back once, by whichever comes first:
     * the call ending, or the caller giving up on it (then its thread, while still in plugin code, is stuck).
     */
    private final class Turn {

        private final PluginRuntime session;
        private final AtomicBoolean given = new AtomicBoolean();
        private volatile boolean abandoned;

        Turn(PluginRuntime session) {
            this.session = session;
        }

        void end() {
            if (!giveBack()) {
                if (abandoned) {
                    stuckCallThreads.decrementAndGet();
                    session.stuckCallThreadEnded();
                }
            }
        }

        void abandon() {
            abandoned = true;
            if (giveBack()) {
                stuckCallThreads.incrementAndGet();
                int stuck = session.callThreadStuck();
                if (stuck >= failuresBeforeDisable) {
                    disable(session, "stopped: " + stuck + " of its call threads are stuck in it past plugins.callTimeout "
                            + callTimeout + " (plugins.failuresBeforeDisable)");
                }
            } else {
                abandoned = false; // it ended just now: nothing is stuck
            }
        }

        private boolean giveBack() {
            if (given.compareAndSet(false, true)) {
                callTurns.release();
                session.giveBackCallSlot();
                return true;
            }
            return false;
        }
    }

    /**
     * Runs plugin code of a plugin's start or stop on the start-stop pool, waiting at most the call timeout.
     *
     * @param what names the work in the failure, e.g. {@code plugin x 1.0.0: start}
     * @throws PluginCodeFailedException when it threw or did not finish in time (the thread is then abandoned)
     */
    <T> T runStartStop(String what, ClassLoader pluginClassLoader, Callable<T> body) throws PluginCodeFailedException {
        Future<T> result = lifecycleCode.submit(() -> inPluginContext(pluginClassLoader, body));
        try {
            return result.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            result.cancel(true);
            throw new PluginCodeFailedException(what + " did not finish within " + callTimeout + " (plugins.callTimeout)");
        } catch (ExecutionException thrown) {
            log.warn("{} failed", what, thrown.getCause()); // the stack trace is for the plugin's author
            throw new PluginCodeFailedException(what + " failed: " + describe(thrown.getCause()));
        } catch (InterruptedException interrupted) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCodeFailedException(what + " was abandoned: interrupted");
        }
    }

    /**
     * Runs plugin code with the plugin's class loader as the thread's context class loader:
     * libraries inside a plugin look up their classes and resources there.
     */
    static <T> T inPluginContext(ClassLoader pluginClassLoader, Callable<T> body) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(pluginClassLoader);
        try {
            return body.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Stops the pools; threads stuck in plugin code are interrupted and, being daemons, do not keep the JVM alive. */
    @Override
    public void close() {
        calls.shutdownNow();
        lifecycleCode.shutdownNow();
    }

    private PluginCallException failed(ExtensionCalls extension, String operation, String problem, Throwable cause) {
        PluginRuntime session = extension.runtime();
        PluginCallException failure = new PluginCallException(extension, operation, problem, cause);
        if (session.failed() >= failuresBeforeDisable) {
            disable(session, "stopped after " + failuresBeforeDisable + " failed calls in a row (plugins.failuresBeforeDisable); the last: "
                    + failure.getMessage());
        }
        return failure;
    }

    /** Refuses the session's calls and tells the disabler, once per session. */
    private void disable(PluginRuntime session, String reason) {
        if (session.refuseCalls("plugin " + session.pluginId() + " is FAILED: " + reason)) {
            disabler.disable(session, reason);
        }
    }

    /** The cause's type and message: a plugin's NullPointerException says little without its type. */
    private static String describe(Throwable cause) {
        String chain = FailureMessages.causeChain(cause);
        String type = cause.getClass().getSimpleName();
        return chain.startsWith(type) ? chain : type + ": " + chain;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Plugin code run while starting or stopping a plugin threw or hung. */
    static final class PluginCodeFailedException extends Exception {

        private static final long serialVersionUID = 1L;

        PluginCodeFailedException(String message) {
            super(message);
        }
    }
}
