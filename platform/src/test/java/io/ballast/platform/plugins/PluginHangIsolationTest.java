package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.equalWeightJar;
import static io.ballast.platform.plugins.TestPluginJars.optimizerSource;
import static io.ballast.platform.plugins.TestPluginJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceBarListener;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.marketdata.Subscription;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.platform.config.BallastConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that hang where the guard's timeout alone is not enough: a stop that never returns,
 * calls that ignore interrupts, a slow call in flight when its jar leaves, a stream that keeps
 * running. Each must leave the lifecycle and the other plugins working. A stuck test plugin waits
 * (ignoring interrupts) until the test sets its system property, so no thread outlives the test.
 */
class PluginHangIsolationTest {

    /** The promise: a dropped jar is live within 10 seconds. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    private static final String RELEASE = "ballast.test.release";
    private static final OptimizationRequest TWO_ASSETS = OptimizationRequest.of(List.of("A", "B"));

    private static final String STUCK = stuckUntil(RELEASE);
    /** Released by its own test, so that closing its host need not wait out the long call timeout. */
    private static final String RELEASE_SLOW = RELEASE + ".slow";

    /** Plugin code that waits, deaf to interrupts, until the system property is set. */
    private static String stuckUntil(String property) {
        return """
                while (!Boolean.getBoolean("%s")) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ignored) {
                        // a plugin that does not let go of its thread
                    }
                }
                """.formatted(property);
    }

    @TempDir
    static Path jars;

    @TempDir
    Path plugins;

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @BeforeAll
    static void compile() {
        plugin("test-stuck-stop")
                .pluginClass("test.stuckstop.StuckStopPlugin", """
                        package test.stuckstop;
                        public class StuckStopPlugin extends org.pf4j.Plugin {
                            @Override public void stop() {
                                %s
                            }
                        }
                        """.formatted(STUCK))
                .extension("test.stuckstop.Fine", optimizerSource("test.stuckstop", "Fine", "fine",
                        "return new TargetWeights(Map.of(request.assets().get(0), 1.0));"))
                .writeTo(jars.resolve("stuck-stop.jar"));
        plugin("test-spinning").extension("test.spinning.Spinning", optimizerSource("test.spinning", "Spinning", "spinning",
                        STUCK + "return new TargetWeights(Map.of(request.assets().get(0), 1.0));"))
                .writeTo(jars.resolve("spinning.jar"));
        plugin("test-slow").extension("test.slow.Slow", optimizerSource("test.slow", "Slow", "slow",
                        stuckUntil(RELEASE_SLOW) + "return new TargetWeights(Map.of(request.assets().get(0), 1.0));"))
                .writeTo(jars.resolve("slow.jar"));
        plugin("test-stream").extension("test.stream.Stream", """
                        package test.stream;

                        import io.ballast.api.marketdata.*;
                        import io.ballast.api.plugin.ParameterSpec;
                        import java.math.BigDecimal;
                        import java.time.Instant;
                        import java.util.*;

                        public class Stream implements MarketDataSource {
                            public String id() { return "stream"; }
                            public String version() { return "1.0.0"; }
                            public String description() { return "a stream that runs until it is closed"; }
                            public List<ParameterSpec> parameters() { return List.of(); }
                            public List<Instrument> instruments(Map<String, Object> parameters) { return List.of(); }
                            public List<PriceBar> bars(BarRequest request) {
                                // answers what was not asked: another asset
                                return List.of(bar("NOT-ASKED", request.firstDay().atStartOfDay(java.time.ZoneOffset.UTC).toInstant()));
                            }
                            public Optional<Subscription> subscribe(List<String> assets, Map<String, Object> parameters, PriceBarListener listener) {
                                java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
                                Thread feed = new Thread(() -> {
                                    while (!closed.get()) {
                                        listener.onBar(bar(assets.get(0), Instant.now()));
                                        try { Thread.sleep(10); } catch (InterruptedException ignored) { }
                                    }
                                }, "test-stream-feed");
                                feed.setDaemon(true);
                                feed.start();
                                return Optional.of(() -> closed.set(true));
                            }
                            private static PriceBar bar(String asset, Instant time) {
                                BigDecimal one = BigDecimal.ONE;
                                return new PriceBar(asset, time, one, one, one, one, BigDecimal.ZERO);
                            }
                        }
                        """)
                .extension("test.stream.Stray", """
                        package test.stream;

                        import io.ballast.api.strategy.*;
                        import io.ballast.api.plugin.ParameterSpec;
                        import java.util.*;

                        public class Stray implements Strategy {
                            public String id() { return "stray"; }
                            public String version() { return "1.0.0"; }
                            public String description() { return "speaks of an asset outside the universe"; }
                            public List<ParameterSpec> parameters() { return List.of(); }
                            public StrategyOutput evaluate(StrategyContext context) {
                                return StrategyOutput.ofSignals(List.of(new Signal("ZZZ", 1.0, 1.0, "not in the universe")));
                            }
                        }
                        """)
                .writeTo(jars.resolve("stream.jar"));
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @AfterAll
    static void release() {
        System.setProperty(RELEASE, "true"); // lets every stuck test plugin thread end
    }

    private PluginHost start(Duration callTimeout, int callThreads, String... testJars) throws Exception {
        for (String jar : testJars) {
            Files.copy(jars.resolve(jar), plugins.resolve(jar));
        }
        return PluginHost.start(new BallastConfig.Plugins(plugins, Duration.ofMillis(100), callTimeout, 3, callThreads));
    }

    @Test
    void aPluginWhoseStopHangsIsUnloadedAnywayAndTheLifecycleGoesOn() throws Exception {
        try (PluginHost host = start(Duration.ofMillis(400), 4, "stuck-stop.jar")) {
            assertThat(host.optimizer("fine")).isPresent();

            Files.delete(plugins.resolve("stuck-stop.jar"));
            Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));

            Eventually.within(LIVE_WITHIN, "equal-weight to go live after the stuck plugin left",
                    () -> host.optimizer("equal-weight").isPresent() && host.plugin("test-stuck-stop").isEmpty());
            assertThat(host.optimizer("equal-weight").orElseThrow().optimize(TWO_ASSETS).weight("A")).isEqualTo(0.5);
            assertThat(host.stopPlugin("optimizer-equal-weight").orElseThrow().state()).as("the lifecycle answers")
                    .isEqualTo(PluginState.STOPPED);
        }
    }

    @Test
    void anOperatorStopOfAPluginWhoseStopHangsAnswers() throws Exception {
        try (PluginHost host = start(Duration.ofMillis(400), 4, "stuck-stop.jar")) {
            CompletableFuture<Optional<PluginEntry>> stopped = CompletableFuture.supplyAsync(() -> host.stopPlugin("test-stuck-stop"), callers);

            Eventually.within(LIVE_WITHIN, "the operator's stop to answer", stopped::isDone);
            assertThat(stopped.join().orElseThrow().state()).isEqualTo(PluginState.STOPPED);
            assertThat(host.startPlugin("test-stuck-stop").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        }
    }

    @Test
    void aPluginStuckInItsCallsCannotTakeTheThreadsOfTheOthers() throws Exception {
        Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
        try (PluginHost host = start(Duration.ofMillis(400), 4, "spinning.jar")) {
            Optimizer spinning = host.optimizer("spinning").orElseThrow();
            List<CompletableFuture<Void>> stuck = List.of(
                    CompletableFuture.runAsync(() -> spinning.optimize(TWO_ASSETS), callers),
                    CompletableFuture.runAsync(() -> spinning.optimize(TWO_ASSETS), callers),
                    CompletableFuture.runAsync(() -> spinning.optimize(TWO_ASSETS), callers),
                    CompletableFuture.runAsync(() -> spinning.optimize(TWO_ASSETS), callers));
            Eventually.within(LIVE_WITHIN, "the four calls into the spinning plugin to give up", () -> stuck.stream().allMatch(CompletableFuture::isDone));
            assertThat(stuck).allSatisfy(call -> assertThat(call).isCompletedExceptionally());

            Optimizer equalWeight = host.optimizer("equal-weight").orElseThrow();
            List<CompletableFuture<Double>> healthy = List.of(
                    CompletableFuture.supplyAsync(() -> equalWeight.optimize(TWO_ASSETS).weight("A"), callers),
                    CompletableFuture.supplyAsync(() -> equalWeight.optimize(TWO_ASSETS).weight("A"), callers),
                    CompletableFuture.supplyAsync(() -> equalWeight.optimize(TWO_ASSETS).weight("A"), callers),
                    CompletableFuture.supplyAsync(() -> equalWeight.optimize(TWO_ASSETS).weight("A"), callers));
            for (CompletableFuture<Double> call : healthy) {
                assertThat(call).succeedsWithin(LIVE_WITHIN).isEqualTo(0.5);
            }
            assertThat(host.health().details().get("stuckCallThreads")).isInstanceOf(Integer.class);
            assertThat((Integer) host.health().details().get("stuckCallThreads")).isPositive();
        }
    }

    @Test
    void aSlowCallInFlightDoesNotHoldUpTheLifecycleWhenItsJarLeaves() throws Exception {
        // a call timeout well past the 10 s promise: waiting for the call on the lifecycle thread would break it
        try (PluginHost host = start(Duration.ofSeconds(30), 4, "slow.jar")) {
            Optimizer slowOptimizer = host.optimizer("slow").orElseThrow();
            CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> slowOptimizer.optimize(TWO_ASSETS), callers);
            Eventually.within(LIVE_WITHIN, "the slow call to run", () -> host.health().details().get("loaded").equals(List.of("test-slow"))
                    && Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().startsWith("ballast-plugin-call-")));

            Files.delete(plugins.resolve("slow.jar"));
            Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));

            Eventually.within(LIVE_WITHIN, "equal-weight to go live while a call of the leaving plugin runs",
                    () -> host.optimizer("equal-weight").isPresent());
            assertThat(host.optimizer("slow")).isEmpty();
            assertThat(slow).isNotDone();
            System.setProperty(RELEASE_SLOW, "true"); // before closing, which would wait for the call
        } finally {
            System.setProperty(RELEASE_SLOW, "true");
        }
    }

    @Test
    void aStreamIsClosedWhenItsPluginsJarIsRemovedAndItsBarsStop() throws Exception {
        try (PluginHost host = start(Duration.ofSeconds(2), 4, "stream.jar")) {
            AtomicInteger bars = new AtomicInteger();
            Subscription subscription = host.marketDataSource("stream").orElseThrow()
                    .subscribe(List.of("A"), Map.of(), counting(bars)).orElseThrow();
            Eventually.within(LIVE_WITHIN, "bars to arrive", () -> bars.get() > 0);

            Files.delete(plugins.resolve("stream.jar"));

            Eventually.within(LIVE_WITHIN, "the plugin's feed thread to end", () -> !feedRunning());
            int afterRemoval = bars.get();
            subscription.close(); // after its plugin left: does nothing, throws nothing
            subscription.close();
            assertThat(bars.get()).as("no bar after the feed ended").isEqualTo(afterRemoval);
        }
    }

    @Test
    void aStreamIsClosedWhenAnOperatorStopsItsPlugin() throws Exception {
        try (PluginHost host = start(Duration.ofSeconds(2), 4, "stream.jar")) {
            AtomicInteger bars = new AtomicInteger();
            host.marketDataSource("stream").orElseThrow().subscribe(List.of("A"), Map.of(), counting(bars)).orElseThrow();
            Eventually.within(LIVE_WITHIN, "bars to arrive", () -> bars.get() > 0);

            host.stopPlugin("test-stream");

            Eventually.within(LIVE_WITHIN, "the plugin's feed thread to end", () -> !feedRunning());
        }
    }

    @Test
    void outputAboutWhatWasNotAskedIsThePluginsFailure() throws Exception {
        try (PluginHost host = start(Duration.ofSeconds(2), 4, "stream.jar")) {
            MarketDataSource stream = host.marketDataSource("stream").orElseThrow();
            BarRequest request = new BarRequest(List.of("A"), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), Map.of());
            PriceHistory history = new PriceHistory(List.of(LocalDate.of(2024, 1, 2)), Map.of("A", new double[] {1.0}));
            StrategyContext context = new StrategyContext(LocalDate.of(2024, 1, 2), List.of("A"), history, 252, Optional.empty(), Map.of());

            assertThatThrownBy(() -> stream.bars(request))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessage("plugin test-stream 1.0.0, market-data-source stream: bars failed: IllegalStateException: returned a bar"
                            + " of NOT-ASKED, not asked for (asked for [A])");
            assertThatThrownBy(() -> host.strategy("stray").orElseThrow().evaluate(context))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageEndingWith("evaluate failed: IllegalStateException: returned a signal for ZZZ, outside the universe [A]");
            assertThatThrownBy(() -> stream.bars(request)).isInstanceOf(PluginCallException.class);

            Eventually.within(LIVE_WITHIN, "test-stream to be FAILED after three failures in a row",
                    () -> host.plugin("test-stream").orElseThrow().state() == PluginState.FAILED);
        }
    }

    private static PriceBarListener counting(AtomicInteger bars) {
        return (PriceBar bar) -> bars.incrementAndGet();
    }

    private static boolean feedRunning() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals("test-stream-feed") && thread.isAlive());
    }
}
