package io.ballast.plugins.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;

/**
 * The packaged jar as the platform gets it: its PF4J manifest and extension index, and PF4J loading
 * it and finding the source. (The platform's own host cannot be used here: the platform is built
 * after the plugins and depends on them.)
 */
class PluginJarIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar"));

    @Test
    void theManifestAndTheExtensionIndexNameThePluginAndItsSource() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("marketdata-csv");
            assertThat(manifest.getValue("Plugin-Class")).isEqualTo(CsvMarketDataPlugin.class.getName());
            assertThat(manifest.getValue("Plugin-Requires")).isEqualTo("^1.1.0");
            String index = new String(jar.getInputStream(jar.getEntry("META-INF/extensions.idx")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(index.lines().filter(line -> !line.startsWith("#"))).containsExactly(CsvFolderSource.class.getName());
            // its libraries travel inside it; the SPI does not
            assertThat(jar.getEntry("org/apache/commons/csv/CSVParser.class")).isNotNull();
            assertThat(jar.getEntry("io/ballast/api/marketdata/MarketDataSource.class")).isNull();
        }
    }

    @Test
    void pf4jLoadsTheJarAndItsSourceReadsAFolder(@TempDir Path plugins, @TempDir Path data) throws IOException {
        Files.copy(JAR, plugins.resolve(JAR.getFileName()));
        Files.writeString(data.resolve("p.csv"), "date,AAA\n2024-01-02,1\n");
        PluginManager manager = new JarPluginManager(plugins);
        try {
            manager.loadPlugins();
            manager.startPlugins();

            List<MarketDataSource> sources = manager.getExtensions(MarketDataSource.class, "marketdata-csv");

            assertThat(sources).extracting(MarketDataSource::id).containsExactly("csv-folder");
            // the class came out of the jar, through the plugin's own class loader
            assertThat(sources.getFirst().getClass().getClassLoader()).isSameAs(manager.getPluginClassLoader("marketdata-csv"));
            assertThat(sources.getFirst().instruments(Map.of("folder", data.toString())))
                    .extracting(Instrument::id).containsExactly("AAA");
        } finally {
            // unloadPlugins() trips over its own list in PF4J 3.15; one plugin at a time works
            manager.unloadPlugin("marketdata-csv");
        }
    }
}
