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
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins on the packaged platform, as an operator handles them: a jar copied into the watched
 * folder of the running platform goes live, is stopped and started over REST, is removed; a jar
 * uploaded over REST is installed; a bad upload is refused and writes nothing. The folder is
 * watched at the default interval (PT1S).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginDropInIT {

    private static final String ADMIN_TOKEN = "it-admin-token-0123456789abcdefghij";
    private static final String VIEWER_TOKEN = "it-viewer-token-0123456789abcdefghi";
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path plugins;
    private int port;
    private ServedPlatform platform;

    @BeforeAll
    void start() throws Exception {
        plugins = Files.createDirectories(home.resolve("plugins"));
        port = ServedPlatform.freePort();
        Path config = ServedPlatform.writeConfig(home, port, plugins, new ServedPlatform.Token(ADMIN_TOKEN, "ada", "admin"),
                new ServedPlatform.Token(VIEWER_TOKEN, "vic", "viewer"));
        platform = ServedPlatform.serve(home, config, http, port);
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void theEmptyFolderListsNoPlugins() throws Exception {
        JsonNode list = JSON.readTree(send("GET", "/api/v1/plugins", VIEWER_TOKEN, null, null).body());

        assertThat(list.get("apiVersion").asText()).isEqualTo("1.2.0");
        assertThat(list.get("plugins")).isEmpty();
    }

    @Test
    @Order(2)
    void aJarCopiedIntoTheRunningPlatformsFolderIsLiveWithinTenSeconds() throws Exception {
        long copied = System.nanoTime();
        Files.copy(bundled("ballast-optimizer-equal-weight-"), plugins.resolve("equal-weight.jar"));

        JsonNode plugin = awaitPlugin("optimizer-equal-weight", entry -> entry.get("state").asText().equals("STARTED"));

        long millis = Duration.ofNanos(System.nanoTime() - copied).toMillis();
        System.out.printf("packaged platform: jar copied to plugin started (seen over REST) in %d ms%n", millis);
        assertThat(plugin.get("jar").asText()).isEqualTo("equal-weight.jar");
        assertThat(plugin.get("extensions")).singleElement().satisfies(extension -> {
            assertThat(extension.get("point").asText()).isEqualTo("optimizer");
            assertThat(extension.get("id").asText()).isEqualTo("equal-weight");
        });
        JsonNode health = JSON.readTree(send("GET", "/health", null, null, null).body()).get("components").get("plugins");
        assertThat(health.get("loaded").toString()).isEqualTo("[\"optimizer-equal-weight\"]");
        assertThat(health.get("loadedCount").asInt()).isEqualTo(1);
        assertThat(health.get("failedCount").asInt()).isZero();
    }

    @Test
    @Order(3)
    void anAdminStopsAndStartsItOverRestAndAViewerMayNot() throws Exception {
        assertThat(send("POST", "/api/v1/plugins/optimizer-equal-weight/stop", VIEWER_TOKEN, null, null).statusCode()).isEqualTo(403);

        HttpResponse<String> stopped = send("POST", "/api/v1/plugins/optimizer-equal-weight/stop", ADMIN_TOKEN, null, null);
        assertThat(stopped.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(stopped.body()).get("state").asText()).isEqualTo("STOPPED");

        HttpResponse<String> started = send("POST", "/api/v1/plugins/optimizer-equal-weight/start", ADMIN_TOKEN, null, null);
        assertThat(JSON.readTree(started.body()).get("state").asText()).isEqualTo("STARTED");
        assertThat(send("POST", "/api/v1/plugins/no-such-plugin/start", ADMIN_TOKEN, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void anUploadedJarIsInstalledUnderItsPluginId() throws Exception {
        byte[] jar = Files.readAllBytes(bundled("ballast-optimizers-"));

        HttpResponse<String> response = send("POST", "/api/v1/plugins", ADMIN_TOKEN, "application/java-archive", jar);

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode plugin = JSON.readTree(response.body());
        assertThat(plugin.get("id").asText()).isEqualTo("optimizers");
        assertThat(plugin.get("state").asText()).isEqualTo("STARTED");
        assertThat(plugin.get("jar").asText()).isEqualTo("optimizers.jar");
        assertThat(plugins.resolve("optimizers.jar")).hasBinaryContent(jar);
    }

    @Test
    @Order(5)
    void aBadUploadIsRefusedWith422AndWritesNothing() throws Exception {
        List<String> before = fileNames();

        HttpResponse<String> notAJar = send("POST", "/api/v1/plugins", ADMIN_TOKEN, "application/octet-stream", "hello".getBytes());
        HttpResponse<String> noToken = send("POST", "/api/v1/plugins", null, "application/java-archive", "hello".getBytes());

        assertThat(notAJar.statusCode()).isEqualTo(422);
        JsonNode error = JSON.readTree(notAJar.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("body");
        assertThat(error.get("problem").asText()).startsWith("not a readable jar file: ");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(fileNames()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aRemovedJarIsUnloaded() throws Exception {
        Files.delete(plugins.resolve("equal-weight.jar"));

        long deadline = System.nanoTime() + LIVE_WITHIN.toNanos();
        while (plugin("optimizer-equal-weight") != null) {
            assertThat(System.nanoTime()).as("equal-weight unloaded within " + LIVE_WITHIN).isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(plugin("optimizers")).isNotNull();
    }

    private JsonNode awaitPlugin(String id, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + LIVE_WITHIN.toNanos();
        while (true) {
            JsonNode plugin = plugin(id);
            if (plugin != null && condition.test(plugin)) {
                return plugin;
            }
            assertThat(System.nanoTime()).as("plugin " + id + " live within " + LIVE_WITHIN + "; last seen " + plugin).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private JsonNode plugin(String id) throws IOException, InterruptedException {
        for (JsonNode plugin : JSON.readTree(send("GET", "/api/v1/plugins", VIEWER_TOKEN, null, null).body()).get("plugins")) {
            if (plugin.get("id").asText().equals(id)) {
                return plugin;
            }
        }
        return null;
    }

    private static Path bundled(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(ServedPlatform.BUNDLED_PLUGINS)) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + prefix + "*.jar in " + ServedPlatform.BUNDLED_PLUGINS
                            + ": package first"));
        }
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(plugins)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = ServedPlatform.request(port, method, path, token, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
