package io.ballast.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.api.alert.Alert;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.api.risk.Severity;
import io.ballast.platform.app.RiskEvaluationByRules;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.security.AccessTokens;
import io.ballast.platform.store.AlertDelivery;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoredAlert;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The risk-evaluation operations over real HTTP, the real rule engine and a real H2 store. */
class RiskEvaluationApiTest {

    static final String TRADER = "trader-token-0123456789";
    static final String VIEWER = "viewer-token-0123456789";
    static final Instant DAY_0 = Instant.parse("2025-01-06T00:00:00Z");

    static final String RULES = """
            package io.ballast.rules;

            import io.ballast.api.risk.PositionRisk;
            import io.ballast.api.risk.ProposedTrade;
            import io.ballast.api.risk.RiskAction;
            import io.ballast.api.risk.RiskDecision;
            import io.ballast.api.risk.RiskSubject;
            import io.ballast.api.risk.Severity;

            global io.ballast.api.risk.RiskDecisions decisions;

            rule "hard stop-loss"
            when
                $position : PositionRisk( quantity != 0, unrealisedPnlFraction <= -0.08 )
            then
                decisions.add(RiskDecision.of(drools.getRule().getName(), Severity.CRITICAL, RiskAction.EXIT,
                        RiskSubject.asset($position.asset()), $position.asset() + " lost " + $position.unrealisedPnlFraction()));
            end

            rule "asset weight block"
            when
                $trade : ProposedTrade( increasesExposure(), resultingWeight > 0.2 )
            then
                decisions.add(RiskDecision.of(drools.getRule().getName(), Severity.WARNING, RiskAction.BLOCK_TRADE,
                        RiskSubject.trade($trade.id()), $trade.asset() + " would weigh " + $trade.resultingWeight()));
            end
            """;

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    Store store;
    Vertx vertx;
    HttpApi api;
    RiskEngine engine;
    String portfolioId;

    @BeforeEach
    void start() throws Exception {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(rules.resolve("rules.drl"), RULES);
        engine = RiskEngine.load(rules);
        store = Store.open(BallastConfig.defaults().store(), temp.resolve("data"));
        store.instruments().saveAll(List.of(new Instrument("AAA", "Alpha", AssetClass.EQUITY, "Technology", "USD")));
        store.priceBars().saveAll(List.of(bar(0, "100"), bar(1, "91")));
        portfolioId = UUID.randomUUID().toString();
        // 10 AAA at 100, last 91: down 9%; NAV 1090 + 910 = 2000
        store.portfolios().insert(new Portfolio(portfolioId, "One", "USD", new BigDecimal("1090"),
                List.of(new Position("AAA", BigDecimal.TEN, new BigDecimal("100"))), DAY_0, "pm"));
        RiskEvaluationByRules port = new RiskEvaluationByRules(new RiskFactsAssembler(store.instruments(), store.priceBars(),
                store.portfolios(), store.portfolioNavs(), Clock.systemUTC()), engine::evaluate, store.riskEvaluations(),
                store.alerts(), Clock.systemUTC());
        vertx = Vertx.vertx();
        AccessTokens tokens = AccessTokens.from(new BallastConfig.Security(List.of(
                new BallastConfig.AccessToken(TRADER, "tom", Set.of("trader")),
                new BallastConfig.AccessToken(VIEWER, "vera", Set.of("viewer")))));
        api = HttpApi.start(vertx, new BallastConfig.Http("127.0.0.1", 0), tokens, new HttpApiTest.FakePortfolios(),
                new HttpApiTest.FakeRiskChecks(), new HttpApiTest.FakeRules(), new HttpApiTest.FakePlugins(), new FakeQuant(), Map::of, port,
                new FakeRebalances(), new FakeApprovals()).await();
    }

    @AfterEach
    void stop() {
        api.close().await();
        vertx.close().await();
        store.close();
    }

    @Test
    void aStoredPortfolioIsEvaluatedAndTheEvaluationStoredWithTheUser() throws Exception {
        HttpResponse<String> response = post("{\"portfolioId\":\"" + portfolioId + "\"}", TRADER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("rulesVersion").asText()).isEqualTo(engine.version());
        assertThat(body.get("portfolioId").asText()).isEqualTo(portfolioId);
        assertThat(body.get("decisions")).hasSize(1);
        JsonNode exit = body.get("decisions").get(0);
        assertThat(exit.get("rule").asText()).isEqualTo("hard stop-loss");
        assertThat(exit.get("action").asText()).isEqualTo("EXIT");
        assertThat(exit.get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(exit.get("subject").get("kind").asText()).isEqualTo("asset");
        assertThat(exit.get("subject").get("id").asText()).isEqualTo("AAA");
        assertThat(exit.has("reduceFraction")).isFalse();

        HttpResponse<String> listed = get("/api/v1/risk/decisions?portfolioId=" + portfolioId + "&limit=5", VIEWER);
        assertThat(listed.statusCode()).isEqualTo(200);
        JsonNode evaluation = JSON.readTree(listed.body()).get("evaluations").get(0);
        assertThat(JSON.readTree(listed.body()).get("evaluations")).hasSize(1);
        assertThat(evaluation.get("trigger").asText()).isEqualTo("API");
        assertThat(evaluation.get("requestedBy").asText()).isEqualTo("tom");
        assertThat(evaluation.get("evaluatedAt").asText()).isEqualTo(body.get("evaluatedAt").asText());
        assertThat(evaluation.get("decisions").get(0).get("action").asText()).isEqualTo("EXIT");
    }

    @Test
    void anInlineWhatIfWithTradesIsJudgedAndNotStored() throws Exception {
        // NAV 1000 + 10 x 91 = 1910; buying 5 AAA takes it to 15 x 91 / 1910 = 0.7147 > 0.2: blocked
        HttpResponse<String> response = post("""
                {"cash":1000,"positions":[{"asset":"AAA","quantity":10,"averageEntryPrice":90}],
                 "trades":[{"asset":"AAA","side":"BUY","quantity":5}]}""", TRADER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("portfolioId")).isFalse();
        assertThat(body.get("decisions")).hasSize(1);
        assertThat(body.get("decisions").get(0).get("action").asText()).isEqualTo("BLOCK_TRADE");
        assertThat(body.get("decisions").get(0).get("subject").get("id").asText()).isEqualTo("1");
        assertThat(store.riskEvaluations().latest(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void exactlyOneOfPortfolioIdAndPositionsIsRequired() throws Exception {
        HttpResponse<String> both = post("{\"portfolioId\":\"" + portfolioId + "\",\"cash\":1,\"positions\":[]}", TRADER);
        HttpResponse<String> neither = post("{\"trades\":[]}", TRADER);

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(both.body()).get("errors").get(0).get("field").asText()).isEqualTo("portfolioId");
        assertThat(neither.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(neither.body()).get("errors").get(0).get("field").asText()).isEqualTo("portfolioId");
    }

    @Test
    void refusalsNameWhatIsWrongAndStoreNothing() throws Exception {
        HttpResponse<String> unknown = post("{\"portfolioId\":\"" + UUID.randomUUID() + "\"}", TRADER);
        HttpResponse<String> unpriced = post("{\"cash\":0,\"positions\":[{\"asset\":\"ZZZ\",\"quantity\":1,\"averageEntryPrice\":5}]}",
                TRADER);
        HttpResponse<String> duplicateTrade = post("{\"portfolioId\":\"" + portfolioId + "\",\"trades\":["
                + "{\"id\":\"t\",\"asset\":\"AAA\",\"side\":\"BUY\",\"quantity\":1},"
                + "{\"id\":\"t\",\"asset\":\"AAA\",\"side\":\"SELL\",\"quantity\":1}]}", TRADER);
        HttpResponse<String> byViewer = post("{\"portfolioId\":\"" + portfolioId + "\"}", VIEWER);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unpriced.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(unpriced.body()).get("errors").get(0).get("field").asText()).isEqualTo("positions[0].lastPrice");
        assertThat(duplicateTrade.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(duplicateTrade.body()).get("errors").get(0).get("field").asText()).isEqualTo("trades[1].id");
        assertThat(byViewer.statusCode()).isEqualTo(403);
        assertThat(store.riskEvaluations().latest(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void alertsAreListedNewestFirst() throws Exception {
        Alert older = new Alert(Severity.WARNING, "first", "m1", Instant.parse("2025-01-06T10:00:00Z"), "rule:a");
        Alert newer = new Alert(Severity.CRITICAL, "second", "m2", Instant.parse("2025-01-06T11:00:00Z"), "rule:b");
        store.alerts().insert(new StoredAlert(UUID.randomUUID().toString(), older, Optional.empty(), Optional.empty(),
                AlertDelivery.DELIVERED, Optional.empty()));
        store.alerts().insert(new StoredAlert(UUID.randomUUID().toString(), newer, Optional.of(portfolioId), Optional.of("v1"),
                AlertDelivery.FAILED, Optional.of("webhook: refused")));

        HttpResponse<String> response = get("/api/v1/alerts?limit=10", VIEWER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode alerts = JSON.readTree(response.body()).get("alerts");
        assertThat(alerts).hasSize(2);
        assertThat(alerts.get(0).get("title").asText()).isEqualTo("second");
        assertThat(alerts.get(0).get("portfolioId").asText()).isEqualTo(portfolioId);
        assertThat(alerts.get(0).get("delivery").asText()).isEqualTo("FAILED");
        assertThat(alerts.get(0).get("deliveryError").asText()).isEqualTo("webhook: refused");
        assertThat(alerts.get(0).get("raisedAt").asText()).isEqualTo("2025-01-06T11:00:00Z");
        assertThat(alerts.get(1).get("title").asText()).isEqualTo("first");
        assertThat(alerts.get(1).has("portfolioId")).isFalse();
        assertThat(get("/api/v1/alerts?limit=0", VIEWER).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String body, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/risk/evaluate"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static PriceBar bar(int day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar("AAA", DAY_0.plus(day, ChronoUnit.DAYS), price, price, price, price, BigDecimal.ONE);
    }
}
