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
    private final PluginRuntime session = new PluginRuntime("test-plugin", "1.2.3", pluginLoader, guard.callsPerPlugin());
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
    void anIllegalArgumentReachesTheCallerAsAPlatformCopyAndDoesNotCount() {
        IllegalArgumentException refusedInput = new IllegalArgumentException("targetReturn: 0.9 is above the highest attainable 0.41");

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> calls.call("optimize", () -> {
                throw refusedInput;
            }))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("targetReturn: 0.9 is above the highest attainable 0.41")
                    .hasNoCause()
                    .isNotSameAs(refusedInput); // the plugin's own object would keep its class loader reachable
        }
        assertThat(disabled).isEmpty();
        assertThat(session.refusal()).isNull();
    }

    @Test
    void aSubclassOfIllegalArgumentIsAPluginBugAndCounts() {
        assertThatThrownBy(() -> calls.call("optimize", () -> Integer.parseInt("twelve")))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin test-plugin 1.2.3, optimizer probe: optimize failed: NumberFormatException: For input string: \"twelve\"");
        assertThat(session.failed()).as("the NumberFormatException counted: this is the second failure").isEqualTo(2);
    }

    @Test
    void aCallThatWaitedWhileItsSessionEndedDoesNotRun() {
        List<String> ran = new CopyOnWriteArrayList<>();
        session.refuseCalls("plugin test-plugin is FAILED: broken");

        assertThatThrownBy(() -> session.run(() -> ran.add("ran")))
                .isInstanceOf(PluginRuntime.SessionEndedException.class)
                .hasMessage("plugin test-plugin is FAILED: broken");
        assertThat(ran).isEmpty();
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
    void aCallThatFindsItsPluginsSlotsTakenFailsWithoutCountingAgainstThePlugin() throws Exception {
        assertThat(guard.callsPerPlugin()).as("a quarter of 2 call threads, at least one").isEqualTo(1);
        assertThat(session.takeCallSlot(0)).isTrue(); // as a call running all along would

        assertThatThrownBy(() -> calls.call("optimize", () -> "never run"))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin test-plugin 1.2.3, optimizer probe: optimize was not called: its plugin already runs 1 calls"
                        + " (a quarter of plugins.callThreads 2) and none ended within PT0.3S");
        assertThat(session.failed()).as("the call that never ran did not count").isEqualTo(1);
    }

    @Test
    void aCallsTimeoutStartsWhenItBeginsNotWhileItWaitsForAThread() throws Exception {
        // two call threads, three plugins each running one call of 0.6 s under a 1 s timeout: the third waits 0.6 s, then runs 0.6 s
        try (PluginCallGuard roomy = new PluginCallGuard(Duration.ofSeconds(1), 3, 2, (s, reason) -> disabled.add(reason))) {
            List<CompletableFuture<String>> answers = List.of("first", "second", "third").stream()
                    .map(name -> {
                        ExtensionCalls plugin = new ExtensionCalls(roomy, new PluginRuntime(name, "1.0.0", pluginLoader, 1),
                                new ExtensionDescription(BallastExtensionPoint.OPTIMIZER, name, "1.0.0", "slow", List.of()));
                        return CompletableFuture.supplyAsync(() -> plugin.call("optimize", () -> {
                            Thread.sleep(600);
                            return name;
                        }), callers);
                    })
                    .toList();

            assertThat(answers).map(answer -> answer.get(10, TimeUnit.SECONDS)).containsExactly("first", "second", "third");
            assertThat(disabled).isEmpty();
        }
    }

    @Test
    void callThreadsStuckInAPluginAreReplacedAndThePluginIsFailedOnceItHoldsAsManyAsItMayFailInARow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (PluginCallGuard four = new PluginCallGuard(TIMEOUT, 3, 4, (s, reason) -> disabled.add(s.pluginId() + ": " + reason))) {
            ExtensionCalls stuck = new ExtensionCalls(four, new PluginRuntime("stuck", "1.0.0", pluginLoader, four.callsPerPlugin()),
                    new ExtensionDescription(BallastExtensionPoint.OPTIMIZER, "stuck", "1.0.0", "stuck", List.of()));
            ExtensionCalls healthy = new ExtensionCalls(four, new PluginRuntime("healthy", "1.0.0", pluginLoader, four.callsPerPlugin()),
                    new ExtensionDescription(BallastExtensionPoint.OPTIMIZER, "healthy", "1.0.0", "healthy", List.of()));
            for (int round = 0; round < 3; round++) {
                // a success between, so it is the stuck threads, not failures in a row, that fail it
                assertThatThrownBy(() -> stuck.call("optimize", () -> ignoreInterruptsUntil(release))).isInstanceOf(PluginCallException.class);
                if (round < 2) {
                    assertThat(stuck.call("optimize", () -> "fine")).isEqualTo("fine");
                }
            }

            assertThat(four.stuckCallThreads()).isEqualTo(3);
            assertThat(disabled).containsExactly("stuck: stopped: 3 of its call threads are stuck in it past plugins.callTimeout PT0.3S"
                    + " (plugins.failuresBeforeDisable)");
            assertThatThrownBy(() -> stuck.call("optimize", () -> ignoreInterruptsUntil(release)))
                    .hasMessageContaining("optimize was not called: plugin stuck is FAILED");
            List<CompletableFuture<String>> others = List.of(1, 2, 3, 4).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> healthy.call("optimize", () -> "answer " + i), callers))
                    .toList();
            assertThat(others).map(answer -> answer.get(10, TimeUnit.SECONDS)).containsExactly("answer 1", "answer 2", "answer 3", "answer 4");

            release.countDown();
            Eventually.within(Duration.ofSeconds(10), "the stuck threads to come back", () -> four.stuckCallThreads() == 0);
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

    private static String ignoreInterruptsUntil(CountDownLatch release) {
        while (true) {
            try {
                if (release.await(10, TimeUnit.MILLISECONDS)) {
                    return "released";
                }
            } catch (InterruptedException ignored) {
                // a plugin that does not let go of its thread when interrupted
            }
        }
    }
}
