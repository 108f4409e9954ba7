package io.ballast.platform.plugins;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One started session of a plugin, from its start to its stop: the calls into it, counted and
 * ended, and the streams it opened. Each start makes a new session, so a restarted plugin begins
 * with no failures.
 *
 * <p>A call holds the read lock while it runs; retiring the session refuses new calls and takes
 * the write lock (waiting a while for calls in flight), and never gives it back.
 */
final class PluginRuntime {

    private final String pluginId;
    private final String version;
    private final ClassLoader classLoader;
    private final int callsAtOnce;
    private final Semaphore callSlots;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicInteger stuckThreads = new AtomicInteger();
    private final ReentrantReadWriteLock calls = new ReentrantReadWriteLock();
    private final Set<SessionSubscription> openSubscriptions = ConcurrentHashMap.newKeySet();
    private volatile String refusal;
    private volatile List<GuardedExtension> successors = List.of();

    /** @param callsAtOnce how many calls into the plugin may run at the same time */
    PluginRuntime(String pluginId, String version, ClassLoader classLoader, int callsAtOnce) {
        this.pluginId = pluginId;
        this.version = version;
        this.classLoader = classLoader;
        this.callsAtOnce = callsAtOnce;
        this.callSlots = new Semaphore(callsAtOnce);
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

    int callsAtOnce() {
        return callsAtOnce;
    }

    /** Why calls are refused, or null while they are taken. */
    String refusal() {
        return refusal;
    }

    /** Notes the extensions of the version that replaced this one, before this session refuses calls. */
    void replacedBy(List<GuardedExtension> extensions) {
        successors = List.copyOf(extensions);
    }

    /** The extension that replaced {@code extension}: the same point and id in the version that replaced this one. */
    Optional<GuardedExtension> successorOf(ExtensionDescription extension) {
        return successors.stream()
                .filter(next -> next.describe().point() == extension.point() && next.describe().id().equals(extension.id()))
                .findFirst();
    }

    /** Takes one of the plugin's call slots, waiting at most {@code nanos}. */
    boolean takeCallSlot(long nanos) throws InterruptedException {
        return callSlots.tryAcquire(nanos, TimeUnit.NANOSECONDS);
    }

    void giveBackCallSlot() {
        callSlots.release();
    }

    /**
     * Runs plugin code on the current thread, in the plugin's context (see {@link PluginCallGuard#inPluginContext}),
     * as a call of this session.
     *
     * @throws SessionEndedException when the session was retired or refused calls before the call began
     */
    <T> T run(Callable<T> body) throws Exception {
        if (!calls.readLock().tryLock()) {
            throw new SessionEndedException(refusal);
        }
        try {
            String refused = refusal; // a call that waited for its thread while the session ended must not run
            if (refused != null) {
                throw new SessionEndedException(refused);
            }
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

    /** @return how many of its calls are now stuck past their timeout, this one included */
    int callThreadStuck() {
        return stuckThreads.incrementAndGet();
    }

    /** A call thread given up for stuck came back. */
    void stuckCallThreadEnded() {
        stuckThreads.decrementAndGet();
    }

    /**
     * From now on calls fail at once with {@code why}.
     *
     * @return whether this refused them (false when they were refused already)
     */
    synchronized boolean refuseCalls(String why) {
        if (refusal == null) {
            refusal = why;
            return true;
        }
        return false;
    }

    /**
     * Notes a stream the plugin opened in this session, so that ending the session closes it.
     *
     * @return false when the session already ended (the caller closes the stream)
     */
    boolean track(SessionSubscription subscription) {
        openSubscriptions.add(subscription);
        if (refusal != null) {
            openSubscriptions.remove(subscription);
            return false;
        }
        return true;
    }

    void forget(SessionSubscription subscription) {
        openSubscriptions.remove(subscription);
    }

    /** The streams still open; call after calls are refused, so no new one can be added. */
    List<SessionSubscription> openSubscriptions() {
        return List.copyOf(openSubscriptions);
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
