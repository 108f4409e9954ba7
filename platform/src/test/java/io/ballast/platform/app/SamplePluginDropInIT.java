package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What samples/plugin-example/README.md tells a quant to do, on the packaged platform: the sample
 * project's jar (built by the same reactor against its api jar) copied into the plugins folder of
 * a running platform is STARTED within ten seconds, its strategy listed by {@code GET /api/v1/plugins}
 * with its parameters. The folder starts with the bundled paper venue and alert channels, which run
 * beside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamplePluginDropInIT {

    private static final String VIEWER_TOKEN = "it-viewer-token-0123456789abcdefghi";
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = ServedPlatform.REPO.resolve("samples/plugin-example/target");

    @TempDir
    static Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path plugins;
    private int port;
    private ServedPlatform platform;

    @BeforeAll
    void start() throws Exception {
        plugins = Files.createDirectories(home.resolve("plugins"));
        Files.copy(jar(ServedPlatform.BUNDLED_PLUGINS, "ballast-execution-paper-"), plugins.resolve("execution-paper.jar"));
        Files.copy(jar(ServedPlatform.BUNDLED_PLUGINS, "ballast-alerts-"), plugins.resolve("alerts.jar"));
        port = ServedPlatform.freePort();
        Path config = ServedPlatform.writeConfig(home, port, plugins, new ServedPlatform.Token(VIEWER_TOKEN, "vic", "viewer"));
        platform = ServedPlatform.serve(home, config, http, port);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theSamplePluginDroppedIntoTheRunningPlatformIsStartedWithItsStrategyBesideTheBundledPlugins() throws Exception {
        JsonNode paper = plugin("execution-paper");
        assertThat(paper.get("state").asText()).as("bundled, loaded at start").isEqualTo("STARTED");
        assertThat(extensions(paper)).containsExactly("execution-venue:paper");
        JsonNode alerts = plugin("alerts");
        assertThat(alerts.get("state").asText()).isEqualTo("STARTED");
        assertThat(extensions(alerts)).containsExactlyInAnyOrder("alert-channel:log", "alert-channel:webhook", "alert-channel:email");
        assertThat(plugin("example-ma-crossover")).as("not there before it is dropped in").isNull();

        Files.copy(jar(SAMPLE, "ballast-plugin-example-"), plugins.resolve("ma-crossover.jar"));

        JsonNode sample = awaitStarted("example-ma-crossover");
        assertThat(sample.get("version").asText()).isEqualTo("1.0.0");
        assertThat(sample.get("jar").asText()).isEqualTo("ma-crossover.jar");
        assertThat(extensions(sample)).containsExactly("strategy:ma-crossover");
        JsonNode strategy = sample.get("extensions").get(0);
        assertThat(strategy.get("version").asText()).isEqualTo("1.0.0");
        assertThat(StreamSupport.stream(strategy.get("parameters").spliterator(), false)
                .map(parameter -> parameter.get("name").asText() + "=" + parameter.get("default")))
                .containsExactly("shortWindow=20", "longWindow=50", "fullConfidenceGap=0.05");
        assertThat(plugin("execution-paper").get("state").asText()).isEqualTo("STARTED");
    }

    private JsonNode awaitStarted(String id) throws Exception {
        long deadline = System.nanoTime() + LIVE_WITHIN.toNanos();
        while (true) {
            JsonNode plugin = plugin(id);
            if (plugin != null && plugin.get("state").asText().equals("STARTED")) {
                return plugin;
            }
            assertThat(System.nanoTime()).as("plugin " + id + " started within " + LIVE_WITHIN + "; last seen " + plugin).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private JsonNode plugin(String id) throws IOException, InterruptedException {
        HttpRequest request = ServedPlatform.request(port, "GET", "/api/v1/plugins", VIEWER_TOKEN, null,
                HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode plugin : JSON.readTree(response.body()).get("plugins")) {
            if (plugin.get("id").asText().equals(id)) {
                return plugin;
            }
        }
        return null;
    }

    private static Stream<String> extensions(JsonNode plugin) {
        return StreamSupport.stream(plugin.get("extensions").spliterator(), false)
                .map(extension -> extension.get("point").asText() + ":" + extension.get("id").asText());
    }

    private static Path jar(Path folder, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix) && file.getFileName().toString().endsWith(".jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + folder + ": package first"));
        }
    }
}
