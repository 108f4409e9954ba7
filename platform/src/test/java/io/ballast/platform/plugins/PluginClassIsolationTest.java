package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.optimizerSource;
import static io.ballast.platform.plugins.TestPluginJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin's code can see of the platform: a probe plugin compiled here reports, class by
 * class, what its own class loader finds (through an IllegalArgumentException, which the guard
 * passes on unchanged).
 */
class PluginClassIsolationTest {

    private static final String PROBE = """
            StringBuilder report = new StringBuilder();
            ClassLoader own = getClass().getClassLoader();
            org.slf4j.LoggerFactory.getLogger(getClass()).debug("probing {}", request.assets());
            for (String name : request.assets()) {
                String seen;
                if (name.equals("context")) {
                    seen = Thread.currentThread().getContextClassLoader() == own ? "plugin" : "other";
                } else if (name.startsWith("resource:")) {
                    seen = own.getResource(name.substring(9)) != null ? "visible" : "hidden";
                } else {
                    try {
                        Class.forName(name, false, own);
                        seen = "visible";
                    } catch (ClassNotFoundException e) {
                        seen = "hidden";
                    }
                }
                report.append(name).append('=').append(seen).append(';');
            }
            throw new IllegalArgumentException(report.toString());""";

    @TempDir
    Path plugins;

    @Test
    void aPluginSeesTheJdkTheApiPf4jAndSlf4jButNothingElseOfThePlatform() {
        plugin("test-probe").extension("test.probe.ProbeOptimizer", optimizerSource("test.probe", "ProbeOptimizer", "probe", PROBE))
                .writeTo(plugins.resolve("probe.jar"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("io.ballast.api.optimizer.Optimizer", "visible");
        expected.put("org.pf4j.Plugin", "visible");
        expected.put("org.slf4j.LoggerFactory", "visible");
        expected.put("java.util.List", "visible");
        expected.put("java.sql.Connection", "visible");
        expected.put("javax.xml.parsers.DocumentBuilderFactory", "visible");
        expected.put("test.probe.ProbeOptimizer", "visible");
        expected.put("io.ballast.platform.plugins.PluginHost", "hidden");
        expected.put("io.ballast.platform.app.BallastPlatform", "hidden");
        expected.put("io.vertx.core.Vertx", "hidden");
        expected.put("com.fasterxml.jackson.databind.ObjectMapper", "hidden");
        expected.put("ch.qos.logback.classic.Logger", "hidden");
        expected.put("org.apache.commons.math3.util.FastMath", "hidden");
        expected.put("resource:io/ballast/api/openapi.yaml", "visible");
        expected.put("resource:META-INF/extensions.idx", "visible");
        expected.put("resource:logback-test.xml", "hidden");
        expected.put("resource:db/migration", "hidden");
        expected.put("context", "plugin");

        try (PluginHost host = PluginHost.start(plugins)) {
            Optimizer probe = host.optimizer("probe").orElseThrow();

            assertThatThrownBy(() -> probe.optimize(OptimizationRequest.of(List.copyOf(expected.keySet()))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(report -> assertThat(parse(report.getMessage())).containsExactlyEntriesOf(expected));
        }
    }

    @Test
    void aPlatformClassCannotBeLoadedFromAPluginsClassLoader() throws ClassNotFoundException {
        plugin("test-probe").extension("test.probe.ProbeOptimizer", optimizerSource("test.probe", "ProbeOptimizer", "probe", PROBE))
                .writeTo(plugins.resolve("probe.jar"));

        try (PluginHost host = PluginHost.start(plugins)) {
            ClassLoader pluginClassLoader = ((GuardedExtension) host.optimizer("probe").orElseThrow()).pluginClassLoader();

            assertThatThrownBy(() -> pluginClassLoader.loadClass(PluginHost.class.getName()))
                    .isInstanceOf(ClassNotFoundException.class)
                    .hasMessage("io.ballast.platform.plugins.PluginHost is not visible to plugins: they see the JDK and, of the platform,"
                            + " only io.ballast.api.*, org.pf4j.*, org.slf4j.*; a plugin bundles the other libraries it needs");
            assertThatThrownBy(() -> pluginClassLoader.loadClass("com.acme.Nowhere"))
                    .isInstanceOf(ClassNotFoundException.class).hasMessage("com.acme.Nowhere");
            assertThat(pluginClassLoader.loadClass(Optimizer.class.getName())).as("the platform's own SPI type").isSameAs(Optimizer.class);
        }
    }

    private static Map<String, String> parse(String report) {
        Map<String, String> seen = new LinkedHashMap<>();
        Arrays.stream(report.split(";")).filter(part -> !part.isEmpty()).forEach(part -> {
            int equals = part.lastIndexOf('=');
            seen.put(part.substring(0, equals), part.substring(equals + 1));
        });
        return seen;
    }
}
