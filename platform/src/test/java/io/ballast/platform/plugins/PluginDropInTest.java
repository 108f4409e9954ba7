package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.copyJar;
import static io.ballast.platform.plugins.TestPluginJars.equalWeightJar;
import static io.ballast.platform.plugins.TestPluginJars.equalWeightVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.platform.config.BallastConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/**
 * The plugins folder of a running host: jars dropped in, removed and replaced while it runs,
 * uploads, and an operator's start and stop. Every wait is a poll with a deadline. (That a jar
 * still being copied is left alone is {@link PluginFolderWatchTest}'s, look by look.)
 */
class PluginDropInTest {

    /** The promise: a dropped jar is live within 10 seconds. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path plugins;

    /** Where replacement jars are made before they go into the folder. */
    @TempDir
    Path scratch;

    private PluginHost start() {
        return PluginHost.start(new BallastConfig.Plugins(plugins, Duration.ofMillis(100), Duration.ofSeconds(5), 3, 4));
    }

    @Test
    void aJarCopiedInAtRunTimeIsStartedWithinTenSeconds() throws Exception {
        try (PluginHost host = start()) {
            assertThat(host.optimizers()).isEmpty();

            long copied = System.nanoTime();
            Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
            Eventually.within(LIVE_WITHIN, "equal-weight to go live", () -> host.optimizer("equal-weight").isPresent());

            System.out.printf("drop-in: copied to started in %d ms (watch interval 100 ms)%n", Duration.ofNanos(System.nanoTime() - copied).toMillis());
            assertThat(host.optimizer("equal-weight").orElseThrow().optimize(OptimizationRequest.of(List.of("A", "B"))).weight("B"))
                    .isEqualTo(0.5);
            assertThat(host.plugin("optimizer-equal-weight").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        }
    }

    @Test
    void aRemovedJarIsStoppedAndUnloaded() throws Exception {
        Path jar = Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
        try (PluginHost host = start()) {
            Optimizer optimizer = host.optimizer("equal-weight").orElseThrow();
            PluginClassLoader classLoader = (PluginClassLoader) ((GuardedExtension) optimizer).pluginClassLoader();

            Files.delete(jar);

            Eventually.within(LIVE_WITHIN, "equal-weight to be withdrawn", () -> host.optimizer("equal-weight").isEmpty());
            assertThat(host.plugins()).isEmpty();
            Eventually.within(LIVE_WITHIN, "its class loader to be closed", classLoader::isClosed);
            assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(List.of("A"))))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageEndingWith("optimize was not called: plugin optimizer-equal-weight was unloaded: its jar was removed");
        }
    }

    @Test
    void aJarReplacedInPlaceSwapsToTheNewVersion() throws Exception {
        Path jar = Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
        Path next = equalWeightVersion(scratch.resolve("next.jar"), "2.0.0");
        try (PluginHost host = start()) {
            Optimizer before = host.optimizer("equal-weight").orElseThrow();
            PluginClassLoader oldClassLoader = (PluginClassLoader) ((GuardedExtension) before).pluginClassLoader();

            Files.copy(next, jar, StandardCopyOption.REPLACE_EXISTING); // overwritten in place, as cp does

            Eventually.within(LIVE_WITHIN, "version 2.0.0 to be live",
                    () -> host.plugin("optimizer-equal-weight").flatMap(PluginEntry::version).equals(Optional.of("2.0.0")));
            Optimizer after = host.optimizer("equal-weight").orElseThrow();
            assertThat(after).isNotSameAs(before);
            assertThat(((GuardedExtension) after).pluginClassLoader()).isNotSameAs(oldClassLoader);
            assertThat(after.optimize(OptimizationRequest.of(List.of("A", "B", "C", "D"))).weight("C")).isEqualTo(0.25);
            Eventually.within(LIVE_WITHIN, "the old class loader to be closed", oldClassLoader::isClosed);
            assertThat(before.optimize(OptimizationRequest.of(List.of("A", "B"))).weight("A"))
                    .as("an extension looked up just before the swap is answered by the new version").isEqualTo(0.5);
            assertThat(host.plugins()).singleElement().satisfies(entry -> {
                assertThat(entry.jar()).isEqualTo("equal-weight.jar");
                assertThat(entry.state()).isEqualTo(PluginState.STARTED);
                assertThat(entry.failureReason()).isEmpty();
            });
        }
    }

    @Test
    void aReplacementThatIsRefusedLeavesTheRunningVersionAsItWasUntilAGoodOneComes() throws Exception {
        Path jar = Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
        Path nextApi = copyJar(equalWeightJar(), scratch.resolve("next-api.jar"), manifest -> {
            manifest.putValue("Plugin-Version", "2.0.0");
            manifest.putValue("Plugin-Requires", "^2.0.0");
        }, Map.of());
        Path good = equalWeightVersion(scratch.resolve("good.jar"), "3.0.0");
        try (PluginHost host = start()) {
            Optimizer running = host.optimizer("equal-weight").orElseThrow();

            Files.move(nextApi, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            Eventually.within(LIVE_WITHIN, "the refusal to be noted",
                    () -> host.plugin("optimizer-equal-weight").orElseThrow().failureReason().isPresent());
            PluginEntry entry = host.plugin("optimizer-equal-weight").orElseThrow();
            assertThat(entry.state()).isEqualTo(PluginState.STARTED);
            assertThat(entry.version()).hasValue("0.1.0-SNAPSHOT");
            assertThat(entry.failureReason()).hasValue("a newer jar equal-weight.jar was refused (API_MISMATCH): plugin"
                    + " optimizer-equal-weight requires Ballast API ^2.0.0, this platform provides 1.2.0; version 0.1.0-SNAPSHOT goes on as it was");
            assertThat(host.optimizer("equal-weight")).containsSame(running);
            assertThat(running.optimize(OptimizationRequest.of(List.of("A", "B"))).weight("A")).isEqualTo(0.5);

            Files.move(good, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            Eventually.within(LIVE_WITHIN, "version 3.0.0 to be live",
                    () -> host.plugin("optimizer-equal-weight").flatMap(PluginEntry::version).equals(Optional.of("3.0.0")));
            assertThat(host.plugin("optimizer-equal-weight").orElseThrow().failureReason()).isEmpty();
        }
    }

    @Test
    void aJarRefusedForATakenPluginIdLoadsOnceTheHolderLeaves() throws Exception {
        Path first = Files.copy(equalWeightJar(), plugins.resolve("a.jar"));
        Files.copy(equalWeightJar(), plugins.resolve("b.jar"));
        try (PluginHost host = start()) {
            assertThat(host.failedPlugins()).extracting(PluginEntry::jar).containsExactly("b.jar");

            Files.delete(first);

            Eventually.within(LIVE_WITHIN, "b.jar to take over",
                    () -> host.plugin("optimizer-equal-weight").map(PluginEntry::jar).equals(Optional.of("b.jar"))
                            && host.optimizer("equal-weight").isPresent());
            assertThat(host.failedPlugins()).isEmpty();
        }
    }

    @Test
    void anOperatorStopsAndStartsAPlugin() throws Exception {
        Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
        try (PluginHost host = start()) {
            Optimizer held = host.optimizer("equal-weight").orElseThrow();

            PluginEntry stopped = host.stopPlugin("optimizer-equal-weight").orElseThrow();

            assertThat(stopped.state()).isEqualTo(PluginState.STOPPED);
            assertThat(stopped.extensions()).as("still listed, as of its last start").hasSize(1);
            assertThat(host.optimizer("equal-weight")).isEmpty();
            assertThat(host.loadedPluginIds()).isEmpty();
            assertThat(host.health().details()).containsEntry("stopped", List.of("optimizer-equal-weight"));
            assertThatThrownBy(() -> held.optimize(OptimizationRequest.of(List.of("A"))))
                    .isInstanceOf(PluginCallException.class)
                    .hasMessageEndingWith("optimize was not called: plugin optimizer-equal-weight is STOPPED");
            assertThat(host.stopPlugin("optimizer-equal-weight")).as("stopping twice changes nothing").contains(stopped);

            PluginEntry started = host.startPlugin("optimizer-equal-weight").orElseThrow();

            assertThat(started.state()).isEqualTo(PluginState.STARTED);
            assertThat(host.optimizer("equal-weight").orElseThrow().optimize(OptimizationRequest.of(List.of("A"))).weight("A")).isEqualTo(1.0);
            assertThat(host.startPlugin("no-such-plugin")).isEmpty();
            assertThat(host.stopPlugin("no-such-plugin")).isEmpty();
        }
    }

    @Test
    void startingARefusedJarsPluginIsRefusedWithItsReason() throws Exception {
        copyJar(equalWeightJar(), plugins.resolve("next-api.jar"), manifest -> manifest.putValue("Plugin-Requires", "^2.0.0"), Map.of());
        try (PluginHost host = start()) {
            assertThatThrownBy(() -> host.startPlugin("optimizer-equal-weight"))
                    .isInstanceOf(PluginRefusedException.class)
                    .hasMessage("plugin optimizer-equal-weight requires Ballast API ^2.0.0, this platform provides 1.2.0")
                    .satisfies(refused -> assertThat(((PluginRefusedException) refused).refusal()).isEqualTo(Refusal.API_MISMATCH));
        }
    }

    @Test
    void anUploadedJarIsStartedThenWrittenIntoTheFolderUnderItsPluginId() throws Exception {
        try (PluginHost host = start()) {
            PluginEntry entry = host.install(Files.readAllBytes(equalWeightJar()));

            assertThat(entry.id()).isEqualTo("optimizer-equal-weight");
            assertThat(entry.jar()).isEqualTo("optimizer-equal-weight.jar");
            assertThat(entry.state()).isEqualTo(PluginState.STARTED);
            assertThat(plugins.resolve("optimizer-equal-weight.jar")).hasSameBinaryContentAs(equalWeightJar());
            assertThat(fileNames()).containsExactly("optimizer-equal-weight.jar");
            assertThat(host.optimizer("equal-weight")).isPresent();
        }
    }

    @Test
    void anUploadOfANewVersionReplacesThePluginsOwnJar() throws Exception {
        Files.copy(equalWeightJar(), plugins.resolve("ballast-optimizer-equal-weight-0.1.0.jar"));
        Path next = equalWeightVersion(scratch.resolve("next.jar"), "2.0.0");
        try (PluginHost host = start()) {
            PluginEntry entry = host.install(Files.readAllBytes(next));

            assertThat(entry.version()).hasValue("2.0.0");
            assertThat(entry.jar()).isEqualTo("ballast-optimizer-equal-weight-0.1.0.jar");
            assertThat(fileNames()).containsExactly("ballast-optimizer-equal-weight-0.1.0.jar");
            assertThat(plugins.resolve("ballast-optimizer-equal-weight-0.1.0.jar")).hasSameBinaryContentAs(next);
            assertThat(host.plugins()).singleElement().extracting(PluginEntry::version).isEqualTo(Optional.of("2.0.0"));
        }
    }

    @Test
    void anUploadThatCannotBeWrittenLeavesNoPartialFileAndNoPluginRunning() throws Exception {
        Path taken = Files.createDirectories(plugins.resolve("optimizer-equal-weight.jar"));
        Files.writeString(taken.resolve("inside"), "a folder where the jar would go: the move over it fails");
        try (PluginHost host = start()) {
            assertThatThrownBy(() -> host.install(Files.readAllBytes(equalWeightJar())))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("the plugin jar cannot be written to " + taken);

            assertThat(fileNames()).containsExactly("optimizer-equal-weight.jar");
            assertThat(host.optimizer("equal-weight")).isEmpty();
            assertThat(host.plugins()).isEmpty();
        }
    }

    @Test
    void aRefusedUploadWritesNothingAndChangesNothing() throws Exception {
        Files.copy(equalWeightJar(), plugins.resolve("equal-weight.jar"));
        byte[] nextApi = Files.readAllBytes(copyJar(equalWeightJar(), scratch.resolve("x.jar"),
                manifest -> manifest.putValue("Plugin-Requires", "^2.0.0"), Map.of()));
        byte[] sameExtension = Files.readAllBytes(copyJar(equalWeightJar(), scratch.resolve("y.jar"),
                manifest -> manifest.putValue("Plugin-Id", "another-equal-weight"), Map.of()));
        try (PluginHost host = start()) {
            List<PluginEntry> before = host.plugins();

            assertRefused(host, "not a jar".getBytes(), Refusal.UNREADABLE_JAR);
            assertRefused(host, nextApi, Refusal.API_MISMATCH);
            assertRefused(host, sameExtension, Refusal.DUPLICATE_EXTENSION_ID);

            assertThat(fileNames()).containsExactly("equal-weight.jar");
            assertThat(host.plugins()).isEqualTo(before);
        }
    }

    private static void assertRefused(PluginHost host, byte[] jar, Refusal refusal) {
        assertThatThrownBy(() -> host.install(jar))
                .isInstanceOf(PluginRefusedException.class)
                .satisfies(refused -> assertThat(((PluginRefusedException) refused).refusal()).isEqualTo(refusal));
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
