package io.ballast.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.BallastExtension;
import io.ballast.platform.health.ComponentHealth;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginClassLoader;

/** The real bundled plugin jar, and jars derived from it, through a real PF4J host. */
class PluginHostTest {

    private static final String EQUAL_WEIGHT_JAR = "ballast-optimizer-equal-weight.jar";

    private static Path equalWeightJar;

    @TempDir
    Path plugins;

    @BeforeAll
    static void findTheBuiltPlugin() throws IOException {
        // built earlier in the same reactor (platform has a build-order dependency on it); tests run in platform/
        Path target = Path.of("..", "plugins", "optimizer-equal-weight", "target");
        try (Stream<Path> files = Files.list(target)) {
            equalWeightJar = files
                    .filter(file -> file.getFileName().toString().matches("ballast-optimizer-equal-weight-[0-9.]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no plugin jar in " + target + ": build with -am"));
        }
    }

    @Test
    void theBundledOptimizerIsFoundAndCalledThroughTheSpi() throws IOException {
        Files.copy(equalWeightJar, plugins.resolve(EQUAL_WEIGHT_JAR));

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.failedPlugins()).isEmpty();
            assertThat(host.optimizers()).extracting(Optimizer::id).containsExactly("equal-weight");

            Optimizer optimizer = host.optimizer("equal-weight").orElseThrow();
            TargetWeights weights = optimizer.optimize(OptimizationRequest.of(List.of("AAA", "BBB", "CCC", "DDD")));

            assertThat(weights.weightByAsset()).containsExactly(
                    Map.entry("AAA", 0.25), Map.entry("BBB", 0.25), Map.entry("CCC", 0.25), Map.entry("DDD", 0.25));
            assertThat(optimizer.getClass().getClassLoader()).as("loaded from the jar, not the class path")
                    .isInstanceOf(PluginClassLoader.class);
            assertThat(host.optimizer("mean-variance")).isEmpty();
        }
    }

    @Test
    void brokenAndIncompatibleJarsAreSkippedWithReasonsWhileTheGoodOneLoads() throws IOException {
        Files.copy(equalWeightJar, plugins.resolve(EQUAL_WEIGHT_JAR));
        Files.write(plugins.resolve("x.jar"), new byte[] {0x13, 0x37, 0x00, (byte) 0xff, 0x42, 0x17, 0x2a, 0x01});
        copyJar(equalWeightJar, plugins.resolve("next-api.jar"), manifest -> {
            manifest.putValue("Plugin-Id", "optimizer-equal-weight-next");
            manifest.putValue("Plugin-Requires", "^2.0.0");
        }, Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.optimizers()).extracting(Optimizer::id).containsExactly("equal-weight");
            assertThat(host.failedPlugins()).extracting(FailedPlugin::plugin).containsExactly("next-api.jar", "x.jar");
            assertThat(host.failedPlugins().get(0).reason())
                    .isEqualTo("plugin optimizer-equal-weight-next requires Ballast API ^2.0.0, this platform provides 1.0.0");
            assertThat(host.failedPlugins().get(1).reason()).startsWith("not a readable jar file: ");

            ComponentHealth health = host.health();
            assertThat(health.up()).isTrue();
            assertThat(health.details())
                    .containsEntry("apiVersion", "1.0.0")
                    .containsEntry("loaded", List.of("optimizer-equal-weight"))
                    .containsEntry("optimizers", List.of("equal-weight"))
                    .containsEntry("failed", List.of(
                            Map.of("plugin", "next-api.jar", "reason", host.failedPlugins().get(0).reason()),
                            Map.of("plugin", "x.jar", "reason", host.failedPlugins().get(1).reason())));
        }
    }

    @Test
    void aPluginRequiringTheCurrentMajorVersionLoads() throws IOException {
        copyJar(equalWeightJar, plugins.resolve("same-major.jar"), manifest -> manifest.putValue("Plugin-Requires", "^1.0.0"), Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.apiVersion()).isEqualTo("1.0.0");
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
        }
    }

    @Test
    void aSecondJarOfTheSamePluginIsSkipped() throws IOException {
        Files.copy(equalWeightJar, plugins.resolve("a.jar"));
        Files.copy(equalWeightJar, plugins.resolve("b.jar"));

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.failedPlugins()).containsExactly(
                    new FailedPlugin("b.jar", "plugin optimizer-equal-weight is already loaded from a.jar"));
        }
    }

    @Test
    void aJarThatDeclaresNoPluginIsSkipped() throws IOException {
        Files.copy(equalWeightJar, plugins.resolve(EQUAL_WEIGHT_JAR));
        copyJar(equalWeightJar, plugins.resolve("library.jar"), manifest -> manifest.remove(new Attributes.Name("Plugin-Id")), Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.failedPlugins()).containsExactly(new FailedPlugin("library.jar",
                    "not a plugin: its manifest has no Plugin-Id (and it has no plugin.properties)"));
        }
    }

    @Test
    void anOptimizerIdAlreadyTakenByAnotherPluginIsRefusedWithItsPlugin() throws IOException {
        Files.copy(equalWeightJar, plugins.resolve("a.jar"));
        copyJar(equalWeightJar, plugins.resolve("b.jar"), manifest -> manifest.putValue("Plugin-Id", "equal-weight-copy"), Map.of());

        try (PluginHost host = PluginHost.start(plugins)) {
            assertThat(host.loadedPluginIds()).containsExactly("optimizer-equal-weight");
            assertThat(host.optimizers()).hasSize(1);
            assertThat(host.failedPlugins()).containsExactly(new FailedPlugin("b.jar",
                    "plugin equal-weight-copy offers an unusable extension: optimizer id equal-weight is already taken by another extension"));
        }
    }

    @Test
    void aPluginThatBundlesItsOwnCopyOfTheApiStillSharesThePlatformsOptimizerType() throws IOException {
        copyJar(equalWeightJar, plugins.resolve("shaded.jar"), manifest -> { }, Map.of(
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
            assertThat(host.optimizers()).isEmpty();
            assertThat(host.health().up()).isTrue();
        }
    }

    @Test
    void closeUnloadsThePluginsOnceAndTheHostRefusesFurtherUse() throws IOException {
        Files.copy(equalWeightJar, plugins.resolve(EQUAL_WEIGHT_JAR));
        PluginHost host = PluginHost.start(plugins);
        PluginClassLoader pluginClassLoader = (PluginClassLoader) host.optimizer("equal-weight").orElseThrow()
                .getClass().getClassLoader();

        host.close();
        host.close();

        assertThat(pluginClassLoader.isClosed()).isTrue();
        assertThat(host.health().up()).isFalse();
        assertThatThrownBy(host::optimizers).isInstanceOf(IllegalStateException.class).hasMessage("plugin host is closed");
    }

    /** Copies a jar, editing its manifest's main attributes and adding entries. */
    private static void copyJar(Path source, Path target, Consumer<Attributes> editManifest, Map<String, byte[]> extraEntries)
            throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            editManifest.accept(manifest.getMainAttributes());
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
            entries.putAll(extraEntries);
            try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    out.putNextEntry(new JarEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
        }
    }

    private static byte[] classBytes(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }
}
