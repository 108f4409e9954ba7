package io.ballast.platform.plugins;

import io.ballast.platform.problem.FailureMessages;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs plugin code so that a plugin that throws or hangs cannot harm the platform.
 *
 * <p>Extension calls run on a bounded pool of platform threads (never the caller's thread, so never
 * a Vert.x event loop; platform threads, because a plugin spinning in a loop would starve the
 * carriers of virtual threads). Each call waits at most the call timeout; on timeout the plugin's
 * thread is interrupted and abandoned. A call that throws (other than {@link IllegalArgumentException},
 * the plugin refusing the caller's input), times out or returns null fails with a
 * {@link PluginCallException} and counts against its plugin; after {@code failuresBeforeDisable}
 * such failures in a row the plugin's session refuses further calls and the {@link Disabler} is told.
 * A call that could not even begin (every thread busy, the plugin stopped) fails without counting.
 *
 * <p>Plugin code run while loading (a plugin's start and stop, its extensions' constructors and
 * self-descriptions) runs on a separate, unbounded pool with the same timeout, so a plugin that hung
 * its calls cannot keep another from loading.
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
    private final ThreadPoolExecutor calls;
    private final ExecutorService lifecycleCode;

    PluginCallGuard(Duration callTimeout, int failuresBeforeDisable, int callThreads, Disabler disabler) {
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        this.failuresBeforeDisable = failuresBeforeDisable;
        this.callThreads = callThreads;
        this.disabler = Objects.requireNonNull(disabler, "disabler");
        // a short queue: a call that waits long for a thread would only time out anyway
        this.calls = new ThreadPoolExecutor(callThreads, callThreads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(callThreads), daemonThreads("ballast-plugin-call-"));
        this.calls.allowCoreThreadTimeOut(true);
        this.lifecycleCode = Executors.newCachedThreadPool(daemonThreads("ballast-plugin-start-stop-"));
    }

    Duration callTimeout() {
        return callTimeout;
    }

    <T> T call(ExtensionCalls extension, String operation, Callable<T> body, boolean resultMayBeNull) {
        PluginRuntime session = extension.runtime();
        String refusal = session.refusal();
        if (refusal != null) {
            throw new PluginCallException(extension, operation, "was not called: " + refusal, null);
        }
        AtomicBoolean began = new AtomicBoolean();
        Future<T> result;
        try {
            result = calls.submit(() -> {
                began.set(true);
                return session.run(body);
            });
        } catch (RejectedExecutionException busy) {
            throw new PluginCallException(extension, operation, "was not called: all " + callThreads
                    + " plugin call threads are busy (plugins.callThreads)", busy);
        }
        try {
            T value = result.get(callTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (value == null && !resultMayBeNull) {
                throw failed(extension, operation, "returned nothing (null)", null);
            }
            session.succeeded();
            return value;
        } catch (TimeoutException late) {
            result.cancel(true);
            if (!began.get()) {
                throw new PluginCallException(extension, operation, "was not called: no plugin call thread was free within "
                        + callTimeout + " (plugins.callThreads " + callThreads + ")", late);
            }
            throw failed(extension, operation, "did not answer within " + callTimeout + " (plugins.callTimeout)", late);
        } catch (ExecutionException thrown) {
            Throwable cause = thrown.getCause();
            if (cause instanceof IllegalArgumentException refusedInput) {
                session.succeeded(); // the plugin works: it refused the caller's input, which the caller reports
                throw refusedInput;
            }
            if (cause instanceof PluginRuntime.SessionEndedException ended) {
                throw new PluginCallException(extension, operation, "was not called: " + ended.getMessage(), null);
            }
            throw failed(extension, operation, "failed: " + describe(cause), cause);
        } catch (InterruptedException interrupted) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginCallException(extension, operation, "was abandoned: the caller was interrupted", interrupted);
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
        if (session.failed() == failuresBeforeDisable) {
            String reason = "stopped after " + failuresBeforeDisable + " failed calls in a row (plugins.failuresBeforeDisable); the last: "
                    + failure.getMessage();
            session.refuseCalls("plugin " + session.pluginId() + " is FAILED: " + reason);
            disabler.disable(session, reason);
        }
        return failure;
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
