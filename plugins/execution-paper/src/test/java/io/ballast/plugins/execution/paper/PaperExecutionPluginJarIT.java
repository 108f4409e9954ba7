package io.ballast.plugins.execution.paper;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import io.ballast.api.execution.OrderSide;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/** The packaged jar, as the platform's plugin host reads it: manifest, extension index, and loaded by PF4J. */
class PaperExecutionPluginJarIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar", "target/ballast-execution-paper-0.1.0-SNAPSHOT.jar"));

    @Test
    void theManifestNamesThePluginAndTheApiRangeItNeeds() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();

            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("execution-paper");
            assertThat(manifest.getValue("Plugin-Class")).isEqualTo(PaperExecutionPlugin.class.getName());
            assertThat(manifest.getValue("Plugin-Requires")).isEqualTo("^1.2.0");
            assertThat(manifest.getValue("Plugin-Version")).isEqualTo("0.1.0-SNAPSHOT");
            try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")))
                        .containsExactly(PaperExecutionVenue.class.getName());
            }
            assertThat(jar.getEntry("io/ballast/api/execution/ExecutionVenue.class")).as("the API comes from the platform").isNull();
        }
    }

    @Test
    void pf4jLoadsItFromTheJarAndItsVenueFillsAnOrder(@TempDir Path plugins) throws IOException {
        Files.copy(JAR, plugins.resolve(JAR.getFileName()));
        PluginManager manager = new DefaultPluginManager(plugins);
        manager.setSystemVersion("1.2.0");
        try {
            manager.loadPlugins();
            assertThat(manager.startPlugin("execution-paper")).isEqualTo(PluginState.STARTED);

            List<ExecutionVenue> venues = manager.getExtensions(ExecutionVenue.class, "execution-paper");
            assertThat(venues).singleElement().satisfies(venue -> {
                assertThat(venue.getClass().getClassLoader()).as("from the jar, not the class path").isInstanceOf(PluginClassLoader.class);
                // 80 × (1 + 5/10 000) = 80.04; notional 10 × 80.04 = 800.40; 10 bp = 0.8004, below the minimum → 1.00
                OrderAck ack = venue.submit(Order.market("jar-1", "pf-1", "AAA", OrderSide.BUY, BigDecimal.TEN, Optional.of(new BigDecimal("80"))));
                Fill fill = venue.fills(ack.venueOrderId().orElseThrow()).getFirst();
                assertThat(fill.price()).isEqualTo(new BigDecimal("80.04"));
                assertThat(fill.fee()).isEqualTo(new BigDecimal("1.00"));
            });
        } finally {
            manager.unloadPlugins(); // stops them first; PF4J 3.15's stopPlugins threw ConcurrentModificationException here
        }
    }
}
