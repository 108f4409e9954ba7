package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.equalWeightJar;
import static io.ballast.platform.plugins.TestPluginJars.optimizerSource;
import static io.ballast.platform.plugins.TestPluginJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.platform.config.BallastConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that throw, hang or return nothing, compiled here into real plugin jars and run by a
 * real host beside the bundled equal-weight plugin, which must go on working.
 */
class PluginFailureIsolationTest {

    private static final Duration CALL_TIMEOUT = Duration.ofMillis(400);
    private static final OptimizationRequest TWO_ASSETS = OptimizationRequest.of(List.of("A", "B"));

    @TempDir
    static Path jars;

    @TempDir
    Path plugins;

    @BeforeAll
    static void compile() {
        plugin("test-boom").extension("test.boom.BoomOptimizer",
                optimizerSource("test.boom", "BoomOptimizer", "boom", "throw new IllegalStateException(\"kaboom\");"))
                .writeTo(jars.resolve("boom.jar"));
        plugin("test-sleepy").extension("test.sleepy.SleepyOptimizer", optimizerSource("test.sleepy", "SleepyOptimizer", "sleepy", """
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("woken");"""))
                .writeTo(jars.resolve("sleepy.jar"));
        plugin("test-picky").extension("test.picky.PickyOptimizer", optimizerSource("test.picky", "PickyOptimizer", "picky",
                "throw new IllegalArgumentException(\"assets: needs at least 3, got \" + request.assets().size());"))
                .writeTo(jars.resolve("picky.jar"));
        plugin("test-flaky").extension("test.flaky.FlakyOptimizer", optimizerSource("test.flaky", "FlakyOptimizer", "flaky", """
                if (request.assets().contains("FAIL")) {
                    throw new IllegalStateException("flaked");
                }
                return new TargetWeights(Map.of(request.assets().get(0), 1.0));"""))
                .writeTo(jars.resolve("flaky.jar"));
        plugin("test-null").extension("test.none.NullOptimizer", optimizerSource("test.none", "NullOptimizer", "null", "return null;"))
                .writeTo(jars.resolve("null.jar"));
    }

    private PluginHost start(String... testJars) throws Exception {
        Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
        for (String jar : testJars) {
            Files.copy(jars.resolve(jar), plugins.resolve(jar));
        }
        return PluginHost.start(new BallastConfig.Plugins(plugins, Duration.ofMillis(100), CALL_TIMEOUT, 3, 4));
    }

    @Test
    void aThrowingOptimizerFailsEachCallClearlyAndIsMarkedFailedAfterThreeWhileTheOthersGoOn() throws Exception {
        try (PluginHost host = start("boom.jar")) {
            Optimizer boom = host.optimizer("boom").orElseThrow();
            String failure = "plugin test-boom 1.0.0, optimizer boom: optimize failed: IllegalStateException: kaboom";

            for (int call = 1; call <= 3; call++) {
                assertThatThrownBy(() -> boom.optimize(TWO_ASSETS))
                        .isInstanceOf(PluginCallException.class)
                        .hasMessage(failure)
                        .hasCauseInstanceOf(IllegalStateException.class);
            }

            Eventually.within(Duration.ofSeconds(10), "test-boom to be FAILED",
                    () -> host.plugin("test-boom").orElseThrow().state() == PluginState.FAILED);
            String reason = "stopped after 3 failed calls in a row (plugins.failuresBeforeDisable); the last: " + failure;
            assertThat(host.plugin("test-boom").orElseThrow().failureReason()).hasValue(reason);
            assertThat(host.optimizer("boom")).as("withdrawn").isEmpty();
            assertThat(host.health().details().get("failed")).isEqualTo(List.of(
                    java.util.Map.of("plugin", "boom.jar", "id", "test-boom", "reason", reason)));
            assertThatThrownBy(() -> boom.optimize(TWO_ASSETS))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessage("plugin test-boom 1.0.0, optimizer boom: optimize was not called: plugin test-boom is FAILED: " + reason);
            assertThat(host.optimizer("equal-weight").orElseThrow().optimize(TWO_ASSETS).weight("A")).isEqualTo(0.5);
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
        }
    }

    @Test
    void aFailedPluginStartedAgainBeginsWithACleanSlate() throws Exception {
        try (PluginHost host = start("boom.jar")) {
            Optimizer boom = host.optimizer("boom").orElseThrow();
            for (int call = 1; call <= 3; call++) {
                assertThatThrownBy(() -> boom.optimize(TWO_ASSETS)).isInstanceOf(PluginCallException.class);
            }
            Eventually.within(Duration.ofSeconds(10), "test-boom to be FAILED",
                    () -> host.plugin("test-boom").orElseThrow().state() == PluginState.FAILED);

            assertThat(host.startPlugin("test-boom").orElseThrow().state()).isEqualTo(PluginState.STARTED);

            Optimizer restarted = host.optimizer("boom").orElseThrow();
            assertThatThrownBy(() -> restarted.optimize(TWO_ASSETS)).hasMessageEndingWith("optimize failed: IllegalStateException: kaboom");
            assertThatThrownBy(() -> restarted.optimize(TWO_ASSETS)).hasMessageEndingWith("optimize failed: IllegalStateException: kaboom");
            assertThat(host.plugin("test-boom").orElseThrow().state()).as("two failures of the new session, not five").isEqualTo(PluginState.STARTED);
            assertThat(host.plugin("test-boom").orElseThrow().failureReason()).isEmpty();
        }
    }

    @Test
    void aHangingOptimizerTimesOutEachCallAndIsMarkedFailedWhileTheOthersAnswer() throws Exception {
        try (PluginHost host = start("sleepy.jar")) {
            Optimizer sleepy = host.optimizer("sleepy").orElseThrow();
            Optimizer equalWeight = host.optimizer("equal-weight").orElseThrow();

            for (int call = 1; call <= 3; call++) {
                assertThatThrownBy(() -> sleepy.optimize(TWO_ASSETS))
                        .isInstanceOf(PluginCallException.class)
                        .hasMessage("plugin test-sleepy 1.0.0, optimizer sleepy: optimize did not answer within PT0.4S (plugins.callTimeout)")
                        .hasCauseInstanceOf(TimeoutException.class);
                assertThat(equalWeight.optimize(TWO_ASSETS).weight("B")).isEqualTo(0.5);
            }

            Eventually.within(Duration.ofSeconds(10), "test-sleepy to be FAILED",
                    () -> host.plugin("test-sleepy").orElseThrow().state() == PluginState.FAILED);
            assertThat(host.optimizer("sleepy")).isEmpty();
            assertThat(host.plugin("test-sleepy").orElseThrow().failureReason().orElseThrow())
                    .endsWith("optimize did not answer within PT0.4S (plugins.callTimeout)");
        }
    }

    @Test
    void onlyFailuresInARowCount() throws Exception {
        try (PluginHost host = start("flaky.jar")) {
            Optimizer flaky = host.optimizer("flaky").orElseThrow();
            OptimizationRequest failing = OptimizationRequest.of(List.of("FAIL", "B"));

            for (int round = 0; round < 3; round++) {
                assertThatThrownBy(() -> flaky.optimize(failing)).isInstanceOf(PluginCallException.class);
                assertThatThrownBy(() -> flaky.optimize(failing)).isInstanceOf(PluginCallException.class);
                assertThat(flaky.optimize(TWO_ASSETS).weight("A")).isEqualTo(1.0);
            }
            assertThat(host.plugin("test-flaky").orElseThrow().state()).isEqualTo(PluginState.STARTED);

            for (int call = 1; call <= 3; call++) {
                assertThatThrownBy(() -> flaky.optimize(failing)).isInstanceOf(PluginCallException.class);
            }
            Eventually.within(Duration.ofSeconds(10), "test-flaky to be FAILED",
                    () -> host.plugin("test-flaky").orElseThrow().state() == PluginState.FAILED);
        }
    }

    @Test
    void aPluginRefusingTheCallersInputIsNotAtFault() throws Exception {
        try (PluginHost host = start("picky.jar")) {
            Optimizer picky = host.optimizer("picky").orElseThrow();

            for (int call = 1; call <= 5; call++) {
                assertThatThrownBy(() -> picky.optimize(TWO_ASSETS))
                        .isExactlyInstanceOf(IllegalArgumentException.class)
                        .hasMessage("assets: needs at least 3, got 2");
            }
            assertThat(host.plugin("test-picky").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        }
    }

    @Test
    void anOptimizerReturningNothingFails() throws Exception {
        try (PluginHost host = start("null.jar")) {
            assertThatThrownBy(() -> host.optimizer("null").orElseThrow().optimize(TWO_ASSETS))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessage("plugin test-null 1.0.0, optimizer null: optimize returned nothing (null)");
        }
    }
}
