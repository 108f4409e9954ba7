package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.platform.marketdata.SampleMarket;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole platform on embedded defaults, started from the packaged jar on a free port, used
 * over HTTP as a client would, stopped with SIGTERM and started again on the same data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformEndToEndIT {

    private static final String MANAGER_TOKEN = "e2e-manager-token-0123456789abcdef";
    private static final String VIEWER_TOKEN = "e2e-viewer-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path config;
    private int port;
    private ServedPlatform platform;

    /** The sample assets the platform loads on first start, and their last closes, from the generator itself. */
    private Instrument equity;
    private Instrument crypto;
    private BigDecimal equityLastClose;
    private BigDecimal cryptoLastClose;
    private String portfolioId;

    @BeforeAll
    void start() throws Exception {
        SampleMarket market = ServedPlatform.sampleMarket();
        equity = market.instruments().stream().filter(i -> i.assetClass() == AssetClass.EQUITY).findFirst().orElseThrow();
        crypto = market.instruments().stream().filter(i -> i.assetClass() == AssetClass.CRYPTO).findFirst().orElseThrow();
        equityLastClose = ServedPlatform.lastClose(market, equity.id());
        cryptoLastClose = ServedPlatform.lastClose(market, crypto.id());
        // pinned, so a change to the generator (which also gives the expectations here) cannot pass unseen
        assertThat(equity.id()).isEqualTo("NVLX");
        assertThat(equityLastClose).isEqualByComparingTo("117.31");
        assertThat(crypto.id()).isEqualTo("ARCD-USD");
        assertThat(cryptoLastClose).isEqualByComparingTo("12738.68");

        port = ServedPlatform.freePort();
        config = ServedPlatform.writeConfig(home, port, null, new ServedPlatform.Token(MANAGER_TOKEN, "pat", "portfolio-manager"),
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
    void healthNamesEveryComponentUp() throws Exception {
        HttpResponse<String> response = send("GET", "/health", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.body());
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode components = health.get("components");
        assertThat(components.get("store").get("vendor").asText()).isEqualTo("h2");
        assertThat(components.get("workflow").get("mode").asText()).isEqualTo("embedded");
        // the rules shipped in rules/*.drl, counted by hand: 5 stop-loss, 6 concentration, 4 drawdown, 3 VaR, 4 leverage
        assertThat(components.get("rules").get("ruleCount").asInt()).isEqualTo(22);
        assertThat(components.get("plugins").get("loaded").toString()).contains("\"optimizer-equal-weight\"");
    }

    @Test
    @Order(2)
    void theApiRefusesCallsWithoutAValidTokenOrRole() throws Exception {
        assertThat(send("GET", "/api/v1/portfolios/x", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/v1/portfolios/x", "not-a-token", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/portfolios", VIEWER_TOKEN, portfolioBody(equity.id(), "1")).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void badInputIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> unknownAsset = send("POST", "/api/v1/portfolios", MANAGER_TOKEN, portfolioBody("NO-SUCH-ASSET", "1"));
        assertThat(unknownAsset.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknownAsset.body()).get("errors").get(0).get("field").asText()).isEqualTo("positions[0].asset");

        HttpResponse<String> notANumber = send("POST", "/api/v1/portfolios", MANAGER_TOKEN,
                "{\"name\":\"x\",\"baseCurrency\":\"USD\",\"cash\":1,\"positions\":[{\"asset\":\"A\",\"quantity\":\"ten\",\"averagePrice\":1}]}");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notANumber.body()).get("errors").get(0).get("field").asText()).isEqualTo("positions[0].quantity");
    }

    @Test
    @Order(4)
    void aPortfolioIsValuedAtTheStoredSamplePrices() throws Exception {
        // the equity bought 25% above its last close (a 20% loss), the crypto asset 10% below it (a gain)
        BigDecimal equityEntry = equityLastClose.multiply(new BigDecimal("1.25"));
        BigDecimal cryptoEntry = cryptoLastClose.multiply(new BigDecimal("0.90"));
        String body = """
                {"name":"E2E","baseCurrency":"USD","cash":10000,
                 "positions":[{"asset":"%s","quantity":40,"averagePrice":%s},
                              {"asset":"%s","quantity":0.5,"averagePrice":%s}]}"""
                .formatted(equity.id(), equityEntry.toPlainString(), crypto.id(), cryptoEntry.toPlainString());

        HttpResponse<String> created = send("POST", "/api/v1/portfolios", MANAGER_TOKEN, body);

        assertThat(created.statusCode()).isEqualTo(201);
        portfolioId = JSON.readTree(created.body()).get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/portfolios/" + portfolioId);
        assertThat(JSON.readTree(created.body()).get("createdBy").asText()).isEqualTo("pat");

        assertValuation(equityEntry, cryptoEntry);
    }

    @Test
    @Order(5)
    void theRiskCheckProcessExitsThePositionPastTheHardStop() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/portfolios/" + portfolioId + "/risk-checks", MANAGER_TOKEN, null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode decisions = JSON.readTree(response.body()).get("decisions");
        List<JsonNode> stops = new ArrayList<>();
        decisions.forEach(decision -> {
            if (decision.get("rule").asText().equals("hard stop-loss")) {
                stops.add(decision);
            }
        });
        assertThat(stops).hasSize(1);
        assertThat(stops.get(0).get("action").asText()).isEqualTo("EXIT");
        assertThat(stops.get(0).get("subject").get("id").asText()).isEqualTo(equity.id());
        assertThat(stops.get(0).get("message").asText()).contains("20.00%");
    }

    @Test
    @Order(5)
    void aRiskCheckOfAnUnknownPortfolioIsAnswered404() throws Exception {
        assertThat(send("POST", "/api/v1/portfolios/00000000-0000-0000-0000-000000000000/risk-checks", MANAGER_TOKEN, null)
                .statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/v1/portfolios/not-an-id/risk-checks", MANAGER_TOKEN, null).statusCode()).isEqualTo(404);
    }

    /**
     * The last 500 closes of five stocks of the public file, inline. scipy's SLSQP (ftol 1e-16) on
     * numpy's geometric means and sample covariance of the same 499 returns gives the minimum-volatility
     * weights AAPL 0.156533, AMZN 0.096910, JPM 0.039544, XOM 0.372408, PFE 0.334605, with
     * volatility 0.11736167444147172 and, at rf 0.02, Sharpe 0.9680628581118066.
     */
    @Test
    @Order(5)
    void optimizeOverRestAgreesWithAnIndependentSolver() throws Exception {
        String body = JSON.writeValueAsString(Map.of("method", "min-volatility", "riskFreeRate", 0.02,
                "prices", inlineStockPrices(List.of("AAPL", "AMZN", "JPM", "XOM", "PFE"), 500)));

        HttpResponse<String> response = send("POST", "/api/v1/optimize", VIEWER_TOKEN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = JSON.readTree(response.body());
        Map<String, Double> expected = Map.of("AAPL", 0.15653331450440122, "AMZN", 0.09690992226936773,
                "JPM", 0.03954401092359558, "XOM", 0.3724079430338298, "PFE", 0.3346048092688057);
        expected.forEach((asset, weight) -> assertThat(result.at("/weights/" + asset).asDouble()).isCloseTo(weight, within(1e-5)));
        assertThat(result.at("/performance/volatility").asDouble()).isCloseTo(0.11736167444147172, within(1e-9));
        assertThat(result.at("/performance/sharpe").asDouble()).isCloseTo(0.9680628581118066, within(1e-4));
    }

    /**
     * numpy over the same 499 returns, held equally: np.percentile(-p, 95) = 0.010295494426130819,
     * ES = 0.01882930495795253, annual volatility 0.12525086341663644.
     */
    @Test
    @Order(5)
    void theRiskReportOverRestAgreesWithNumpy() throws Exception {
        List<String> assets = List.of("AAPL", "AMZN", "JPM", "XOM", "PFE");
        Map<String, Double> weights = new LinkedHashMap<>();
        assets.forEach(asset -> weights.put(asset, 0.2));
        String body = JSON.writeValueAsString(Map.of("weights", weights, "confidences", List.of(0.95),
                "prices", inlineStockPrices(assets, 500)));

        HttpResponse<String> response = send("POST", "/api/v1/risk/report", VIEWER_TOKEN, body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        assertThat(report.get("annualVolatility").asDouble()).isCloseTo(0.12525086341663644, within(1e-12));
        JsonNode historical = null;
        for (JsonNode estimate : report.get("tailRisk")) {
            if (estimate.get("method").asText().equals("HISTORICAL")) {
                historical = estimate;
            }
        }
        assertThat(historical).isNotNull();
        assertThat(historical.get("valueAtRiskFraction").asDouble()).isCloseTo(0.010295494426130819, within(1e-12));
        assertThat(historical.get("expectedShortfallFraction").asDouble()).isCloseTo(0.01882930495795253, within(1e-12));
    }

    @Test
    @Order(5)
    void storedSamplePricesAreOptimizedAndUnknownAssetsNamed() throws Exception {
        String stored = "{\"assets\": [\"%s\", \"%s\"], \"from\": \"2024-01-01\"}".formatted(equity.id(), crypto.id());

        HttpResponse<String> optimized = send("POST", "/api/v1/optimize", VIEWER_TOKEN,
                "{\"method\": \"hrp\", \"prices\": " + stored + "}");
        HttpResponse<String> unknown = send("POST", "/api/v1/optimize", VIEWER_TOKEN,
                "{\"method\": \"hrp\", \"prices\": {\"assets\": [\"" + equity.id() + "\", \"NO-SUCH\"]}}");
        HttpResponse<String> infeasible = send("POST", "/api/v1/optimize", VIEWER_TOKEN,
                "{\"method\": \"min-volatility\", \"prices\": " + stored + ", \"constraints\": {\"maxWeight\": 0.4}}");

        assertThat(optimized.statusCode()).as(optimized.body()).isEqualTo(200);
        JsonNode weights = JSON.readTree(optimized.body()).get("weights");
        assertThat(weights.get(equity.id()).asDouble() + weights.get(crypto.id()).asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unknown.body()).get("errors").get(0).get("field").asText()).isEqualTo("prices.assets[1]");
        assertThat(infeasible.statusCode()).as(infeasible.body()).isEqualTo(422);
        assertThat(infeasible.body()).contains("min-volatility");
    }

    /** The last {@code days} closes of {@code assets} from the public file, as the API's inline prices. */
    private static Map<String, Object> inlineStockPrices(List<String> assets, int days) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(System.getProperty("ballast.shared.data"), "stock_prices.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        List<String> dates = new ArrayList<>();
        Map<String, List<Double>> closes = new LinkedHashMap<>();
        assets.forEach(asset -> closes.put(asset, new ArrayList<>()));
        for (String line : lines.subList(lines.size() - days, lines.size())) {
            String[] cells = line.split(",", -1);
            dates.add(cells[0]);
            assets.forEach(asset -> closes.get(asset).add(Double.parseDouble(cells[header.indexOf(asset)])));
        }
        return Map.of("dates", dates, "closes", closes);
    }

    @Test
    @Order(6)
    void sigtermStopsCleanlyAndNothingAcceptedIsLost() throws Exception {
        assertThat(platform.terminate(STOP_TIMEOUT)).isEqualTo(143); // 128 + SIGTERM: the JVM's exit after its hooks ran
        assertThat(platform.stdout()).contains("Ballast stopped cleanly");

        platform = ServedPlatform.serve(home, config, http, port);

        assertValuation(equityLastClose.multiply(new BigDecimal("1.25")), cryptoLastClose.multiply(new BigDecimal("0.90")));
        assertThat(platform.stdout()).doesNotContain("Loaded the sample market");
    }

    private void assertValuation(BigDecimal equityEntry, BigDecimal cryptoEntry) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/api/v1/portfolios/" + portfolioId, VIEWER_TOKEN, null);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode valuation = JSON.readTree(response.body());

        BigDecimal equityValue = new BigDecimal("40").multiply(equityLastClose).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal cryptoValue = new BigDecimal("0.5").multiply(cryptoLastClose).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal nav = new BigDecimal("10000").add(equityValue).add(cryptoValue);
        assertThat(valuation.get("nav").decimalValue()).isEqualByComparingTo(nav);

        JsonNode equityHolding = holding(valuation, equity.id());
        assertThat(equityHolding.get("lastPrice").decimalValue()).isEqualByComparingTo(equityLastClose);
        assertThat(equityHolding.get("marketValue").decimalValue()).isEqualByComparingTo(equityValue);
        assertThat(equityHolding.get("weight").asDouble()).isCloseTo(equityValue.doubleValue() / nav.doubleValue(), within(1e-9));
        assertThat(equityHolding.get("unrealisedPnl").decimalValue()).isEqualByComparingTo(
                new BigDecimal("40").multiply(equityLastClose.subtract(equityEntry)).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(equityHolding.get("unrealisedPnlFraction").asDouble()).isCloseTo(-0.20, within(1e-9));

        JsonNode cryptoHolding = holding(valuation, crypto.id());
        assertThat(cryptoHolding.get("marketValue").decimalValue()).isEqualByComparingTo(cryptoValue);
        assertThat(cryptoHolding.get("unrealisedPnlFraction").asDouble()).isCloseTo(1 / 0.9 - 1, within(1e-9));
    }

    private static JsonNode holding(JsonNode valuation, String asset) {
        for (JsonNode holding : valuation.get("holdings")) {
            if (holding.get("asset").asText().equals(asset)) {
                return holding;
            }
        }
        throw new AssertionError("no holding of " + asset + " in " + valuation);
    }

    private static String portfolioBody(String asset, String quantity) {
        return "{\"name\":\"p\",\"baseCurrency\":\"USD\",\"cash\":0,\"positions\":[{\"asset\":\"" + asset
                + "\",\"quantity\":" + quantity + ",\"averagePrice\":10}]}";
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws IOException, InterruptedException {
        return http.send(ServedPlatform.jsonRequest(port, method, path, token, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
