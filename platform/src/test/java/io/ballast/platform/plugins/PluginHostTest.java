package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.API_VERSION;
import static io.ballast.platform.plugins.TestPluginJars.classBytes;
import static io.ballast.platform.plugins.TestPluginJars.copyJar;
import static io.ballast.platform.plugins.TestPluginJars.equalWeightJar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.BallastExtension;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.health.ComponentHealth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/** The real bundled plugin jar, and jars derived from it, loaded at start through a real PF4J host. */
class PluginHostTest {

    private static final String EQUAL_WEIGHT_JAR = "ballast-optimizer-equal-weight.jar";

    @TempDir
    Path plugins;

    @Test
    void theBundledOptimizerIsFoundAndCalledThroughTheSpi() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve(EQUAL_WEIGHT_JAR));

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.failedPlugins()).isEmpty();
            assertThat(host.optimizers()).extracting(Optimizer::id).containsExactly("equal-weight");

            Optimizer optimizer = host.optimizer("equal-weight").orElseThrow();
            TargetWeights weights = optimizer.optimize(OptimizationRequest.of(List.of("AAA", "BBB", "CCC", "DDD")));

            assertThat(weights.weightByAsset()).containsExactly(
                    Map.entry("AAA", 0.25), Map.entry("BBB", 0.25), Map.entry("CCC", 0.25), Map.entry("DDD", 0.25));
            assertThat(optimizer).as("handed out guarded").isInstanceOf(GuardedOptimizer.class);
            assertThat(((GuardedExtension) optimizer).pluginClassLoader()).as("loaded from the jar, not the class path")
                    .isInstanceOf(PluginClassLoader.class);
            assertThat(optimizer.version()).isEqualTo("1.0.0");
            assertThat(optimizer.parameters()).isEmpty();
            assertThat(host.optimizer("mean-variance")).isEmpty();
        }
    }

    @Test
    void thePluginListNamesEachPluginItsStateAndItsExtensions() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve(EQUAL_WEIGHT_JAR));

        try (PluginHost host = PluginHost.start(plugins)) {
            PluginEntry entry = host.plugin("optimizer-equal-weight").orElseThrow();

            assertThat(entry.jar()).isEqualTo(EQUAL_WEIGHT_JAR);
            assertThat(entry.version()).hasValue("0.1.0-SNAPSHOT");
            assertThat(entry.state()).isEqualTo(PluginState.STARTED);
            assertThat(entry.failureReason()).isEmpty();
            assertThat(entry.refusal()).isEmpty();
            assertThat(entry.extensions()).containsExactly(new ExtensionDescription(BallastExtensionPoint.OPTIMIZER, "equal-weight",
                    "1.0.0", "Equal weight: the same fraction 1/N of portfolio value in each of the N assets; needs no estimates.",
                    List.of()));
            assertThat(host.plugins()).containsExactly(entry);
        }
    }

    @Test
    void brokenAndIncompatibleJarsAreRefusedWithReasonsWhileTheGoodOneLoads() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve(EQUAL_WEIGHT_JAR));
        Files.write(plugins.resolve("x.jar"), new byte[] {0x13, 0x37, 0x00, (byte) 0xff, 0x42, 0x17, 0x2a, 0x01});
        copyJar(equalWeightJar(), plugins.resolve("next-api.jar"), manifest -> {
            manifest.putValue("Plugin-Id", "optimizer-equal-weight-next");
            manifest.putValue("Plugin-Requires", "^2.0.0");
        }, Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.optimizers()).extracting(Optimizer::id).containsExactly("equal-weight");
            List<PluginEntry> failed = host.failedPlugins();
            assertThat(failed).extracting(PluginEntry::jar).containsExactly("next-api.jar", "x.jar");

            PluginEntry nextApi = failed.get(0);
            assertThat(nextApi.id()).isEqualTo("optimizer-equal-weight-next");
            assertThat(nextApi.version()).hasValue("0.1.0-SNAPSHOT");
            assertThat(nextApi.refusal()).hasValue(Refusal.API_MISMATCH);
            assertThat(nextApi.failureReason())
                    .hasValue("plugin optimizer-equal-weight-next requires Ballast API ^2.0.0, this platform provides " + API_VERSION);
            PluginEntry notAJar = failed.get(1);
            assertThat(notAJar.id()).as("no id declared: the file name stands for it").isEqualTo("x.jar");
            assertThat(notAJar.version()).isEmpty();
            assertThat(notAJar.refusal()).hasValue(Refusal.UNREADABLE_JAR);
            assertThat(notAJar.failureReason().orElseThrow()).startsWith("not a readable jar file: ");

            ComponentHealth health = host.health();
            assertThat(health.up()).isTrue();
            assertThat(health.details())
                    .containsEntry("apiVersion", API_VERSION)
                    .containsEntry("loaded", List.of("optimizer-equal-weight"))
                    .containsEntry("loadedCount", 1)
                    .containsEntry("failedCount", 2)
                    .containsEntry("failed", List.of(
                            Map.of("plugin", "next-api.jar", "id", "optimizer-equal-weight-next", "reason", nextApi.failureReason().orElseThrow()),
                            Map.of("plugin", "x.jar", "id", "x.jar", "reason", notAJar.failureReason().orElseThrow())));
            assertThat(health.details().get("extensions")).isEqualTo(Map.of("optimizer", List.of("equal-weight"), "strategy", List.of(),
                    "market-data-source", List.of(), "execution-venue", List.of(), "alert-channel", List.of()));
        }
    }

    @Test
    void aPluginBuiltForAnOlderMinorVersionOfTheApiLoads() throws IOException {
        copyJar(equalWeightJar(), plugins.resolve("same-major.jar"), manifest -> manifest.putValue("Plugin-Requires", "^1.0.0"), Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.apiVersion()).isEqualTo(API_VERSION);
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
        }
    }

    @Test
    void aPluginNeedingANewerMinorVersionOrDeclaringNoRangeIsRefused() throws IOException {
        copyJar(equalWeightJar(), plugins.resolve("newer.jar"), manifest -> manifest.putValue("Plugin-Requires", "^1.3.0"), Map.of());
        copyJar(equalWeightJar(), plugins.resolve("no-range.jar"), manifest -> {
            manifest.putValue("Plugin-Id", "no-range");
            manifest.remove(new Attributes.Name("Plugin-Requires"));
        }, Map.of());
        copyJar(equalWeightJar(), plugins.resolve("garbled.jar"), manifest -> {
            manifest.putValue("Plugin-Id", "garbled");
            manifest.putValue("Plugin-Requires", "one point one");
        }, Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).isEmpty();
            assertThat(host.failedPlugins()).extracting(PluginEntry::refusal).containsOnly(Optional.of(Refusal.API_MISMATCH));
            assertThat(reason(host, "newer.jar"))
                    .isEqualTo("plugin optimizer-equal-weight requires Ballast API ^1.3.0, this platform provides " + API_VERSION);
            assertThat(reason(host, "no-range.jar")).isEqualTo("plugin no-range declares no Plugin-Requires range of the Ballast API;"
                    + " this platform provides " + API_VERSION + " (declare e.g. ^" + API_VERSION + ")");
            assertThat(reason(host, "garbled.jar")).startsWith("plugin garbled: Plugin-Requires 'one point one' is not a version range: ");
        }
    }

    @Test
    void aSecondJarOfTheSamePluginIsRefused() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve("a.jar"));
        Files.copy(equalWeightJar(), plugins.resolve("b.jar"));

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.failedPlugins()).extracting(PluginEntry::jar, PluginEntry::refusal, PluginEntry::failureReason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("b.jar", Optional.of(Refusal.DUPLICATE_PLUGIN_ID),
                            Optional.of("plugin optimizer-equal-weight is already loaded from a.jar")));
            assertThat(host.plugin("optimizer-equal-weight").orElseThrow().jar()).as("the loaded one before the refused one").isEqualTo("a.jar");
        }
    }

    @Test
    void aJarThatDeclaresNoPluginIsRefused() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve(EQUAL_WEIGHT_JAR));
        copyJar(equalWeightJar(), plugins.resolve("library.jar"), manifest -> manifest.remove(new Attributes.Name("Plugin-Id")), Map.of());
        copyJar(equalWeightJar(), plugins.resolve("unversioned.jar"), manifest -> {
            manifest.putValue("Plugin-Id", "unversioned");
            manifest.remove(new Attributes.Name("Plugin-Version"));
        }, Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(reason(host, "library.jar")).isEqualTo("not a plugin: its manifest has no Plugin-Id (and it has no plugin.properties)");
            assertThat(reason(host, "unversioned.jar")).isEqualTo("plugin unversioned: its manifest has no Plugin-Version");
            assertThat(host.failedPlugins()).extracting(PluginEntry::refusal).containsOnly(Optional.of(Refusal.NOT_A_PLUGIN));
        }
    }

    @Test
    void aPluginPropertiesFileIsReadBeforeTheManifestAsPf4jDoes() throws IOException {
        copyJar(equalWeightJar(), plugins.resolve("with-properties.jar"), manifest -> { }, Map.of("plugin.properties",
                "plugin.id=from-properties\nplugin.version=9.9.9\nplugin.requires=^1.0.0\n".getBytes(StandardCharsets.ISO_8859_1)));

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("from-properties");
            assertThat(host.plugin("from-properties").orElseThrow().version()).hasValue("9.9.9");
        }
    }

    @Test
    void anOptimizerIdAlreadyTakenByAnotherPluginIsRefusedWithItsPlugin() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve("a.jar"));
        copyJar(equalWeightJar(), plugins.resolve("b.jar"), manifest -> manifest.putValue("Plugin-Id", "equal-weight-copy"), Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.optimizers()).hasSize(1);
            PluginEntry refused = host.plugin("equal-weight-copy").orElseThrow();
            assertThat(refused.refusal()).hasValue(Refusal.DUPLICATE_EXTENSION_ID);
            assertThat(refused.failureReason()).hasValue(
                    "plugin equal-weight-copy: optimizer id equal-weight is already taken by plugin optimizer-equal-weight (a.jar)");
        }
    }

    @Test
    void aJarDisabledInDisabledTxtIsRefusedAsDisabled() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve(EQUAL_WEIGHT_JAR));
        Files.writeString(plugins.resolve("disabled.txt"), "optimizer-equal-weight\n");

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).isEmpty();
            PluginEntry entry = host.plugin("optimizer-equal-weight").orElseThrow();
            assertThat(entry.refusal()).hasValue(Refusal.DISABLED);
            assertThat(entry.failureReason()).hasValue(
                    "plugin optimizer-equal-weight is disabled in the plugins folder's disabled.txt (or left out of its enabled.txt)");
        }
    }

    @Test
    void aPluginThatBundlesItsOwnCopyOfTheApiStillSharesThePlatformsOptimizerType() throws IOException {
        copyJar(equalWeightJar(), plugins.resolve("shaded.jar"), manifest -> { }, Map.of(
                "io/ballast/api/optimizer/Optimizer.class", classBytes(Optimizer.class),
                "io/ballast/api/plugin/BallastExtension.class", classBytes(BallastExtension.class)));

        try (PluginHost host = PluginHost.start(plugins)) {
            Optimizer optimizer = host.optimizer("equal-weight").orElseThrow();

            assertThat(optimizer.optimize(OptimizationRequest.of(List.of("A", "B"))).weight("A")).isEqualTo(0.5);
        }
    }

    @Test
    void aMissingFolderIsCreatedAndAnEmptyOneHostsNothing() {
        Path missing = plugins.resolve("later");

        try (PluginHost host = PluginHost.start(missing)) {
            assertThat(missing).isDirectory();
            assertThat(host.loadedPluginIds()).isEmpty();
            assertThat(host.failedPlugins()).isEmpty();
            assertThat(host.plugins()).isEmpty();
            assertThat(host.optimizers()).isEmpty();
            assertThat(host.strategies()).isEmpty();
            assertThat(host.health().up()).isTrue();
        }
    }

    @Test
    void copiesAKilledPlatformLeftBehindAreClearedAtStartAndTheFolderGoesOnClose(@TempDir Path data) throws IOException {
        Path copies = Files.createDirectories(data.resolve("plugin-copies"));
        Path stale = Files.writeString(copies.resolve("7-old.jar"), "left by a platform that was killed");
        Files.copy(equalWeightJar(), plugins.resolve(EQUAL_WEIGHT_JAR));

        try (PluginHost host = PluginHost.start(BallastConfig.Plugins.in(plugins), copies)) {
            assertThat(stale).doesNotExist();
            assertThat(host.privateCopiesFolder()).isEqualTo(copies);
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
        }
        assertThat(copies).doesNotExist();
    }

    @Test
    void closeUnloadsThePluginsOnceAndTheHostRefusesFurtherUse() throws IOException {
        Files.copy(equalWeightJar(), plugins.resolve(EQUAL_WEIGHT_JAR));
        PluginHost host = PluginHost.start(plugins);
        Optimizer optimizer = host.optimizer("equal-weight").orElseThrow();
        PluginClassLoader pluginClassLoader = (PluginClassLoader) ((GuardedExtension) optimizer).pluginClassLoader();

        host.close();
        host.close();

        assertThat(pluginClassLoader.isClosed()).isTrue();
        assertThat(host.health().up()).isFalse();
        assertThatThrownBy(host::optimizers).isInstanceOf(IllegalStateException.class).hasMessage("plugin host is closed");
        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(List.of("A"))))
                .isInstanceOf(PluginCallException.class)
                .hasMessage("plugin optimizer-equal-weight 0.1.0-SNAPSHOT, optimizer equal-weight: optimize was not called:"
                        + " plugin optimizer-equal-weight was unloaded: the platform is stopping");
    }

    private static String reason(PluginHost host, String jar) {
        return host.plugins().stream().filter(entry -> entry.jar().equals(jar)).findFirst().orElseThrow()
                .failureReason().orElseThrow();
    }
}
