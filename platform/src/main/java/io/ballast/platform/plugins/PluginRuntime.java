package io.ballast.platform.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One started session of a plugin, from its start to its stop: the calls into it, counted and
 * ended. Each start makes a new session, so a restarted plugin begins with no failures.
 *
 * <p>A call holds the read lock while it runs; retiring the session refuses new calls and takes
 * the write lock (waiting a while for calls in flight), and never gives it back.
 */
final class PluginRuntime {

    private final String pluginId;
    private final String version;
    private final ClassLoader classLoader;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final ReentrantReadWriteLock calls = new ReentrantReadWriteLock();
    private volatile String refusal;

    PluginRuntime(String pluginId, String version, ClassLoader classLoader) {
        this.pluginId = pluginId;
        this.version = version;
        this.classLoader = classLoader;
    }

    String pluginId() {
        return pluginId;
    }

    String version() {
        return version;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    /** Why calls are refused, or null while they are taken. */
    String refusal() {
        return refusal;
    }

    /**
     * Runs plugin code on the current thread, in the plugin's context (see {@link PluginCallGuard#inPluginContext}),
     * as a call of this session.
     *
     * @throws SessionEndedException when the session was retired before the call began
     */
    <T> T run(Callable<T> body) throws Exception {
        if (!calls.readLock().tryLock()) {
            throw new SessionEndedException(refusal);
        }
        try {
            return PluginCallGuard.inPluginContext(classLoader, body);
        } finally {
            calls.readLock().unlock();
        }
    }

    void succeeded() {
        consecutiveFailures.set(0);
    }

    /** @return the number of failures in a row, this one included */
    int failed() {
        return consecutiveFailures.incrementAndGet();
    }

    /** From now on calls fail at once with {@code why}. */
    void refuseCalls(String why) {
        if (refusal == null) {
            refusal = why;
        }
    }

    /**
     * Refuses new calls and waits up to {@code drain} for those in flight to end (a call stuck in
     * plugin code is abandoned, not waited for).
     *
     * @return whether every call in flight ended
     */
    boolean retire(String why, Duration drain) {
        refuseCalls(why);
        try {
            return calls.writeLock().tryLock(drain.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The call found the session retired. */
    static final class SessionEndedException extends Exception {

        private static final long serialVersionUID = 1L;

        SessionEndedException(String refusal) {
            super(refusal);
        }
    }
}
