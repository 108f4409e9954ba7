package io.ballast.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.health.ComponentHealth;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.problem.ServiceUnavailableException;
import io.ballast.platform.quant.estimate.CovarianceMethod;
import io.ballast.platform.quant.estimate.EstimationSettings;
import io.ballast.platform.security.AccessTokens;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The REST API over real HTTP, with in-memory stand-ins for the stages behind it. */
class HttpApiTest {

    private static final String VIEWER = "viewer-token-0123456789";
    private static final String MANAGER = "manager-token-0123456789";
    private static final String TRADER = "trader-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final String RISK_OFFICER = "risk-officer-token-0123456789";
    private static final Instant CREATED_AT = Instant.parse("2024-03-01T10:15:30Z");

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final FakePortfolios portfolios = new FakePortfolios();
    private static final FakeRiskChecks riskChecks = new FakeRiskChecks();
    private static final FakePlugins plugins = new FakePlugins();
    private static final FakeRules rules = new FakeRules();
    private static final FakeQuant quant = new FakeQuant();
    private static final Map<String, ComponentHealth> components = new ConcurrentHashMap<>();
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static Vertx vertx;
    private static HttpApi api;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        AccessTokens tokens = AccessTokens.from(new BallastConfig.Security(List.of(
                new BallastConfig.AccessToken(VIEWER, "vera", Set.of("viewer")),
                new BallastConfig.AccessToken(MANAGER, "paula", Set.of("portfolio-manager")),
                new BallastConfig.AccessToken(TRADER, "tom", Set.of("trader")),
                new BallastConfig.AccessToken(ADMIN, "ada", Set.of("admin")),
                new BallastConfig.AccessToken(RISK_OFFICER, "rita", Set.of("risk-officer")))));
        api = HttpApi.start(vertx, new BallastConfig.Http("127.0.0.1", 0), tokens, portfolios, riskChecks, rules, plugins, quant,
                () -> Map.copyOf(components), new UnusedRiskEvaluations(), new FakeRebalances(), new FakeApprovals()).await();
    }

    @AfterAll
    static void stop() {
        api.close().await();
        vertx.close().await();
    }

    @BeforeEach
    void reset() {
        portfolios.reset();
        riskChecks.reset();
        plugins.reset();
        rules.reset();
        components.clear();
    }

    private static final String VALID_BODY = """
            {"name":"Core","baseCurrency":"USD","cash":1000.50,
             "positions":[{"asset":"AAPL","quantity":10,"averagePrice":150.25}]}""";

    @Nested
    class Authentication {

        @Test
        void aRequestWithoutATokenIsRefusedWith401AndABearerChallenge() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios", null, VALID_BODY));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"ballast\"");
            assertProblem(response, 401);
            assertThat(portfolios.creates).isEmpty();
        }

        @Test
        void anUnknownTokenIsRefusedWith401AndInvalidToken() throws Exception {
            HttpResponse<String> response = send(get("/api/v1/portfolios/p-1", "not-a-token"));

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                    .hasValue("Bearer realm=\"ballast\", error=\"invalid_token\"");
            assertProblem(response, 401);
        }

        @Test
        void aTokenInAnotherSchemeCountsAsNoToken() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/portfolios/p-1"))
                    .header("Authorization", "Basic " + VIEWER).GET().build();

            assertThat(send(request).statusCode()).isEqualTo(401);
        }

        @Test
        void authenticationIsCheckedBeforeTheBody() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios", null, "{\"name\":42}"));

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void aRoleNotListedForTheOperationIsRefusedWith403BeforeTheBodyIsLookedAt() throws Exception {
            HttpResponse<String> valid = send(post("/api/v1/portfolios", VIEWER, VALID_BODY));
            HttpResponse<String> invalid = send(post("/api/v1/portfolios", VIEWER, "{\"name\":42}"));

            assertThat(valid.statusCode()).isEqualTo(403);
            JsonNode problem = assertProblem(valid, 403);
            assertThat(problem.get("detail").asText())
                    .isEqualTo("User vera may not createPortfolio: it needs one of the roles portfolio-manager, admin");
            assertThat(invalid.statusCode()).isEqualTo(403);
            assertThat(portfolios.creates).isEmpty();
        }

        @Test
        void theOpenEndpointsNeedNoToken() throws Exception {
            assertThat(send(get("/health", null)).statusCode()).isEqualTo(200);
            assertThat(send(get("/openapi.yaml", null)).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class CreatePortfolio {

        @Test
        void aPortfolioManagerCreatesAPortfolioAndGetsItsLocation() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER, VALID_BODY));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/portfolios/p-1");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"id":"p-1","name":"Core","baseCurrency":"USD","cash":1000.50,
                     "positions":[{"asset":"AAPL","quantity":10,"averagePrice":150.25}],
                     "createdAt":"2024-03-01T10:15:30Z","createdBy":"paula"}"""));
            assertThat(portfolios.creates).containsExactly(new CreateCall("Core", "USD", new BigDecimal("1000.50"),
                    List.of(new Position("AAPL", new BigDecimal("10"), new BigDecimal("150.25"))), "paula"));
        }

        @Test
        void amountsAreBookedExactlyAsSentNotThroughDouble() throws Exception {
            // 0.1 + 20 significant digits: a double keeps about 16
            String body = """
                    {"name":"Exact","baseCurrency":"EUR","cash":12345678901234.56789,
                     "positions":[{"asset":"BTC","quantity":0.12345678901234567891,"averagePrice":61234.5}]}""";

            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER, body));

            assertThat(response.statusCode()).isEqualTo(201);
            CreateCall call = portfolios.creates.getFirst();
            assertThat(call.cash()).isEqualByComparingTo("12345678901234.56789");
            assertThat(call.positions().getFirst().quantity()).isEqualByComparingTo("0.12345678901234567891");
            assertThat(JSON.readTree(response.body()).get("cash").decimalValue()).isEqualByComparingTo("12345678901234.56789");
        }

        @Test
        void aPortfolioWithoutPositionsIsAccepted() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER,
                    "{\"name\":\"Cash\",\"baseCurrency\":\"CHF\",\"cash\":0,\"positions\":[]}"));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(portfolios.creates.getFirst().positions()).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                missing name                  | {"baseCurrency":"USD","cash":1,"positions":[]}                                                    | name                      | is required
                empty name                    | {"name":"","baseCurrency":"USD","cash":1,"positions":[]}                                          | name                      | String is too short (0 < 1)
                lower-case currency           | {"name":"x","baseCurrency":"usd","cash":1,"positions":[]}                                         | baseCurrency              | does not match the pattern ^[A-Z]{3}$
                negative cash                 | {"name":"x","baseCurrency":"USD","cash":-0.01,"positions":[]}                                     | cash                      | -0.01 is less than 0
                quantity as a string          | {"name":"x","baseCurrency":"USD","cash":1,"positions":[{"asset":"A","quantity":"10","averagePrice":1}]} | positions[0].quantity | Instance type string is invalid. Expected number
                missing quantity              | {"name":"x","baseCurrency":"USD","cash":1,"positions":[{"asset":"A","averagePrice":1}]}           | positions[0].quantity     | is required
                zero average price            | {"name":"x","baseCurrency":"USD","cash":1,"positions":[{"asset":"A","quantity":1,"averagePrice":0}]} | positions[0].averagePrice | 0 is less than or equal to 0
                unknown property              | {"name":"x","baseCurrency":"USD","cash":1,"positions":[],"owner":"me"}                            | owner                     | is not a property of this object
                unknown property in position  | {"name":"x","baseCurrency":"USD","cash":1,"positions":[{"asset":"A","quantity":1,"averagePrice":1,"side":"buy"}]} | positions[0].side | is not a property of this object
                """)
        void aBodyTheContractRefusesIsAnswered400NamingTheField(String caseName, String body, String field, String problem)
                throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER, body));

            assertThat(response.statusCode()).as(caseName).isEqualTo(400);
            JsonNode errors = assertProblem(response, 400).get("errors");
            assertThat(errors).as(caseName).hasSize(1);
            assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
            assertThat(errors.get(0).get("problem").asText()).isEqualTo(problem);
            assertThat(portfolios.creates).isEmpty();
        }

        @Test
        void everyRefusedFieldIsNamed() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER,
                    "{\"baseCurrency\":\"usd\",\"cash\":1,\"positions\":[{\"asset\":\"A\",\"quantity\":\"1\",\"averagePrice\":1}]}"));

            assertThat(response.statusCode()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            assertProblem(response, 400).get("errors").forEach(error -> fields.add(error.get("field").asText()));
            assertThat(fields).containsExactlyInAnyOrder("name", "baseCurrency", "positions[0].quantity");
        }

        @Test
        void aBodyThatIsNotJsonIsAnswered400() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER, "{\"name\":"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(assertProblem(response, 400).get("detail").asText()).contains("can't be decoded");
        }

        @Test
        void aBodyThatIsNotDeclaredAsJsonIsAnswered400() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/portfolios"))
                    .header("Authorization", "Bearer " + MANAGER)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(VALID_BODY)).build();

            HttpResponse<String> response = send(request);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(assertProblem(response, 400).get("detail").asText())
                    .isEqualTo("The request does not match the API contract (/openapi.yaml): The format of the request body is not supported");
        }

        @Test
        void aMethodTheContractDoesNotHaveIsAnswered405Problem() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/portfolios/p-1"))
                    .header("Authorization", "Bearer " + MANAGER).DELETE().build();

            HttpResponse<String> response = send(request);

            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(assertProblem(response, 405).get("detail").asText())
                    .isEqualTo("DELETE /api/v1/portfolios/p-1: the method is not allowed on this resource");
        }

        @Test
        void aMissingBodyIsAnswered400() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/portfolios"))
                    .header("Authorization", "Bearer " + MANAGER)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();

            HttpResponse<String> response = send(request);

            assertThat(response.statusCode()).isEqualTo(400);
            assertProblem(response, 400);
        }

        @Test
        void inputThePortfolioStageRefusesIsAnswered422NamingTheField() throws Exception {
            portfolios.failure = new InvalidInputException("positions[0].quantity", "must not be zero");

            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER, VALID_BODY));

            assertThat(response.statusCode()).isEqualTo(422);
            JsonNode problem = assertProblem(response, 422);
            assertThat(problem.get("detail").asText()).isEqualTo("positions[0].quantity: must not be zero");
            assertThat(problem.get("errors")).isEqualTo(JSON.readTree("[{\"field\":\"positions[0].quantity\",\"problem\":\"must not be zero\"}]"));
        }

        @Test
        void anUnexpectedFailureIsAnswered500WithoutItsInternals() throws Exception {
            portfolios.failure = new IllegalStateException("connection to jdbc:postgresql://db-7/ballast refused");

            HttpResponse<String> response = send(post("/api/v1/portfolios", MANAGER, VALID_BODY));

            assertThat(response.statusCode()).isEqualTo(500);
            JsonNode problem = assertProblem(response, 500);
            String errorId = problem.get("errorId").asText();
            assertThat(errorId).matches("[0-9a-f-]{36}");
            assertThat(problem.get("detail").asText()).endsWith(errorId);
            assertThat(response.body()).doesNotContain("postgresql", "IllegalStateException");
        }

        @Test
        void thePortIsCalledOffTheEventLoop() throws Exception {
            send(post("/api/v1/portfolios", MANAGER, VALID_BODY));

            assertThat(portfolios.calledOnWorkerThread).isTrue();
        }
    }

    @Nested
    class GetPortfolio {

        @Test
        void anyRoleGetsTheValuation() throws Exception {
            portfolios.valuations.put("p-9", new PortfolioValuation("p-9", "Core", "USD", new BigDecimal("500.00"),
                    new BigDecimal("2000.00"), Instant.parse("2024-03-02T16:00:00Z"),
                    List.of(new HoldingValuation("AAPL", new BigDecimal("10"), new BigDecimal("120.00"),
                            new BigDecimal("150.00"), Instant.parse("2024-03-01T21:00:00Z"), new BigDecimal("1500.00"),
                            new BigDecimal("0.75"), new BigDecimal("300.00"), new BigDecimal("0.25")))));

            HttpResponse<String> response = send(get("/api/v1/portfolios/p-9", VIEWER));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"id":"p-9","name":"Core","baseCurrency":"USD","cash":500.00,"nav":2000.00,
                     "valuedAt":"2024-03-02T16:00:00Z",
                     "holdings":[{"asset":"AAPL","quantity":10,"averagePrice":120.00,"lastPrice":150.00,
                                  "lastPriceTime":"2024-03-01T21:00:00Z","marketValue":1500.00,"weight":0.75,
                                  "unrealisedPnl":300.00,"unrealisedPnlFraction":0.25}],
                     "unpricedAssets":[]}"""));
        }

        @Test
        void anUnpricedHoldingIsShownWithNullValues() throws Exception {
            portfolios.valuations.put("p-10", new PortfolioValuation("p-10", "New", "USD", new BigDecimal("100.00"),
                    new BigDecimal("100.00"), Instant.parse("2024-03-02T16:00:00Z"),
                    List.of(new HoldingValuation("NEW", new BigDecimal("7"), new BigDecimal("3.00"),
                            null, null, null, null, null, null))));

            HttpResponse<String> response = send(get("/api/v1/portfolios/p-10", VIEWER));

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode valuation = JSON.readTree(response.body());
            assertThat(valuation.get("holdings")).isEqualTo(JSON.readTree("""
                    [{"asset":"NEW","quantity":7,"averagePrice":3.00,"lastPrice":null,"lastPriceTime":null,
                      "marketValue":null,"weight":null,"unrealisedPnl":null,"unrealisedPnlFraction":null}]"""));
            assertThat(valuation.get("unpricedAssets")).isEqualTo(JSON.readTree("[\"NEW\"]"));
        }

        @Test
        void anUnknownIdIsAnswered404() throws Exception {
            HttpResponse<String> response = send(get("/api/v1/portfolios/nope", VIEWER));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(assertProblem(response, 404).get("detail").asText()).isEqualTo("There is no portfolio with id nope");
        }

        @Test
        void aPathTheContractDoesNotHaveIsAnswered404Problem() throws Exception {
            HttpResponse<String> response = send(get("/api/v1/nothing-here", VIEWER));

            assertThat(response.statusCode()).isEqualTo(404);
            assertProblem(response, 404);
        }

        @Test
        void aPathTheContractDoesNotHaveNeedsATokenBeforeItIsAnswered404() throws Exception {
            assertProblem(send(get("/api/v1/nothing-here", null)), 401);
            assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/portfolios/p-1")).DELETE().build()), 401);
        }
    }

    @Nested
    class Optimize {

        private static final String INLINE = """
                {"dates": ["2025-01-02", "2025-01-03", "2025-01-06"],
                 "closes": {"AAA": [10, 10.5, 10.2], "BBB": [null, 20, 21]}}""";

        @Test
        void theRequestReachesTheConstructionStageAsTyped() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/optimize", VIEWER, """
                    {"method": "max-sharpe", "prices": %s, "riskFreeRate": 0.03,
                     "estimation": {"periodsPerYear": 365, "covariance": "ledoit-wolf"},
                     "constraints": {"maxWeight": 0.7, "sectorByAsset": {"AAA": "tech", "BBB": "tech"},
                                     "maxWeightBySector": {"tech": 1}, "l2Gamma": 0.5},
                     "views": {"marketCapitalisations": {"AAA": 3, "BBB": 1},
                               "views": [{"pick": {"AAA": 1, "BBB": -1}, "expectedReturn": 0.02, "confidence": 0.6}]},
                     "parameters": {"targetReturn": 0.1}}""".formatted(INLINE)));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"method": "max-sharpe", "weights": {"AAA": 0.5, "BBB": 0.5},
                     "performance": {"expectedReturn": 0.1, "volatility": 0.2, "sharpe": 0.4}}"""));
            ConstructionRequest request = quant.lastRequest.get();
            assertThat(request.method()).isEqualTo("max-sharpe");
            assertThat(request.prices().assets()).containsExactly("AAA", "BBB");
            assertThat(request.prices().closes("BBB")[0]).isNaN();
            assertThat(request.prices().closes("AAA")[2]).isEqualTo(10.2);
            assertThat(request.annualRiskFreeRate()).isEqualTo(0.03);
            assertThat(request.estimation().periodsPerYear()).isEqualTo(365);
            assertThat(request.estimation().covarianceMethod()).isEqualTo(CovarianceMethod.LEDOIT_WOLF);
            assertThat(request.constraints().upperBound("AAA")).isEqualTo(0.7);
            assertThat(request.constraints().maxWeightBySector()).containsEntry("tech", 1.0);
            assertThat(request.constraints().l2Gamma()).isEqualTo(0.5);
            assertThat(request.views().marketCapitalisationByAsset()).containsEntry("AAA", 3.0);
            assertThat(request.views().views().get(0).confidence()).hasValue(0.6);
            assertThat(((Number) request.parameters().get("targetReturn")).doubleValue()).isEqualTo(0.1);
        }

        @Test
        void withoutChoicesTheDesignDefaultsApply() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/optimize", VIEWER,
                    "{\"method\": \"min-volatility\", \"prices\": " + INLINE + "}"));

            assertThat(response.statusCode()).isEqualTo(200);
            ConstructionRequest request = quant.lastRequest.get();
            assertThat(request.annualRiskFreeRate()).isEqualTo(0.02);
            assertThat(request.estimation()).isEqualTo(EstimationSettings.defaults());
            assertThat(request.constraints()).isEqualTo(WeightConstraints.longOnly());
            assertThat(request.views()).isEqualTo(MarketViews.none());
        }

        @Test
        void storedPricesAreAskedForByAssetAndDates() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/optimize/frontier", VIEWER,
                    "{\"points\": 3, \"prices\": {\"assets\": [\"AAA\", \"BBB\"], \"from\": \"2024-01-01\"}}"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("points")).hasSize(3);
            assertThat(quant.lastStoredPrices.get()).containsExactly(List.of("AAA", "BBB"),
                    Optional.of(LocalDate.of(2024, 1, 1)), Optional.empty());
        }

        @Test
        void whatTheSchemaCannotSayIsRefusedNamingTheField() throws Exception {
            assertThat(field(send(post("/api/v1/optimize", VIEWER, """
                    {"method": "hrp", "prices": {"dates": ["2025-01-02", "2025-01-03"], "closes": {"AAA": [1, 2]}, "assets": ["AAA"]}}"""))))
                    .isEqualTo("prices");
            assertThat(field(send(post("/api/v1/optimize", VIEWER, """
                    {"method": "hrp", "prices": {"dates": ["2025-01-02", "2025-01-03"], "closes": {"AAA": [1, 2, 3]}}}"""))))
                    .isEqualTo("prices.closes.AAA");
            assertThat(field(send(post("/api/v1/optimize", VIEWER,
                    "{\"method\": \"hrp\", \"prices\": " + INLINE + ", \"constraints\": {\"minWeight\": 0.6, \"maxWeight\": 0.5}}"))))
                    .isEqualTo("constraints");
            assertThat(field(send(post("/api/v1/optimize", VIEWER,
                    "{\"method\": \"hrp\", \"prices\": " + INLINE + ", \"views\": {\"views\": [{\"pick\": {\"AAA\": 0}, \"expectedReturn\": 0.1}]}}"))))
                    .isEqualTo("views.views[0]");
            assertThat(field(send(post("/api/v1/optimize", VIEWER,
                    "{\"method\": \"hrp\", \"prices\": {\"assets\": [\"AAA\", \"NOPE\"]}}"))))
                    .isEqualTo("prices.assets[1]");
        }

        @Test
        void inlinePricesNoHistoryCanHoldAreRefusedUnderPrices() throws Exception {
            quant.lastRequest.set(null);
            JsonNode descending = assertProblem(send(post("/api/v1/optimize", VIEWER, """
                    {"method": "hrp", "prices": {"dates": ["2025-01-03", "2025-01-02"], "closes": {"AAA": [1, 2]}}}""")), 422)
                    .get("errors").get(0);
            JsonNode zero = assertProblem(send(post("/api/v1/optimize", VIEWER, """
                    {"method": "hrp", "prices": {"dates": ["2025-01-02", "2025-01-03"], "closes": {"AAA": [1, 0]}}}""")), 422)
                    .get("errors").get(0);
            JsonNode neverPriced = assertProblem(send(post("/api/v1/optimize", VIEWER, """
                    {"method": "hrp", "prices": {"dates": ["2025-01-02", "2025-01-03"], "closes": {"AAA": [1, 2], "BBB": [null, null]}}}""")),
                    422).get("errors").get(0);

            assertThat(descending.get("field").asText()).isEqualTo("prices");
            assertThat(descending.get("problem").asText()).contains("strictly increasing").contains("2025-01-03 is followed by 2025-01-02");
            assertThat(zero.get("field").asText()).isEqualTo("prices");
            assertThat(zero.get("problem").asText()).contains("AAA on 2025-01-03").contains("positive");
            assertThat(neverPriced.get("field").asText()).isEqualTo("prices");
            assertThat(neverPriced.get("problem").asText()).isEqualTo("asset BBB has no price at all");
            assertThat(quant.lastRequest.get()).isNull();
        }

        @Test
        void anUnknownEstimatorIsRefusedByTheContract() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/optimize", VIEWER,
                    "{\"method\": \"hrp\", \"prices\": " + INLINE + ", \"estimation\": {\"covariance\": \"guess\"}}"));

            assertThat(assertProblem(response, 400).get("errors").get(0).get("field").asText()).isEqualTo("estimation.covariance");
        }

        @Test
        void everyRoleMayOptimizeButNotWithoutAToken() throws Exception {
            assertThat(send(post("/api/v1/optimize", null, "{\"method\": \"hrp\", \"prices\": " + INLINE + "}")).statusCode())
                    .isEqualTo(401);
        }

        private String field(HttpResponse<String> response) throws IOException {
            return assertProblem(response, 422).get("errors").get(0).get("field").asText();
        }
    }

    @Nested
    class RiskCheck {

        @Test
        void aTraderRunsARiskCheck() throws Exception {
            riskChecks.results.put("p-1", new RiskCheckPort.RiskCheck("p-1", "rules-7", List.of(
                    RiskDecision.reduce("concentration", Severity.WARNING, 0.5, RiskSubject.asset("AAPL"), "AAPL is 62% of NAV"),
                    RiskDecision.of("drawdown", Severity.INFO, RiskAction.ALLOW, RiskSubject.portfolio("p-1"), "drawdown 3%"))));

            HttpResponse<String> response = send(post("/api/v1/portfolios/p-1/risk-checks", TRADER, null));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"portfolioId":"p-1","rulesVersion":"rules-7","decisions":[
                      {"rule":"concentration","severity":"WARNING","action":"REDUCE","reduceFraction":0.5,
                       "subject":{"kind":"asset","id":"AAPL"},"message":"AAPL is 62% of NAV"},
                      {"rule":"drawdown","severity":"INFO","action":"ALLOW",
                       "subject":{"kind":"portfolio","id":"p-1"},"message":"drawdown 3%"}]}"""));
            assertThat(riskChecks.requestedBy).containsExactly("tom");
        }

        @Test
        void aRiskCheckTheEngineDidNotAnswerIsAnswered503() throws Exception {
            riskChecks.unavailable = new ServiceUnavailableException("risk check of portfolio p-2 did not end within PT10S", null);

            HttpResponse<String> response = send(post("/api/v1/portfolios/p-2/risk-checks", TRADER, null));

            assertThat(assertProblem(response, 503).get("detail").asText())
                    .isEqualTo("risk check of portfolio p-2 did not end within PT10S");
        }

        @Test
        void aViewerMayNotRunARiskCheck() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios/p-1/risk-checks", VIEWER, null));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(riskChecks.requestedBy).isEmpty();
        }

        @Test
        void anUnknownPortfolioIsAnswered404() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/portfolios/ghost/risk-checks", MANAGER, null));

            assertThat(response.statusCode()).isEqualTo(404);
            assertProblem(response, 404);
        }
    }

    @Nested
    class Plugins {

        private static final byte[] JAR = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, (byte) 0xff};

        @Test
        void anyRoleListsThePluginsWithTheirExtensionsAndParameters() throws Exception {
            plugins.listed = List.of(
                    new PluginPort.PluginView("optimizers", "1.2.0", "optimizers.jar", "STARTED", List.of(
                            new PluginPort.ExtensionView("optimizer", "kelly", "1.0.0", "Kelly criterion", List.of(
                                    new PluginPort.ParameterView("kellyFraction", "NUMBER", "fraction of full Kelly", 0.5, 0.0, 1.0),
                                    new PluginPort.ParameterView("riskBudgets", "NUMBER_BY_NAME", "budget by asset", null, null, null)))),
                            null, null),
                    new PluginPort.PluginView("x.jar", null, "x.jar", "FAILED", List.of(), "not a readable jar file: zip END header not found",
                            "UNREADABLE_JAR"));

            HttpResponse<String> response = send(get("/api/v1/plugins", VIEWER));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"apiVersion":"1.2.0","plugins":[
                      {"id":"optimizers","version":"1.2.0","jar":"optimizers.jar","state":"STARTED","extensions":[
                        {"point":"optimizer","id":"kelly","version":"1.0.0","description":"Kelly criterion","parameters":[
                          {"name":"kellyFraction","type":"NUMBER","description":"fraction of full Kelly","default":0.5,"minimum":0.0,"maximum":1.0},
                          {"name":"riskBudgets","type":"NUMBER_BY_NAME","description":"budget by asset"}]}]},
                      {"id":"x.jar","jar":"x.jar","state":"FAILED","extensions":[],
                       "failureReason":"not a readable jar file: zip END header not found","refusal":"UNREADABLE_JAR"}]}"""));
        }

        @Test
        void listingNeedsAToken() throws Exception {
            assertProblem(send(get("/api/v1/plugins", null)), 401);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"application/java-archive", "application/octet-stream"})
        void anAdminUploadsAJarAsTheBodyAndGetsTheStartedPlugin(String contentType) throws Exception {
            HttpResponse<String> response = send(upload(ADMIN, contentType, JAR));

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"id":"uploaded","version":"1.0.0","jar":"uploaded.jar","state":"STARTED","extensions":[]}"""));
            assertThat(plugins.installed).singleElement().isEqualTo(JAR);
            assertThat(plugins.calledOnWorkerThread).isTrue();
        }

        @Test
        void aJarTheHostRefusesIsAnswered422NamingWhatIsWrong() throws Exception {
            plugins.refusal = new InvalidInputException("Plugin-Requires",
                    "plugin x requires Ballast API ^2.0.0, this platform provides 1.2.0");

            HttpResponse<String> response = send(upload(ADMIN, "application/java-archive", JAR));

            JsonNode problem = assertProblem(response, 422);
            assertThat(problem.get("errors")).isEqualTo(JSON.readTree("""
                    [{"field":"Plugin-Requires","problem":"plugin x requires Ballast API ^2.0.0, this platform provides 1.2.0"}]"""));
        }

        @Test
        void anUploadThatIsNotAJarTypeOrHasNoBodyIsAnswered400() throws Exception {
            HttpResponse<String> asText = send(upload(ADMIN, "text/plain", JAR));
            HttpResponse<String> empty = send(HttpRequest.newBuilder(uri("/api/v1/plugins")).header("Authorization", "Bearer " + ADMIN)
                    .header("Content-Type", "application/java-archive").POST(HttpRequest.BodyPublishers.noBody()).build());

            assertThat(assertProblem(asText, 400).get("detail").asText())
                    .isEqualTo("The request does not match the API contract (/openapi.yaml): The format of the request body is not supported");
            assertProblem(empty, 400);
            assertThat(plugins.installed).isEmpty();
        }

        @Test
        void onlyAnAdminMayUploadStartOrStopAndOnlyWithAToken() throws Exception {
            assertProblem(send(upload(MANAGER, "application/java-archive", JAR)), 403);
            assertProblem(send(upload(null, "application/java-archive", new byte[2 * 1024 * 1024])), 401);
            assertProblem(send(post("/api/v1/plugins/optimizers/start", VIEWER, null)), 403);
            assertProblem(send(post("/api/v1/plugins/optimizers/stop", TRADER, null)), 403);
            assertThat(plugins.installed).isEmpty();
            assertThat(plugins.changes).isEmpty();
        }

        @Test
        void aCallerWhoMayNotInstallIsRefusedBeforeTheBodyIsRead() throws Exception {
            // a declared body past the 64 MiB limit: read for anyone with a valid token, it would be answered 413, not 403
            try (Socket socket = new Socket("127.0.0.1", api.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/plugins HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + MANAGER
                        + "\r\nContent-Type: application/java-archive\r\nContent-Length: " + (64L * 1024 * 1024 + 1)
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(JAR);
                out.flush();
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();

                assertThat(statusLine).startsWith("HTTP/1.1 403");
            }
            assertThat(plugins.installed).isEmpty();
        }

        @Test
        void anAdminStartsAndStopsAPluginById() throws Exception {
            HttpResponse<String> started = send(post("/api/v1/plugins/optimizers/start", ADMIN, null));
            HttpResponse<String> stopped = send(post("/api/v1/plugins/optimizers/stop", ADMIN, null));

            assertThat(started.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(started.body()).get("state").asText()).isEqualTo("STARTED");
            assertThat(JSON.readTree(stopped.body()).get("state").asText()).isEqualTo("STOPPED");
            assertThat(plugins.changes).containsExactly("start optimizers", "stop optimizers");
        }

        @Test
        void anUnknownPluginIsAnswered404AndARefusedOne422() throws Exception {
            assertThat(assertProblem(send(post("/api/v1/plugins/ghost/start", ADMIN, null)), 404).get("detail").asText())
                    .isEqualTo("There is no plugin with id ghost");
            assertProblem(send(post("/api/v1/plugins/ghost/stop", ADMIN, null)), 404);

            plugins.refusal = new InvalidInputException("id", "plugin next was refused (API_MISMATCH): ...; replace its jar to load it");
            assertThat(assertProblem(send(post("/api/v1/plugins/next/start", ADMIN, null)), 422).get("errors").get(0).get("field").asText())
                    .isEqualTo("id");
        }

        private HttpRequest upload(String token, String contentType, byte[] body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/plugins")).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.build();
        }
    }

    @Nested
    class Health {

        @Test
        void allComponentsUpIs200() throws Exception {
            components.put("store", ComponentHealth.up(Map.of("database", "H2")));
            components.put("workflow", ComponentHealth.up(Map.of()));

            HttpResponse<String> response = send(get("/health", null));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"status":"UP","components":{"store":{"status":"UP","database":"H2"},
                                                 "workflow":{"status":"UP"}}}"""));
        }

        @Test
        void oneComponentDownIs503NamingIt() throws Exception {
            components.put("store", ComponentHealth.up(Map.of()));
            components.put("workflow", ComponentHealth.down("gateway 127.0.0.1:26500 unreachable", Map.of()));

            HttpResponse<String> response = send(get("/health", null));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"status":"DOWN","components":{"store":{"status":"UP"},
                     "workflow":{"status":"DOWN","error":"gateway 127.0.0.1:26500 unreachable"}}}"""));
        }
    }

    @Nested
    class Rules {

        private static final Instant ACTIVATED = Instant.parse("2026-01-02T03:04:05Z");
        private static final Instant ATTEMPTED = Instant.parse("2026-01-02T04:00:00Z");

        @ParameterizedTest(name = "{0}")
        @CsvSource({VIEWER, TRADER, MANAGER, RISK_OFFICER, ADMIN})
        void everyRoleReadsTheRulesAndTheirStatus(String token) throws Exception {
            HttpResponse<String> list = send(get("/api/v1/rules", token));
            HttpResponse<String> status = send(get("/api/v1/rules/status", token));

            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(list.body())).isEqualTo(JSON.readTree("""
                    {"version":"0123456789ab","activatedAt":"2026-01-02T03:04:05Z","ruleCount":2,
                     "files":[{"path":"stop-loss.drl","rules":["hard stop-loss","soft stop-loss"]}],
                     "limits":{"stopLoss.hardLossFraction":0.08}}"""));
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(status.body())).isEqualTo(JSON.readTree("""
                    {"version":"0123456789ab","activatedAt":"2026-01-02T03:04:05Z","ruleCount":2,"files":["stop-loss.drl"],
                     "limits":{"stopLoss.hardLossFraction":0.08}}"""));
        }

        @Test
        void theStatusShowsARejectedReloadWithItsErrorsAndFailedScenarios() throws Exception {
            rules.lastReload = new RulesPort.ReloadView(ATTEMPTED, "ba9876543210", "REJECTED",
                    List.of(new RulesPort.ErrorView("stop-loss.drl", 12, "unexpected token 'then'")),
                    List.of(new RulesPort.ScenarioView("tests/stop-loss.yaml", "down 8% exits", false,
                            List.of("hard stop-loss EXIT asset:AAPL"), List.of())));

            HttpResponse<String> response = send(get("/api/v1/rules/status", VIEWER));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body()).get("lastReload")).isEqualTo(JSON.readTree("""
                    {"at":"2026-01-02T04:00:00Z","candidateVersion":"ba9876543210","outcome":"REJECTED",
                     "errors":[{"file":"stop-loss.drl","line":12,"message":"unexpected token 'then'"}],
                     "failedScenarios":[{"file":"tests/stop-loss.yaml","name":"down 8% exits","passed":false,
                                         "missing":["hard stop-loss EXIT asset:AAPL"],"unexpected":[]}]}"""));
        }

        @Test
        void readingTheRulesNeedsAToken() throws Exception {
            assertProblem(send(get("/api/v1/rules", null)), 401);
            assertProblem(send(get("/api/v1/rules/status", null)), 401);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({VIEWER, TRADER, MANAGER})
        void onlyARiskOfficerOrAnAdminValidatesOrReloads(String token) throws Exception {
            assertProblem(send(post("/api/v1/rules/validate", token, VALID_RULES)), 403);
            assertProblem(send(post("/api/v1/rules/reload", token, null)), 403);
            assertThat(rules.validations).isEmpty();
            assertThat(rules.reloads).isZero();
        }

        @Test
        void validatingOrReloadingNeedsAToken() throws Exception {
            assertProblem(send(post("/api/v1/rules/validate", null, VALID_RULES)), 401);
            assertProblem(send(post("/api/v1/rules/reload", null, null)), 401);
        }

        private static final String VALID_RULES = """
                {"files":[{"path":"stop-loss.drl","content":"package io.ballast.rules;"},
                          {"path":"limits.yaml","content":"stopLoss:\\n  hardLossFraction: 0.07\\n"},
                          {"path":"tests/extra.yaml","content":"scenarios: []"}]}""";

        @ParameterizedTest(name = "{0}")
        @CsvSource({RISK_OFFICER, ADMIN})
        void aRiskOfficerOrAnAdminValidatesFilesAndGetsTheVerdict(String token) throws Exception {
            rules.verdict = new RulesPort.Validation(false, "ba9876543210",
                    List.of(new RulesPort.ErrorView("stop-loss.drl", 3, "no viable alternative"), new RulesPort.ErrorView("", null, "folder")),
                    List.of());

            HttpResponse<String> response = send(post("/api/v1/rules/validate", token, VALID_RULES));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"valid":false,"version":"ba9876543210",
                     "errors":[{"file":"stop-loss.drl","line":3,"message":"no viable alternative"},{"file":"","message":"folder"}],
                     "scenarios":[]}"""));
            assertThat(rules.validations).containsExactly(Map.of(
                    "stop-loss.drl", "package io.ballast.rules;",
                    "limits.yaml", "stopLoss:\n  hardLossFraction: 0.07\n",
                    "tests/extra.yaml", "scenarios: []"));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "../etc/passwd.drl | must name a file below the rules folder, without '.', '..' or empty segments: ../etc/passwd.drl",
                "crypto/../x.drl   | must name a file below the rules folder, without '.', '..' or empty segments: crypto/../x.drl",
                "/rules/x.drl      | must be relative to the rules folder, not absolute: /rules/x.drl",
                "notes.txt         | must be a .drl file, limits.yaml or tests/<name>.yaml: notes.txt",
                "tests/a/b.yaml    | must be a .drl file, limits.yaml or tests/<name>.yaml: tests/a/b.yaml",
                "other.yaml        | must be a .drl file, limits.yaml or tests/<name>.yaml: other.yaml"})
        void aPathOutsideTheRuleFilesIsAnswered400NamingIt(String path, String problem) throws Exception {
            String body = "{\"files\":[{\"path\":\"ok.drl\",\"content\":\"\"},{\"path\":\"" + path + "\",\"content\":\"x\"}]}";

            JsonNode errors = assertProblem(send(post("/api/v1/rules/validate", RISK_OFFICER, body)), 400).get("errors");

            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).get("field").asText()).isEqualTo("files[1].path");
            assertThat(errors.get(0).get("problem").asText()).isEqualTo(problem);
            assertThat(rules.validations).isEmpty();
        }

        @Test
        void theSamePathTwiceIsAnswered400NamingTheSecond() throws Exception {
            JsonNode errors = assertProblem(send(post("/api/v1/rules/validate", RISK_OFFICER, """
                    {"files":[{"path":"a.drl","content":""},{"path":"a.drl","content":"x"}]}""")), 400).get("errors");

            assertThat(errors.get(0).get("field").asText()).isEqualTo("files[1].path");
            assertThat(errors.get(0).get("problem").asText()).isEqualTo("a.drl is sent twice");
        }

        @Test
        void aBodyWithoutFilesIsRefusedByTheContract() throws Exception {
            assertProblem(send(post("/api/v1/rules/validate", RISK_OFFICER, "{\"files\":[]}")), 400);
            assertProblem(send(post("/api/v1/rules/validate", RISK_OFFICER, "{\"files\":[{\"path\":\"a.drl\"}]}")), 400);
            assertThat(rules.validations).isEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"ACTIVATED", "UNCHANGED"})
        void aReloadThatWentLiveOrChangedNothingAnswers200WithTheStatus(String outcome) throws Exception {
            rules.reloadOutcome = new RulesPort.ReloadView(ATTEMPTED, "0123456789ab", outcome, List.of(), List.of());

            HttpResponse<String> response = send(post("/api/v1/rules/reload", RISK_OFFICER, null));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"version":"0123456789ab","activatedAt":"2026-01-02T03:04:05Z","ruleCount":2,"files":["stop-loss.drl"],
                     "limits":{"stopLoss.hardLossFraction":0.08},
                     "lastReload":{"at":"2026-01-02T04:00:00Z","candidateVersion":"0123456789ab","outcome":"%s",
                                   "errors":[],"failedScenarios":[]}}""".formatted(outcome)));
            assertThat(rules.reloads).isEqualTo(1);
        }

        @Test
        void aRejectedReloadAnswers422NamingEachErrorAndFailedScenario() throws Exception {
            rules.reloadOutcome = new RulesPort.ReloadView(ATTEMPTED, "ba9876543210", "REJECTED",
                    List.of(new RulesPort.ErrorView("stop-loss.drl", 12, "unexpected token 'then'")),
                    List.of(new RulesPort.ScenarioView("tests/stop-loss.yaml", "down 8% exits", false,
                            List.of("hard stop-loss EXIT asset:AAPL"), List.of("x"))));

            JsonNode problem = assertProblem(send(post("/api/v1/rules/reload", ADMIN, null)), 422);

            assertThat(problem.get("detail").asText())
                    .isEqualTo("The rules folder (candidate version ba9876543210) was not put in service; version 0123456789ab goes on deciding");
            assertThat(problem.get("errors")).isEqualTo(JSON.readTree("""
                    [{"field":"stop-loss.drl","problem":"line 12: unexpected token 'then'"},
                     {"field":"tests/stop-loss.yaml",
                      "problem":"scenario 'down 8% exits' failed: missing [hard stop-loss EXIT asset:AAPL]; unexpected [x]"}]"""));
        }
    }

    @Nested
    class Contract {

        @Test
        void theDocumentIsServedAsYamlAndNamesTheRolesOfEachOperation() throws Exception {
            HttpResponse<String> response = send(get("/openapi.yaml", null));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/yaml");
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(response.body());
            assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
            assertThat(document.get("info").get("title").asText()).isEqualTo("Ballast");
            JsonNode create = document.at("/paths/~1api~1v1~1portfolios/post");
            assertThat(create.get("operationId").asText()).isEqualTo("createPortfolio");
            assertThat(create.get("x-ballast-roles")).isEqualTo(JSON.readTree("[\"portfolio-manager\",\"admin\"]"));
            assertThat(document.at("/components/responses/BadRequest/content").fieldNames().next())
                    .isEqualTo("application/problem+json");
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void closeLetsARequestInFlightFinishAndThenRefusesConnections() throws Exception {
            Vertx own = Vertx.vertx();
            FakePortfolios slow = new FakePortfolios();
            slow.gate = new CountDownLatch(1);
            HttpApi second = HttpApi.start(own, new BallastConfig.Http("127.0.0.1", 0),
                    AccessTokens.from(new BallastConfig.Security(List.of(
                            new BallastConfig.AccessToken(MANAGER, "paula", Set.of("admin"))))),
                    slow, riskChecks, rules, plugins, quant, Map::of, new UnusedRiskEvaluations(), new FakeRebalances(),
                    new FakeApprovals()).await();
            try {
                URI target = URI.create("http://127.0.0.1:" + second.port() + "/api/v1/portfolios");
                CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                        HttpRequest.newBuilder(target).header("Authorization", "Bearer " + MANAGER)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(VALID_BODY)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();

                var closing = second.close();
                slow.gate.countDown();

                assertThat(inFlight.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
                closing.await();
                assertThatThrownBy(() -> HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port() + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                        .isInstanceOf(IOException.class);
            } finally {
                own.close().await();
            }
        }

        @Test
        void aPortInUseFailsStartWithAStartupExceptionNamingIt() {
            assertThatThrownBy(() -> HttpApi.start(vertx, new BallastConfig.Http("127.0.0.1", api.port()),
                    AccessTokens.from(new BallastConfig.Security(List.of())), portfolios, riskChecks, rules, plugins, quant, Map::of,
                    new UnusedRiskEvaluations(), new FakeRebalances(), new FakeApprovals()).await())
                    .isInstanceOf(StartupException.class)
                    .hasMessageStartingWith("http: cannot listen on 127.0.0.1:" + api.port() + ": ");
        }
    }

    // --- HTTP plumbing -------------------------------------------------------------------------

    private static URI uri(String path) {
        return LocalApiRequests.uri(api.port(), path);
    }

    private static HttpRequest get(String path, String token) {
        return LocalApiRequests.get(api.port(), path, token);
    }

    private static HttpRequest post(String path, String token, String json) {
        return LocalApiRequests.post(api.port(), path, token, json, null);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        return problem;
    }

    // --- stand-ins for the stages --------------------------------------------------------------

    record CreateCall(String name, String baseCurrency, BigDecimal cash, List<Position> positions, String createdBy) {}

    static final class FakePortfolios implements PortfolioPort {
        final List<CreateCall> creates = new CopyOnWriteArrayList<>();
        final Map<String, PortfolioValuation> valuations = new ConcurrentHashMap<>();
        final CountDownLatch entered = new CountDownLatch(1);
        volatile CountDownLatch gate;
        volatile RuntimeException failure;
        volatile boolean calledOnWorkerThread;

        void reset() {
            creates.clear();
            valuations.clear();
            failure = null;
            calledOnWorkerThread = false;
        }

        @Override
        public Portfolio create(String name, String baseCurrency, BigDecimal cash, List<Position> positions, String createdBy) {
            calledOnWorkerThread = Context.isOnWorkerThread();
            entered.countDown();
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw failure;
            }
            creates.add(new CreateCall(name, baseCurrency, cash, positions, createdBy));
            return new Portfolio("p-" + creates.size(), name, baseCurrency, cash, positions, CREATED_AT, createdBy);
        }

        @Override
        public Optional<PortfolioValuation> value(String id) {
            return Optional.ofNullable(valuations.get(id));
        }
    }

    static final class FakePlugins implements PluginPort {
        final List<byte[]> installed = new CopyOnWriteArrayList<>();
        final List<String> changes = new CopyOnWriteArrayList<>();
        volatile List<PluginView> listed = List.of();
        volatile InvalidInputException refusal;
        volatile boolean calledOnWorkerThread;

        void reset() {
            installed.clear();
            changes.clear();
            listed = List.of();
            refusal = null;
            calledOnWorkerThread = false;
        }

        @Override
        public PluginList list() {
            return new PluginList("1.2.0", listed);
        }

        @Override
        public Optional<PluginView> start(String pluginId) {
            return change("start", pluginId, "STARTED");
        }

        @Override
        public Optional<PluginView> stop(String pluginId) {
            return change("stop", pluginId, "STOPPED");
        }

        @Override
        public PluginView install(byte[] jar) {
            calledOnWorkerThread = Context.isOnWorkerThread();
            if (refusal != null) {
                throw refusal;
            }
            installed.add(jar);
            return new PluginView("uploaded", "1.0.0", "uploaded.jar", "STARTED", List.of(), null, null);
        }

        private Optional<PluginView> change(String action, String pluginId, String state) {
            if (refusal != null) {
                throw refusal;
            }
            if (pluginId.equals("ghost")) {
                return Optional.empty();
            }
            changes.add(action + " " + pluginId);
            return Optional.of(new PluginView(pluginId, "1.2.0", pluginId + ".jar", state, List.of(), null, null));
        }
    }

    static final class FakeRules implements RulesPort {
        final List<Map<String, String>> validations = new CopyOnWriteArrayList<>();
        volatile int reloads;
        volatile RulesPort.ReloadView lastReload;
        volatile RulesPort.ReloadView reloadOutcome;
        volatile RulesPort.Validation verdict;

        void reset() {
            validations.clear();
            reloads = 0;
            lastReload = null;
            reloadOutcome = null;
            verdict = new RulesPort.Validation(true, "0123456789ab", List.of(), List.of());
        }

        @Override
        public RuleBase rules() {
            return new RuleBase("0123456789ab", Instant.parse("2026-01-02T03:04:05Z"), 2,
                    List.of(new RuleFileView("stop-loss.drl", List.of("hard stop-loss", "soft stop-loss"))),
                    Map.of("stopLoss.hardLossFraction", 0.08));
        }

        @Override
        public RulesStatus status() {
            return new RulesStatus("0123456789ab", Instant.parse("2026-01-02T03:04:05Z"), 2, List.of("stop-loss.drl"),
                    Map.of("stopLoss.hardLossFraction", 0.08), lastReload);
        }

        @Override
        public Validation validate(Map<String, String> contentByPath) {
            validations.add(Map.copyOf(contentByPath));
            return verdict;
        }

        @Override
        public RulesStatus reload() {
            reloads++;
            lastReload = reloadOutcome;
            return status();
        }
    }

    static final class FakeRiskChecks implements RiskCheckPort {
        final Map<String, RiskCheck> results = new ConcurrentHashMap<>();
        final List<String> requestedBy = new CopyOnWriteArrayList<>();
        volatile ServiceUnavailableException unavailable;

        void reset() {
            results.clear();
            requestedBy.clear();
            unavailable = null;
        }

        @Override
        public Optional<RiskCheck> run(String portfolioId, String user) {
            requestedBy.add(user);
            if (unavailable != null) {
                throw unavailable;
            }
            return Optional.ofNullable(results.get(portfolioId));
        }
    }
}
