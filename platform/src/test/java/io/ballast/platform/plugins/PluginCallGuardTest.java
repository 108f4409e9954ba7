package io.ballast.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The guard on its own, with plain code standing in for plugin code. */
class PluginCallGuardTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private final List<String> disabled = new CopyOnWriteArrayList<>();
    /** The callers' own threads (the common pool may have a single one on a small machine). */
    private final ExecutorService callers = Executors.newFixedThreadPool(8);
    private final PluginCallGuard guard = new PluginCallGuard(TIMEOUT, 3, 2, (session, reason) -> disabled.add(session.pluginId() + ": " + reason));
    private final ClassLoader pluginLoader = new URLClassLoader("test-plugin", new URL[0], getClass().getClassLoader());
    private final PluginRuntime session = new PluginRuntime("test-plugin", "1.2.3", pluginLoader);
    private final ExtensionCalls calls = new ExtensionCalls(guard, session,
            new ExtensionDescription(BallastExtensionPoint.OPTIMIZER, "probe", "1.0.0", "a probe", List.of()));

    @AfterEach
    void stop() {
        guard.close();
        callers.shutdownNow();
    }

    @Test
    void aResultIsReturnedFromAnotherThreadWithThePluginsClassLoaderAsContext() {
        Thread caller = Thread.currentThread();

        List<Object> seen = calls.call("optimize", () -> List.of(Thread.currentThread(), Thread.currentThread().getContextClassLoader()));

        assertThat(seen.get(0)).isNotSameAs(caller);
        assertThat(((Thread) seen.get(0)).getName()).startsWith("ballast-plugin-call-");
        assertThat(seen.get(1)).isSameAs(pluginLoader);
        assertThat(caller.getContextClassLoader()).isNotSameAs(pluginLoader);
    }

    @Test
    void aThrowFailsTheCallNamingPluginExtensionOperationAndCause() {
        IllegalStateException kaboom = new IllegalStateException("kaboom");

        assertThatThrownBy(() -> calls.call("optimize", () -> {
            throw kaboom;
        }))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin test-plugin 1.2.3, optimizer probe: optimize failed: IllegalStateException: kaboom")
                .hasCause(kaboom)
                .satisfies(failure -> {
                    assertThat(((PluginCallException) failure).pluginId()).isEqualTo("test-plugin");
                    assertThat(((PluginCallException) failure).extensionId()).isEqualTo("probe");
                });
    }

    @Test
    void aCallRunningPastTheTimeoutFailsAndItsThreadIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);

        assertThatThrownBy(() -> calls.call("optimize", () -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        }))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin test-plugin 1.2.3, optimizer probe: optimize did not answer within PT0.3S (plugins.callTimeout)")
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aNullResultIsAFailureUnlessTheOperationReturnsNothing() {
        assertThatThrownBy(() -> calls.call("optimize", () -> null))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin test-plugin 1.2.3, optimizer probe: optimize returned nothing (null)");

        calls.run("deliver", () -> { });
        assertThat(session.failed()).as("the successful run reset the count: this is the first failure").isEqualTo(1);
    }

    @Test
    void anIllegalArgumentReachesTheCallerAsItIsAndDoesNotCount() {
        IllegalArgumentException refusedInput = new IllegalArgumentException("targetReturn: 0.9 is above the highest attainable 0.41");

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> calls.call("optimize", () -> {
                throw refusedInput;
            })).isSameAs(refusedInput);
        }
        assertThat(disabled).isEmpty();
        assertThat(session.refusal()).isNull();
    }

    @Test
    void theThirdFailureInARowDisablesThePluginOnceAndLaterCallsAreRefusedAtOnce() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> calls.call("optimize", this::fail)).isInstanceOf(PluginCallException.class);
        }
        assertThat(disabled).isEmpty();

        assertThatThrownBy(() -> calls.call("optimize", this::fail)).isInstanceOf(PluginCallException.class);

        String last = "plugin test-plugin 1.2.3, optimizer probe: optimize failed: IllegalStateException: broken";
        assertThat(disabled).containsExactly("test-plugin: stopped after 3 failed calls in a row (plugins.failuresBeforeDisable); the last: " + last);
        assertThatThrownBy(() -> calls.call("optimize", () -> "never run"))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin test-plugin 1.2.3, optimizer probe: optimize was not called: plugin test-plugin is FAILED:"
                        + " stopped after 3 failed calls in a row (plugins.failuresBeforeDisable); the last: " + last);
        assertThat(disabled).hasSize(1);
    }

    @Test
    void aSuccessBetweenFailuresStartsTheCountAgain() {
        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> calls.call("optimize", this::fail)).isInstanceOf(PluginCallException.class);
            assertThatThrownBy(() -> calls.call("optimize", this::fail)).isInstanceOf(PluginCallException.class);
            assertThat(calls.call("optimize", () -> "fine")).isEqualTo("fine");
        }

        assertThat(disabled).isEmpty();
    }

    @Test
    void aCallThatFindsEveryThreadBusyFailsWithoutCountingAgainstThePlugin() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<String>> blockers = List.of(blocker(running, release), blocker(running, release));
        try {
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            // both threads held: of three more calls, two wait in the queue (as long as the pool) and one finds it full
            List<CompletableFuture<String>> waiting = List.of(
                    CompletableFuture.supplyAsync(() -> calls.call("optimize", () -> "third"), callers),
                    CompletableFuture.supplyAsync(() -> calls.call("optimize", () -> "fourth"), callers),
                    CompletableFuture.supplyAsync(() -> calls.call("optimize", () -> "fifth"), callers));

            List<String> problems = waiting.stream().map(call -> {
                assertThat(call).failsWithin(Duration.ofSeconds(5));
                return call.handle((value, failure) -> failure.getCause().getMessage()).join();
            }).toList();

            String prefix = "plugin test-plugin 1.2.3, optimizer probe: optimize was not called: ";
            assertThat(problems).containsExactlyInAnyOrder(
                    prefix + "all 2 plugin call threads are busy (plugins.callThreads)",
                    prefix + "no plugin call thread was free within PT0.3S (plugins.callThreads 2)",
                    prefix + "no plugin call thread was free within PT0.3S (plugins.callThreads 2)");
            for (CompletableFuture<String> blocker : blockers) {
                assertThat(blocker).failsWithin(Duration.ofSeconds(5)); // they timed out: that counts
            }
            assertThat(session.failed()).as("the blockers' two timeouts counted, the calls that never ran did not").isEqualTo(3);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aRetiredSessionRefusesCallsWithItsReason() {
        assertThat(session.retire("plugin test-plugin is STOPPED", Duration.ofSeconds(1))).isTrue();

        assertThatThrownBy(() -> calls.call("optimize", () -> "never run"))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin test-plugin 1.2.3, optimizer probe: optimize was not called: plugin test-plugin is STOPPED");
    }

    @Test
    void startAndStopCodeThatHangsOrThrowsFailsWithTheWorkNamed() {
        assertThatThrownBy(() -> guard.runStartStop("plugin x 1.0: starting", pluginLoader, () -> {
            Thread.sleep(30_000);
            return null;
        }))
                .isInstanceOf(PluginCallGuard.PluginCodeFailedException.class)
                .hasMessage("plugin x 1.0: starting did not finish within PT0.3S (plugins.callTimeout)");
        assertThatThrownBy(() -> guard.runStartStop("plugin x 1.0: starting", pluginLoader, () -> {
            throw new NoClassDefFoundError("com/acme/Missing");
        }))
                .isInstanceOf(PluginCallGuard.PluginCodeFailedException.class)
                .hasMessage("plugin x 1.0: starting failed: NoClassDefFoundError: com/acme/Missing");
    }

    private String fail() {
        throw new IllegalStateException("broken");
    }

    private CompletableFuture<String> blocker(CountDownLatch running, CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> calls.call("optimize", () -> {
            running.countDown();
            while (true) {
                try {
                    if (release.await(10, TimeUnit.MILLISECONDS)) {
                        return "released";
                    }
                } catch (InterruptedException ignored) {
                    // a plugin that does not let go of its thread when interrupted
                }
            }
        }), callers);
    }
}
