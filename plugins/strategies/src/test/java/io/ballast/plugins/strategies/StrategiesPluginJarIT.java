package io.ballast.plugins.strategies;

import static io.ballast.plugins.strategies.MarketFixtures.alternating;
import static io.ballast.plugins.strategies.MarketFixtures.calmMarket;
import static io.ballast.plugins.strategies.MarketFixtures.context;
import static io.ballast.plugins.strategies.MarketFixtures.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.strategy.MarketRegime;
import io.ballast.api.strategy.RegimeCall;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * The packaged plugin jar, as the platform meets it: its manifest and extension index, its bundled
 * Commons Math, and PF4J loading it with a parent class loader that shows only the JDK, the SPI, PF4J
 * and SLF4J (as the platform's {@code PluginVisibleClasses} does). The platform's own {@code PluginHost}
 * cannot be used here: the platform module depends on this one, not the other way round.
 */
class StrategiesPluginJarIT {

    private static final List<String> EXTENSION_CLASSES = List.of(
            "io.ballast.plugins.strategies.CrossSectionalMomentumStrategy",
            "io.ballast.plugins.strategies.MarketRegimeStrategy",
            "io.ballast.plugins.strategies.MeanReversionStrategy",
            "io.ballast.plugins.strategies.TimeSeriesMomentumStrategy");

    private static final Path JAR = Path.of(System.getProperty("ballast.plugin.jar"));

    private PluginManager manager;

    @AfterEach
    void unload() {
        if (manager != null) {
            // by id: PF4J 3.15's unloadPlugins() removes from the list it iterates
            manager.unloadPlugin("strategies");
        }
    }

    @Test
    void theManifestNamesThePluginAndTheApiRangeItNeeds() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();

            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("strategies");
            assertThat(manifest.getValue("Plugin-Class")).isEqualTo(StrategiesPlugin.class.getName());
            assertThat(manifest.getValue("Plugin-Requires")).isEqualTo("^" + System.getProperty("ballast.api.version"));
            assertThat(manifest.getValue("Plugin-Version")).isNotBlank();
        }
    }

    @Test
    void theExtensionIndexNamesTheFourStrategiesAndTheJarCarriesCommonsMathButNotTheApi() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile()); InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
            List<String> indexed = new String(index.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();

            assertThat(indexed).containsExactlyInAnyOrderElementsOf(EXTENSION_CLASSES);
            assertThat(jar.getEntry("org/apache/commons/math3/distribution/TDistribution.class")).isNotNull();
            assertThat(jar.stream().map(entry -> entry.getName()).filter(name -> name.startsWith("io/ballast/api/"))).isEmpty();
        }
    }

    @Test
    void pf4jLoadsAndStartsItAndItsStrategiesRunOnTheirOwnClassLoader(@TempDir Path plugins) throws IOException {
        Files.copy(JAR, plugins.resolve(JAR.getFileName()));
        manager = new IsolatedPluginManager(plugins, System.getProperty("ballast.api.version"));

        manager.loadPlugins();
        manager.startPlugins();
        List<Strategy> strategies = manager.getExtensions(Strategy.class, "strategies");

        assertThat(manager.getPlugin("strategies").getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(strategies).extracting(Strategy::id).containsExactlyInAnyOrder(
                "time-series-momentum", "cross-sectional-momentum", "mean-reversion", "market-regime");
        assertThat(strategies).allSatisfy(strategy -> assertThat(strategy.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class));
        StrategyContext calmRise = context(history("MKT", calmMarket(0.15)), Map.of());
        for (Strategy strategy : strategies) {
            // every strategy runs on Commons Math from inside the jar: the parent loader has none
            var output = strategy.evaluate(strategy.id().equals("cross-sectional-momentum")
                    ? context(history(Map.of("A", alternating(300, 0.001, 0.01), "B", alternating(300, -0.001, 0.01))), Map.of())
                    : calmRise);
            assertThat(output.signals().isEmpty() && output.regime().isEmpty()).isFalse();
        }
        // the same call as MarketRegimeStrategyTest's 15% rise (numpy: BULL, 0.4844957983192119)
        RegimeCall call = strategies.stream().filter(strategy -> strategy.id().equals("market-regime")).findFirst().orElseThrow()
                .evaluate(calmRise).regime().orElseThrow();
        assertThat(call.regime()).isEqualTo(MarketRegime.BULL);
        assertThat(call.confidence()).isCloseTo(0.4844957983192119, within(1e-9));
    }

    /** PF4J whose plugins see of the test's class path only the SPI, PF4J and SLF4J, like the platform's. */
    private static final class IsolatedPluginManager extends DefaultPluginManager {

        IsolatedPluginManager(Path plugins, String apiVersion) {
            super(plugins);
            setSystemVersion(apiVersion);
        }

        @Override
        protected PluginLoader createPluginLoader() {
            ClassLoader visible = new VisibleClasses(StrategiesPluginJarIT.class.getClassLoader());
            return new JarPluginLoader(this) {
                @Override
                protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor pluginDescriptor) {
                    return new PluginClassLoader(pluginManager, pluginDescriptor, visible) {
                        @Override
                        protected boolean shouldDelegateToParent(String className) {
                            return className.startsWith("io.ballast.api.") || super.shouldDelegateToParent(className);
                        }
                    };
                }
            };
        }
    }

    /** The JDK, plus {@code io.ballast.api}, {@code org.pf4j} and {@code org.slf4j} from the test's class path. */
    private static final class VisibleClasses extends ClassLoader {

        private final ClassLoader testClassPath;

        VisibleClasses(ClassLoader testClassPath) {
            super(ClassLoader.getPlatformClassLoader());
            this.testClassPath = testClassPath;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (name.startsWith("io.ballast.api.") || name.startsWith("org.pf4j.") || name.startsWith("org.slf4j.")) {
                return testClassPath.loadClass(name);
            }
            throw new ClassNotFoundException(name + " is not visible to plugins");
        }
    }
}
