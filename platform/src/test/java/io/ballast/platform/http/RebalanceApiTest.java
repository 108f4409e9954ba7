package io.ballast.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.http.ApprovalPort.TaskView;
import io.ballast.platform.http.FakeApprovals.DecideCall;
import io.ballast.platform.http.FakeRebalances.ProposeCall;
import io.ballast.platform.http.RebalancePort.HistoryEntry;
import io.ballast.platform.http.RebalancePort.RebalanceRequest;
import io.ballast.platform.http.RebalancePort.RebalanceView;
import io.ballast.platform.http.RebalancePort.TradeView;
import io.ballast.platform.problem.ConflictException;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.problem.ServiceUnavailableException;
import io.ballast.platform.security.AccessDeniedException;
import io.ballast.platform.security.AccessTokens;
import io.ballast.platform.security.Role;
import io.ballast.platform.security.AuthenticatedUser;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rebalance and approval operations over real HTTP, with in-memory stand-ins for the stages behind them. */
class RebalanceApiTest {

    private static final String VIEWER = "viewer-token-0123456789";
    private static final String MANAGER = "manager-token-0123456789";
    private static final String TRADER = "trader-token-0123456789";
    private static final String ADMIN = "admin-token-0123456789";
    private static final String RISK_OFFICER = "risk-officer-token-0123456789";
    /** paula's second token: an admin's; a request with her manager token must not gain its roles. */
    private static final String MANAGER_AS_ADMIN = "manager-admin-token-0123456789";
    private static final AuthenticatedUser PAULA = new AuthenticatedUser("paula", Set.of(Role.PORTFOLIO_MANAGER));

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static final FakeRebalances rebalances = new FakeRebalances();
    private static final FakeApprovals approvals = new FakeApprovals();

    private static Vertx vertx;
    private static HttpApi api;

    private static final String WEIGHTS = "{\"targetWeights\":{\"AAPL\":0.3,\"MSFT\":0.7},\"reason\":\"quarterly\"}";

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        AccessTokens tokens = AccessTokens.from(new BallastConfig.Security(List.of(
                new BallastConfig.AccessToken(VIEWER, "vera", Set.of("viewer")),
                new BallastConfig.AccessToken(MANAGER, "paula", Set.of("portfolio-manager")),
                new BallastConfig.AccessToken(MANAGER_AS_ADMIN, "paula", Set.of("admin")),
                new BallastConfig.AccessToken(TRADER, "tom", Set.of("trader")),
                new BallastConfig.AccessToken(ADMIN, "ada", Set.of("admin")),
                new BallastConfig.AccessToken(RISK_OFFICER, "rita", Set.of("risk-officer")))));
        api = HttpApi.start(vertx, new BallastConfig.Http("127.0.0.1", 0), tokens, new HttpApiTest.FakePortfolios(),
                new HttpApiTest.FakeRiskChecks(), new HttpApiTest.FakeRules(), new HttpApiTest.FakePlugins(), new FakeQuant(),
                Map::of, new UnusedRiskEvaluations(), rebalances, approvals).await();
    }

    @AfterAll
    static void stop() {
        api.close().await();
        vertx.close().await();
    }

    @BeforeEach
    void reset() {
        rebalances.reset();
        approvals.reset();
    }

    @Nested
    class Propose {

        @Test
        void aPortfolioManagerProposesTargetWeightsAndIsToldWhereToFollowIt() throws Exception {
            HttpResponse<String> response = send(propose("p-1", MANAGER, WEIGHTS, "key-1"));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(response.headers().firstValue("Location")).hasValue("/api/v1/rebalances/rb-1");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"id\":\"rb-1\",\"status\":\"PROPOSED\"}"));
            assertThat(rebalances.proposals).containsExactly(new ProposeCall("p-1",
                    new RebalanceRequest(Optional.of(Map.of("AAPL", new BigDecimal("0.3"), "MSFT", new BigDecimal("0.7"))),
                            Optional.empty(), Map.of(), Optional.of("quarterly")),
                    Optional.of("key-1"), "paula", true));
        }

        @Test
        void theReservedKeyCashReachesTheStageAsTheCashToKeep() throws Exception {
            HttpResponse<String> response = send(propose("p-1", MANAGER, "{\"targetWeights\":{\"AAPL\":0.6,\"MSFT\":0.3,\"CASH\":0.1}}", null));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(rebalances.proposals).extracting(call -> call.request().targetWeights()).containsExactly(Optional.of(Map.of(
                    "AAPL", new BigDecimal("0.6"), "MSFT", new BigDecimal("0.3"), "CASH", new BigDecimal("0.1"))));
        }

        @Test
        void aNegativeCashIsRefusedByTheContractNamingTheField() throws Exception {
            HttpResponse<String> response = send(propose("p-1", MANAGER, "{\"targetWeights\":{\"AAPL\":1.1,\"CASH\":-0.1}}", null));

            assertThat(assertProblem(response, 400).get("errors")).isEqualTo(JSON.readTree(
                    "[{\"field\":\"targetWeights.CASH\",\"problem\":\"-0.1 is less than 0\"}]"));
            assertThat(rebalances.proposals).isEmpty();
        }

        @Test
        void anAdminProposesWithAnOptimizerAndItsParametersWithoutAKey() throws Exception {
            HttpResponse<String> response = send(propose("p-1", ADMIN,
                    "{\"optimizer\":\"min-volatility\",\"parameters\":{\"maxWeight\":0.5,\"linkage\":\"ward\"}}", null));

            assertThat(response.statusCode()).isEqualTo(202);
            ProposeCall call = rebalances.proposals.getFirst();
            assertThat(call.request()).isEqualTo(new RebalanceRequest(Optional.empty(), Optional.of("min-volatility"),
                    Map.of("maxWeight", new BigDecimal("0.5"), "linkage", "ward"), Optional.empty()));
            assertThat(call.idempotencyKey()).isEmpty();
            assertThat(call.user()).isEqualTo("ada");
        }

        @Test
        void theSameKeyGivesTheSameRebalanceAgainWith202() throws Exception {
            HttpResponse<String> first = send(propose("p-1", MANAGER, WEIGHTS, "retry-7"));
            HttpResponse<String> again = send(propose("p-1", MANAGER, "{\"optimizer\":\"hrp\"}", "retry-7"));

            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(again.headers().firstValue("Location")).hasValue("/api/v1/rebalances/rb-1");
            // the fake's replay reports the rebalance as it stands now
            assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree("{\"id\":\"rb-1\",\"status\":\"PENDING_APPROVAL\"}"));
            assertThat(rebalances.proposals).extracting(ProposeCall::idempotencyKey)
                    .containsExactly(Optional.of("retry-7"), Optional.of("retry-7"));
        }

        @Test
        void aKeyOf200VisibleCharactersIsAccepted() throws Exception {
            String key = "k".repeat(199) + "~";

            assertThat(send(propose("p-1", MANAGER, WEIGHTS, key)).statusCode()).isEqualTo(202);
            assertThat(rebalances.proposals.getFirst().idempotencyKey()).hasValue(key);
        }

        @Test
        void aKeyWithASpaceIsAnswered400NamingTheHeader() throws Exception {
            HttpResponse<String> response = send(propose("p-1", MANAGER, WEIGHTS, "with space"));

            assertThat(assertProblem(response, 400).get("errors")).isEqualTo(JSON.readTree(
                    "[{\"field\":\"Idempotency-Key\",\"problem\":\"String does not match pattern\"}]"));
            assertThat(rebalances.proposals).isEmpty();
        }

        @Test
        void aKeyWithATabIsAnswered400NamingTheHeader() throws Exception {
            HttpResponse<String> response = send(propose("p-1", MANAGER, WEIGHTS, "tab\there"));

            assertThat(assertProblem(response, 400).get("errors"))
                    .isEqualTo(JSON.readTree("[{\"field\":\"Idempotency-Key\",\"problem\":\"can't be decoded.\"}]"));
            assertThat(rebalances.proposals).isEmpty();
        }

        @Test
        void aKeyBeyondAsciiIsAnswered400() throws Exception {
            // java.net.http sends a non-ASCII header character as '?', so the bytes go out by hand
            try (Socket socket = new Socket("127.0.0.1", api.port())) {
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/portfolios/p-1/rebalances HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + MANAGER
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + WEIGHTS.length()
                        + "\r\nIdempotency-Key: cl\u00e9\r\n\r\n" + WEIGHTS).getBytes(StandardCharsets.UTF_8));
                out.flush();
                String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();

                assertThat(statusLine).startsWith("HTTP/1.1 400");
            }
            assertThat(rebalances.proposals).isEmpty();
        }

        @Test
        void aKeyOf201CharactersIsAnswered400NamingTheHeader() throws Exception {
            HttpResponse<String> response = send(propose("p-1", MANAGER, WEIGHTS, "k".repeat(201)));

            assertThat(assertProblem(response, 400).get("errors"))
                    .isEqualTo(JSON.readTree("[{\"field\":\"Idempotency-Key\",\"problem\":\"String is too long (201 > 200)\"}]"));
            assertThat(rebalances.proposals).isEmpty();
        }

        @Test
        void exactlyOneOfTargetWeightsAndOptimizerIsRequired() throws Exception {
            HttpResponse<String> both = send(propose("p-1", MANAGER,
                    "{\"targetWeights\":{\"AAPL\":1},\"optimizer\":\"hrp\"}", null));
            HttpResponse<String> neither = send(propose("p-1", MANAGER, "{\"reason\":\"why not\"}", null));
            HttpResponse<String> strayParameters = send(propose("p-1", MANAGER,
                    "{\"targetWeights\":{\"AAPL\":1},\"parameters\":{\"linkage\":\"ward\"}}", null));

            assertThat(field(assertProblem(both, 400))).isEqualTo("targetWeights");
            assertThat(field(assertProblem(neither, 400))).isEqualTo("targetWeights");
            assertThat(field(assertProblem(strayParameters, 400))).isEqualTo("parameters");
            assertThat(rebalances.proposals).isEmpty();
        }

        @Test
        void aBodyTheContractRefusesIsAnswered400NamingTheField() throws Exception {
            HttpResponse<String> weightAsText = send(propose("p-1", MANAGER, "{\"targetWeights\":{\"AAPL\":\"0.3\"}}", null));
            HttpResponse<String> noWeights = send(propose("p-1", MANAGER, "{\"targetWeights\":{}}", null));
            HttpResponse<String> unknown = send(propose("p-1", MANAGER, "{\"optimizer\":\"hrp\",\"urgent\":true}", null));

            assertThat(field(assertProblem(weightAsText, 400))).isEqualTo("targetWeights.AAPL");
            assertThat(field(assertProblem(noWeights, 400))).isEqualTo("targetWeights");
            assertThat(field(assertProblem(unknown, 400))).isEqualTo("urgent");
            assertThat(rebalances.proposals).isEmpty();
        }

        @Test
        void anUnknownPortfolioIsAnswered404() throws Exception {
            HttpResponse<String> response = send(propose("ghost", MANAGER, WEIGHTS, null));

            assertThat(assertProblem(response, 404).get("detail").asText()).isEqualTo("There is no portfolio with id ghost");
        }

        @Test
        void inputTheRebalanceStageRefusesIsAnswered422NamingTheField() throws Exception {
            rebalances.failure = new InvalidInputException("targetWeights.XYZ", "has no stored price");

            HttpResponse<String> response = send(propose("p-1", MANAGER, "{\"targetWeights\":{\"XYZ\":1}}", null));

            assertThat(assertProblem(response, 422).get("errors"))
                    .isEqualTo(JSON.readTree("[{\"field\":\"targetWeights.XYZ\",\"problem\":\"has no stored price\"}]"));
        }

        @Test
        void aPortfolioWithARebalanceUnderWayIsAnswered409() throws Exception {
            rebalances.failure = new ConflictException("Portfolio p-1 has rebalance rb-1 still PENDING_APPROVAL; a portfolio has one"
                    + " rebalance at a time, propose again once it has ended");

            HttpResponse<String> response = send(propose("p-1", MANAGER, WEIGHTS, null));

            assertThat(assertProblem(response, 409).get("detail").asText()).isEqualTo("Portfolio p-1 has rebalance rb-1 still"
                    + " PENDING_APPROVAL; a portfolio has one rebalance at a time, propose again once it has ended");
        }

        @Test
        void aStageThatIsNotThereIsAnswered503() throws Exception {
            rebalances.failure = new ServiceUnavailableException("rebalancing is not wired into this platform yet", null);

            HttpResponse<String> response = send(propose("p-1", MANAGER, WEIGHTS, null));

            assertThat(assertProblem(response, 503).get("detail").asText()).isEqualTo("rebalancing is not wired into this platform yet");
        }

        @Test
        void onlyPortfolioManagersAndAdminsMayPropose() throws Exception {
            HttpResponse<String> byTrader = send(propose("p-1", TRADER, WEIGHTS, null));
            HttpResponse<String> byRiskOfficer = send(propose("p-1", RISK_OFFICER, WEIGHTS, null));
            HttpResponse<String> byNobody = send(propose("p-1", null, WEIGHTS, null));

            assertThat(assertProblem(byTrader, 403).get("detail").asText())
                    .isEqualTo("User tom may not proposeRebalance: it needs one of the roles portfolio-manager, admin");
            assertProblem(byRiskOfficer, 403);
            assertProblem(byNobody, 401);
            assertThat(rebalances.proposals).isEmpty();
        }
    }

    @Nested
    class Read {

        /** Both forms of executionPrice as the contract writes them: null (execution not started) on MSFT, a price on AAPL. */
        @Test
        void anyRoleReadsTheRebalanceWithItsTradesHistoryAndDetails() throws Exception {
            rebalances.views.put("rb-9", new RebalanceView("rb-9", "p-1", "PENDING_APPROVAL", "paula",
                    Instant.parse("2025-03-03T09:00:00Z"),
                    List.of(new TradeView("MSFT", "SELL", new BigDecimal("12"), new BigDecimal("410.50"), new BigDecimal("4926.00"),
                                    new BigDecimal("1.23"), false, 1, null),
                            new TradeView("AAPL", "BUY", new BigDecimal("300"), new BigDecimal("190.25"), new BigDecimal("57075.00"),
                                    new BigDecimal("20.40"), true, 4, new BigDecimal("193.80"))),
                    List.of(new HistoryEntry(Instant.parse("2025-03-03T09:00:00Z"), "paula", null, "PROPOSED", null),
                            new HistoryEntry(Instant.parse("2025-03-03T09:00:01Z"), "workflow", "PROPOSED", "PENDING_APPROVAL",
                                    "notional 62001.00 above the auto-approve limit 50000")),
                    // a detail named like a fixed field does not replace it
                    Map.of("verdict", "WORTH_IT", "estimatedCostTotal", new BigDecimal("21.63"), "status", "EXECUTED")));

            HttpResponse<String> response = send(get("/api/v1/rebalances/rb-9", VIEWER));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"id":"rb-9","portfolioId":"p-1","status":"PENDING_APPROVAL","proposedBy":"paula",
                     "proposedAt":"2025-03-03T09:00:00Z",
                     "trades":[
                       {"asset":"MSFT","side":"SELL","quantity":12,"lastPrice":410.50,"notional":4926.00,
                        "estimatedCost":1.23,"twap":false,"sliceCount":1,"executionPrice":null},
                       {"asset":"AAPL","side":"BUY","quantity":300,"lastPrice":190.25,"notional":57075.00,
                        "estimatedCost":20.40,"twap":true,"sliceCount":4,"executionPrice":193.80}],
                     "history":[
                       {"at":"2025-03-03T09:00:00Z","actor":"paula","from":null,"to":"PROPOSED","reason":null},
                       {"at":"2025-03-03T09:00:01Z","actor":"workflow","from":"PROPOSED","to":"PENDING_APPROVAL",
                        "reason":"notional 62001.00 above the auto-approve limit 50000"}],
                     "verdict":"WORTH_IT","estimatedCostTotal":21.63}"""));
        }

        @Test
        void anUnknownRebalanceIsAnswered404() throws Exception {
            HttpResponse<String> response = send(get("/api/v1/rebalances/rb-404", TRADER));

            assertThat(assertProblem(response, 404).get("detail").asText()).isEqualTo("There is no rebalance with id rb-404");
        }
    }

    @Nested
    class Inbox {

        @Test
        void anyRoleListsThePendingTasks() throws Exception {
            approvals.tasks = List.of(new TaskView("t-1", "rb-9", "p-1", "paula", "Approve rebalance", List.of("portfolio-managers"),
                    Instant.parse("2025-03-03T09:00:01Z"), Map.of("tradeCount", 2, "notional", new BigDecimal("62001.00"))));

            HttpResponse<String> response = send(get("/api/v1/approvals", VIEWER));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("""
                    {"approvals":[{"id":"t-1","rebalanceId":"rb-9","portfolioId":"p-1","proposedBy":"paula",
                      "name":"Approve rebalance","candidateGroups":["portfolio-managers"],"createdAt":"2025-03-03T09:00:01Z",
                      "form":{"tradeCount":2,"notional":62001.00}}]}"""));
            assertThat(approvals.listings).containsExactly(Optional.empty());
        }

        @Test
        void theGroupFilterIsPassedOn() throws Exception {
            assertThat(send(get("/api/v1/approvals?group=risk-officers", TRADER)).statusCode()).isEqualTo(200);
            assertThat(field(assertProblem(send(get("/api/v1/approvals?group=", TRADER)), 400))).isEqualTo("group");

            assertThat(approvals.listings).containsExactly(Optional.of("risk-officers"));
        }

        @Test
        void aRiskOfficerApprovesWithAComment() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/approvals/t-1/approve", RISK_OFFICER, "{\"comment\":\" within budget \"}"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"id\":\"t-1\",\"decision\":\"APPROVED\"}"));
            assertThat(approvals.decisions).containsExactly(new DecideCall("t-1", true, "within budget", new AuthenticatedUser("rita", Set.of(Role.RISK_OFFICER))));
        }

        @Test
        void anApprovalNeedsNoBody() throws Exception {
            HttpResponse<String> bare = send(post("/api/v1/approvals/t-1/approve", MANAGER, null));
            HttpResponse<String> empty = send(post("/api/v1/approvals/t-2/approve", MANAGER, "{}"));

            assertThat(bare.statusCode()).isEqualTo(200);
            assertThat(empty.statusCode()).isEqualTo(200);
            assertThat(approvals.decisions).containsExactly(new DecideCall("t-1", true, "", PAULA),
                    new DecideCall("t-2", true, "", PAULA));
        }

        @Test
        void aPortfolioManagerRejectsSayingWhy() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/approvals/t-1/reject", MANAGER, "{\"comment\":\"costs too high\"}"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"id\":\"t-1\",\"decision\":\"REJECTED\"}"));
            assertThat(approvals.decisions).containsExactly(new DecideCall("t-1", false, "costs too high", PAULA));
        }

        @Test
        void aRejectionWithoutAReasonIsAnswered400NamingTheComment() throws Exception {
            HttpResponse<String> missing = send(post("/api/v1/approvals/t-1/reject", MANAGER, "{}"));
            HttpResponse<String> empty = send(post("/api/v1/approvals/t-1/reject", MANAGER, "{\"comment\":\"\"}"));
            HttpResponse<String> blank = send(post("/api/v1/approvals/t-1/reject", MANAGER, "{\"comment\":\"  \\t \"}"));
            HttpResponse<String> noBody = send(post("/api/v1/approvals/t-1/reject", MANAGER, null));

            assertThat(assertProblem(missing, 400).get("errors"))
                    .isEqualTo(JSON.readTree("[{\"field\":\"comment\",\"problem\":\"is required\"}]"));
            assertThat(field(assertProblem(empty, 400))).isEqualTo("comment");
            assertThat(assertProblem(blank, 400).get("errors")).isEqualTo(JSON.readTree(
                    "[{\"field\":\"comment\",\"problem\":\"must say why the rebalance is rejected; it is blank\"}]"));
            assertProblem(noBody, 400);
            assertThat(approvals.decisions).isEmpty();
        }

        @Test
        void aCommentOver2000CharactersIsAnswered400() throws Exception {
            String body = "{\"comment\":\"" + "x".repeat(2001) + "\"}";

            assertThat(field(assertProblem(send(post("/api/v1/approvals/t-1/approve", MANAGER, body)), 400))).isEqualTo("comment");
            assertThat(field(assertProblem(send(post("/api/v1/approvals/t-1/reject", MANAGER, body)), 400))).isEqualTo("comment");
            assertThat(send(post("/api/v1/approvals/t-1/reject", MANAGER, "{\"comment\":\"" + "x".repeat(2000) + "\"}")).statusCode())
                    .isEqualTo(200);
        }

        @Test
        void aTaskThatIsNoLongerPendingIsAnswered404() throws Exception {
            HttpResponse<String> response = send(post("/api/v1/approvals/gone/approve", MANAGER, null));

            assertThat(assertProblem(response, 404).get("detail").asText()).isEqualTo("There is no pending approval task with id gone");
        }

        @Test
        void theProposerMayNotApproveTheirOwnRebalance() throws Exception {
            approvals.failure = new AccessDeniedException("User paula proposed rebalance rb-9 and may not approve it (four eyes)");

            HttpResponse<String> response = send(post("/api/v1/approvals/t-1/approve", MANAGER, null));

            assertThat(assertProblem(response, 403).get("detail").asText())
                    .isEqualTo("User paula proposed rebalance rb-9 and may not approve it (four eyes)");
        }

        @Test
        void aUserOutsideTheTasksGroupIsAnswered403() throws Exception {
            approvals.failure = new AccessDeniedException("User paula may not decide task t-1: it is for group risk-officers");

            HttpResponse<String> response = send(post("/api/v1/approvals/t-1/reject", MANAGER, "{\"comment\":\"no\"}"));

            assertThat(assertProblem(response, 403).get("detail").asText())
                    .isEqualTo("User paula may not decide task t-1: it is for group risk-officers");
        }

        @Test
        void viewersAndTradersMayNotDecide() throws Exception {
            HttpResponse<String> byViewer = send(post("/api/v1/approvals/t-1/approve", VIEWER, null));
            HttpResponse<String> byTrader = send(post("/api/v1/approvals/t-1/reject", TRADER, "{\"comment\":\"no\"}"));

            assertThat(assertProblem(byViewer, 403).get("detail").asText())
                    .isEqualTo("User vera may not approveRebalance: it needs one of the roles portfolio-manager, risk-officer, admin");
            assertThat(assertProblem(byTrader, 403).get("detail").asText())
                    .isEqualTo("User tom may not rejectRebalance: it needs one of the roles portfolio-manager, risk-officer, admin");
            assertThat(approvals.decisions).isEmpty();
        }

        @Test
        void theDecisionCarriesOnlyTheRolesOfTheTokenPresented() throws Exception {
            // paula holds a manager token and an admin token: with the manager token she decides as a manager only
            assertThat(send(post("/api/v1/approvals/t-1/approve", MANAGER, null)).statusCode()).isEqualTo(200);
            assertThat(send(post("/api/v1/approvals/t-2/approve", MANAGER_AS_ADMIN, null)).statusCode()).isEqualTo(200);

            assertThat(approvals.decisions).containsExactly(new DecideCall("t-1", true, "", PAULA),
                    new DecideCall("t-2", true, "", new AuthenticatedUser("paula", Set.of(Role.ADMIN))));
        }

        @Test
        void anAdminMayDecide() throws Exception {
            assertThat(send(post("/api/v1/approvals/t-1/approve", ADMIN, null)).statusCode()).isEqualTo(200);
            assertThat(approvals.decisions).containsExactly(new DecideCall("t-1", true, "", new AuthenticatedUser("ada", Set.of(Role.ADMIN))));
        }
    }

    // --- HTTP plumbing -------------------------------------------------------------------------

    private static HttpRequest get(String path, String token) {
        return LocalApiRequests.get(api.port(), path, token);
    }

    private static HttpRequest post(String path, String token, String json) {
        return post(path, token, json, null);
    }

    private static HttpRequest propose(String portfolioId, String token, String json, String idempotencyKey) {
        return post("/api/v1/portfolios/" + portfolioId + "/rebalances", token, json, idempotencyKey);
    }

    private static HttpRequest post(String path, String token, String json, String idempotencyKey) {
        return LocalApiRequests.post(api.port(), path, token, json, idempotencyKey);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String field(JsonNode problem) {
        assertThat(problem.get("errors")).as(problem.toString()).hasSize(1);
        return problem.get("errors").get(0).get("field").asText();
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("about:blank");
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}
