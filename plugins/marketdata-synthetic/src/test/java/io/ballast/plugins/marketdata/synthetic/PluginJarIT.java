package io.ballast.plugins.marketdata.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.plugins.marketdata.common.BuiltPluginJar;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged plugin jar: its PF4J manifest and extension index, and PF4J loading it and finding the source. */
class PluginJarIT {

    private static final Path JAR = BuiltPluginJar.packaged();

    @Test
    void theManifestAndTheExtensionIndexNameThePluginAndItsSource() {
        assertThat(BuiltPluginJar.manifest(JAR).getValue("Plugin-Id")).isEqualTo("marketdata-synthetic");
        assertThat(BuiltPluginJar.manifest(JAR).getValue("Plugin-Class")).isEqualTo(SyntheticMarketDataPlugin.class.getName());
        assertThat(BuiltPluginJar.indexedExtensions(JAR)).containsExactly(SyntheticSource.class.getName());
        // Commons Math (the generator) and Commons CSV (the bootstrap's history) travel inside it
        assertThat(BuiltPluginJar.holds(JAR, "org/apache/commons/math3/random/Well19937c.class")).isTrue();
        assertThat(BuiltPluginJar.holds(JAR, "org/apache/commons/csv/CSVParser.class")).isTrue();
    }

    @Test
    void pf4jLoadsTheJarAndItsSourceGeneratesAWeekOfBars(@TempDir Path plugins) throws IOException {
        try (BuiltPluginJar plugin = BuiltPluginJar.started(JAR, plugins)) {
            MarketDataSource source = plugin.extensions(MarketDataSource.class).getFirst();

            assertThat(source.id()).isEqualTo("synthetic");
            assertThat(source.getClass().getClassLoader()).isSameAs(plugin.classLoader());
            // Monday 3 to Friday 7 January 2000: five weekdays
            assertThat(source.bars(new BarRequest(List.of("SYN"), LocalDate.of(2000, 1, 3), LocalDate.of(2000, 1, 7), Map.of())))
                    .hasSize(5);
        }
    }
}
