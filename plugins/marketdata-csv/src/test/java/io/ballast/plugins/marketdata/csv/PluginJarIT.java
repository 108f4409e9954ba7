package io.ballast.plugins.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.plugins.marketdata.common.BuiltPluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged plugin jar: its PF4J manifest and extension index, and PF4J loading it and finding the source. */
class PluginJarIT {

    private static final Path JAR = BuiltPluginJar.packaged();

    @Test
    void theManifestAndTheExtensionIndexNameThePluginAndItsSource() {
        Attributes manifest = BuiltPluginJar.manifest(JAR);

        assertThat(manifest.getValue("Plugin-Id")).isEqualTo("marketdata-csv");
        assertThat(manifest.getValue("Plugin-Class")).isEqualTo(CsvMarketDataPlugin.class.getName());
        assertThat(manifest.getValue("Plugin-Requires")).isEqualTo("^1.2.0");
        assertThat(BuiltPluginJar.indexedExtensions(JAR)).containsExactly(CsvFolderSource.class.getName());
        // its libraries travel inside it; the SPI does not
        assertThat(BuiltPluginJar.holds(JAR, "org/apache/commons/csv/CSVParser.class")).isTrue();
        assertThat(BuiltPluginJar.holds(JAR, "io/ballast/api/marketdata/MarketDataSource.class")).isFalse();
    }

    @Test
    void pf4jLoadsTheJarAndItsSourceReadsAFolder(@TempDir Path plugins, @TempDir Path data) throws IOException {
        Files.writeString(data.resolve("p.csv"), "date,AAA\n2024-01-02,1\n");

        try (BuiltPluginJar plugin = BuiltPluginJar.started(JAR, plugins)) {
            List<MarketDataSource> sources = plugin.extensions(MarketDataSource.class);

            assertThat(sources).extracting(MarketDataSource::id).containsExactly("csv-folder");
            // the class came out of the jar, through the plugin's own class loader
            assertThat(sources.getFirst().getClass().getClassLoader()).isSameAs(plugin.classLoader());
            assertThat(sources.getFirst().instruments(Map.of("folder", data.toString())))
                    .extracting(Instrument::id).containsExactly("AAA");
        }
    }
}
