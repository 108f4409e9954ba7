package io.ballast.plugins.marketdata.http;

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

/** The packaged plugin jar: its PF4J manifest and extension index, and PF4J loading it and the source calling a server. */
class PluginJarIT {

    private static final Path JAR = BuiltPluginJar.packaged();

    @Test
    void theManifestAndTheExtensionIndexNameThePluginAndItsSourceAndJacksonIsInside() {
        assertThat(BuiltPluginJar.manifest(JAR).getValue("Plugin-Id")).isEqualTo("marketdata-http");
        assertThat(BuiltPluginJar.manifest(JAR).getValue("Plugin-Class")).isEqualTo(HttpJsonMarketDataPlugin.class.getName());
        assertThat(BuiltPluginJar.indexedExtensions(JAR)).containsExactly(HttpJsonSource.class.getName());
        assertThat(BuiltPluginJar.holds(JAR, "com/fasterxml/jackson/databind/json/JsonMapper.class")).isTrue();
        assertThat(BuiltPluginJar.holds(JAR, "com/fasterxml/jackson/core/JsonParser.class")).isTrue();
        // it reads no CSV: Commons CSV stays out
        assertThat(BuiltPluginJar.holds(JAR, "org/apache/commons/csv/CSVParser.class")).isFalse();
    }

    @Test
    void pf4jLoadsTheJarAndItsSourceReadsBarsFromALocalServer(@TempDir Path plugins) throws IOException {
        try (FixedJsonServer server = new FixedJsonServer();
             BuiltPluginJar plugin = BuiltPluginJar.started(JAR, plugins)) {
            server.answer("/bars/AAPL", 200, "[{\"time\": \"2024-01-02\", \"open\": 1, \"high\": 2, \"low\": 0.5, \"close\": 1.5, \"volume\": 10}]");
            MarketDataSource source = plugin.extensions(MarketDataSource.class).getFirst();

            assertThat(source.id()).isEqualTo("http-json");
            assertThat(source.getClass().getClassLoader()).isSameAs(plugin.classLoader());
            assertThat(source.bars(new BarRequest(List.of("AAPL"), LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 2),
                    Map.of("baseUrl", server.baseUrl()))))
                    .containsExactly(HttpJsonSourceTest.bar("AAPL", "2024-01-02", "1", "2", "0.5", "1.5", "10"));
        }
    }
}
