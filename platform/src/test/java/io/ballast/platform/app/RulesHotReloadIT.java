package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.platform.marketdata.SampleMarket;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
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
 * Live editing of the rules on the packaged platform: a copy of the shipped rules folder is
 * served, a limit is edited and the risk checks decide by it within seconds; then a broken rule
 * file is written, and the rules in service go on deciding while the error is reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesHotReloadIT {

    private static final String MANAGER_TOKEN = "reload-manager-token-0123456789abcdef";
    private static final String RISK_OFFICER_TOKEN = "reload-risk-officer-token-0123456789ab";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** How long an edit may take to go live, as the issue asks. */
    private static final Duration LIVE_WITHIN = Duration.ofSeconds(10);
    private static final String HARD_STOP = "stopLoss.hardLossFraction";

    /** Parses, then fails at line 8: the pattern is never closed. */
    private static final String BROKEN_DRL = """
            package io.ballast.rules;

            import io.ballast.api.risk.PositionRisk;

            rule "unclosed pattern"
            when
                PositionRisk( quantity > 0
            then
            end
            """;

    @TempDir
    static Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path rules;
    private int port;
    private ServedPlatform platform;
    private Instrument equity;
    private String portfolioId;
    private String versionAfterEdit;

    @BeforeAll
    void start() throws Exception {
        SampleMarket market = ServedPlatform.sampleMarket();
        equity = market.instruments().stream().filter(i -> i.assetClass() == AssetClass.EQUITY).findFirst().orElseThrow();
        BigDecimal lastClose = ServedPlatform.lastClose(market, equity.id());
        // bought 6.5% above the last close: a loss of 1 - 1 / 1.065 = 6.10%, short of an 8% hard stop, past a 6% one
        BigDecimal entry = lastClose.multiply(new BigDecimal("1.065"));

        rules = copyShippedRules(home.resolve("rules"));
        setHardStop(0.08);
        port = ServedPlatform.freePort();
        Path config = ServedPlatform.writeConfig(home, port, null,
                new ServedPlatform.Token(MANAGER_TOKEN, "pat", "portfolio-manager"),
                new ServedPlatform.Token(RISK_OFFICER_TOKEN, "rita", "risk-officer"));
        Files.writeString(config, Files.readString(config) + "rules:\n  directory: " + rules + "\n  watchInterval: PT0.2S\n");
        platform = ServedPlatform.serve(home, config, http, port);

        HttpResponse<String> created = send("POST", "/api/v1/portfolios", MANAGER_TOKEN, """
                {"name":"Hot reload","baseCurrency":"USD","cash":10000,
                 "positions":[{"asset":"%s","quantity":40,"averagePrice":%s}]}""".formatted(equity.id(), entry.toPlainString()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        portfolioId = JSON.readTree(created.body()).get("id").asText();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void atAnEightPercentHardStopTheSixPercentLossIsNotExited() throws Exception {
        JsonNode check = riskCheck();

        assertThat(exits(check)).isEmpty();
        assertThat(check.get("rulesVersion").asText()).isEqualTo(status().get("version").asText());
    }

    @Test
    @Order(2)
    void aLimitEditedInTheFolderDecidesWithinTenSeconds() throws Exception {
        String before = status().get("version").asText();

        setHardStop(0.06);

        JsonNode check = poll(this::riskCheck, decided -> !exits(decided).isEmpty(), "the 6% hard stop exits " + equity.id());
        versionAfterEdit = check.get("rulesVersion").asText();
        assertThat(versionAfterEdit).isNotEqualTo(before);
        assertThat(exits(check)).hasSize(1);
        assertThat(exits(check).getFirst().get("severity").asText()).isEqualTo("CRITICAL");
        JsonNode status = status();
        assertThat(status.get("version").asText()).isEqualTo(versionAfterEdit);
        assertThat(status.get("limits").get(HARD_STOP).asDouble()).isEqualTo(0.06);
        assertThat(status.get("lastReload").get("outcome").asText()).isEqualTo("ACTIVATED");
    }

    @Test
    @Order(3)
    void aBrokenRuleFileIsReportedWhileTheRulesInServiceGoOnDeciding() throws Exception {
        Files.writeString(rules.resolve("broken.drl"), BROKEN_DRL);

        JsonNode status = poll(this::status, s -> s.path("lastReload").path("outcome").asText().equals("REJECTED"),
                "the broken file is rejected");
        assertThat(status.get("version").asText()).isEqualTo(versionAfterEdit);
        JsonNode error = status.get("lastReload").get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo("broken.drl");
        assertThat(error.get("line").asInt()).isEqualTo(8);
        assertThat(status.get("lastReload").get("candidateVersion").asText()).isNotEqualTo(versionAfterEdit);

        HttpResponse<String> health = send("GET", "/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode rulesHealth = JSON.readTree(health.body()).get("components").get("rules");
        assertThat(rulesHealth.get("status").asText()).isEqualTo("UP");
        assertThat(rulesHealth.get("version").asText()).isEqualTo(versionAfterEdit);
        assertThat(rulesHealth.get("lastReload").get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(rulesHealth.get("lastReload").get("problems").get(0).asText()).startsWith(rules.resolve("broken.drl") + ":8: ");

        JsonNode check = riskCheck();
        assertThat(check.get("rulesVersion").asText()).isEqualTo(versionAfterEdit);
        assertThat(exits(check)).hasSize(1);
    }

    @Test
    @Order(4)
    void aReloadOnRequestOfTheBrokenFolderIsRefused422AndChangesNothing() throws Exception {
        HttpResponse<String> reload = send("POST", "/api/v1/rules/reload", RISK_OFFICER_TOKEN, null);

        assertThat(reload.statusCode()).isEqualTo(422);
        JsonNode problem = JSON.readTree(reload.body());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("broken.drl");
        assertThat(problem.get("errors").get(0).get("problem").asText()).startsWith("line 8: ");
        assertThat(send("POST", "/api/v1/rules/reload", MANAGER_TOKEN, null).statusCode()).isEqualTo(403);
        assertThat(status().get("version").asText()).isEqualTo(versionAfterEdit);
    }

    // --- helpers -------------------------------------------------------------------------------

    private static Path copyShippedRules(Path target) throws IOException {
        Path shipped = ServedPlatform.REPO.resolve("rules");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path source : files.toList()) {
                Path copy = target.resolve(shipped.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }

    /** Sets the hard stop in the copy's limits.yaml, adding it when the shipped file has none. */
    private void setHardStop(double fraction) throws IOException {
        Path limits = rules.resolve("limits.yaml");
        JsonNode tree = Files.exists(limits) ? YAML.readTree(limits.toFile()) : null;
        ObjectNode root = tree instanceof ObjectNode object ? object : YAML.createObjectNode();
        JsonNode stopLoss = root.get("stopLoss");
        ObjectNode section = stopLoss instanceof ObjectNode object ? object : root.putObject("stopLoss");
        section.put("hardLossFraction", fraction);
        // written beside and moved over, as an editor saves: the watch never sees half a file
        Path written = rules.resolve(".limits.yaml.tmp");
        YAML.writeValue(written.toFile(), root);
        Files.move(written, limits, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private JsonNode riskCheck() throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", "/api/v1/portfolios/" + portfolioId + "/risk-checks", MANAGER_TOKEN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode status() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/api/v1/rules/status", MANAGER_TOKEN, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The EXIT decisions about the equity position. */
    private List<JsonNode> exits(JsonNode check) {
        List<JsonNode> exits = new ArrayList<>();
        check.get("decisions").forEach(decision -> {
            if (decision.get("action").asText().equals("EXIT") && decision.get("subject").get("id").asText().equals(equity.id())) {
                exits.add(decision);
            }
        });
        return exits;
    }

    /** Asks until the answer satisfies {@code done}, for at most {@link #LIVE_WITHIN}. */
    private JsonNode poll(ServedPlatform.Call<JsonNode> call, Predicate<JsonNode> done, String what)
            throws IOException, InterruptedException {
        return platform.poll(call, done, what, LIVE_WITHIN, Duration.ofMillis(200));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        return http.send(ServedPlatform.jsonRequest(port, method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
