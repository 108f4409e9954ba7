package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ballast.api.alert.Alert;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.http.ApprovalPort;
import io.ballast.platform.http.RebalancePort;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.rebalance.RebalanceDesk;
import io.ballast.platform.rebalance.RebalanceRequest;
import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.rebalance.TenHoldingsPortfolio;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.security.AccessDeniedException;
import io.ballast.platform.security.AuthenticatedUser;
import io.ballast.platform.security.Role;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.store.RebalanceFill;
import io.ballast.platform.store.RebalanceHistoryEntry;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoredRebalance;
import io.ballast.platform.store.StoredRiskEvaluation;
import io.ballast.platform.workflow.EmbeddedWorkflowFixture;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebalance stage on the real embedded engine, the shipped rules, the bundled paper venue and
 * an H2 store, through its ports.
 *
 * <pre>
 * closes, the last 3 days: every asset 100, volume 1 000 000 a day, except K 90 three days ago
 *   (so the proposal is worth trading: before it, the tracking error is |0.01 x (r_A10 - r_K)| on K's one
 *   move of +11.1%, about 1.2% a year; after it, 0; A10 stays flat: no impact on its sale; K's impact,
 *   100 x 1 x 0.079 x sqrt(10 / 1 000 000) = 0.025 a unit, leaves it at 9 units below)
 * portfolios AUTO and MANUAL alike: cash 0, 100 units of each of A1..A10 (10 000 each, 10% of NAV 100 000)
 *   sectors in pairs (A1 A2: S1, ..., A9 A10 K: S5), K not held
 * targets: A1..A9 0.10, A10 0.09, K 0.01
 *   A10: 9 000 - 10 000 = -1 000: SELL 10, notional 1 000, fee 1 bp 0.10 + half spread 5 bp 0.50 = 0.60
 *   K: 1 000: BUY 10, 1 000 + 0.60; the cash is 0 + 1 000 - 0.60 = 999.40 &lt; 1 000.60
 *     scaled by 999.40 / 1 000.60 = 0.9988: 9.988 units, down to 9: BUY 9 K, notional 900
 *   gross notional 1 900: within AUTO's limit of 50 000, over MANUAL's override of 1 000
 * paper venue: slippage 10 bp, fee 5 bp, minimum fee 1
 *   SELL 10 A10 at 100 x 0.999 = 99.9: +999.00 - fee max(0.4995, 1) = 1.00
 *   BUY 9 K at 100 x 1.001 = 100.1: -900.90 - fee max(0.45045, 1) = 1.00
 *   cash after 0 + 998.00 - 901.90 = 96.10; A10 90 units (average 100 kept), K 9 units at 100.1
 * </pre>
 */
class RebalanceStageTest {

    private static final AuthenticatedUser ALICE = new AuthenticatedUser("alice", Set.of(Role.PORTFOLIO_MANAGER));
    private static final AuthenticatedUser BOB = new AuthenticatedUser("bob", Set.of(Role.PORTFOLIO_MANAGER));
    private static final AuthenticatedUser RITA = new AuthenticatedUser("rita", Set.of(Role.RISK_OFFICER));

    static final Map<String, Object> PAPER_COSTS = Map.of("slippageBps", 10, "feeBps", 5, "minimumFee", 1);
    static final Map<String, BigDecimal> TARGETS = targets();
    static final Duration WAIT = Duration.ofSeconds(15);

    static PluginHost plugins;
    static RiskEngine rules;

    @TempDir
    Path dataDirectory;

    Store store;
    EmbeddedWorkflowFixture engine;
    RebalanceStage stage;
    String autoPortfolio;
    String manualPortfolio;
    final List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
    String venue = "paper";

    @BeforeAll
    static void startPluginsAndRules() {
        plugins = PluginHost.start(Path.of("target", "plugins"));
        rules = RiskEngine.load(Path.of("..", "rules"));
    }

    @AfterAll
    static void stopPluginsAndRules() {
        rules.close();
        plugins.close();
    }

    @BeforeEach
    void storeTheMarketAndStart() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
        storeTheMarket(store, Instant.now().truncatedTo(ChronoUnit.DAYS));
        autoPortfolio = portfolio("auto");
        manualPortfolio = portfolio("manual");
        start();
    }

    /**
     * The market of the class comment: A1..A10 and K in sectors in pairs, closing 100 on each of the 3
     * days before {@code today} but K at 90 on the first (its one move makes the proposal worth trading).
     */
    static void storeTheMarket(Store store, Instant today) {
        List<Instrument> instruments = new ArrayList<>();
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            String asset = i == 11 ? "K" : "A" + i;
            instruments.add(new Instrument(asset, asset, AssetClass.EQUITY, "S" + Math.min(5, (i + 1) / 2), "USD"));
            for (int day = 3; day >= 1; day--) {
                BigDecimal price = i == 11 && day == 3 ? new BigDecimal("90") : new BigDecimal("100");
                bars.add(new PriceBar(asset, today.minus(day, ChronoUnit.DAYS), price, price, price, price, new BigDecimal("1000000")));
            }
        }
        store.instruments().saveAll(instruments);
        store.priceBars().saveAll(bars);
    }

    @AfterEach
    void stop() {
        stopRuntime();
        store.close();
    }

    @Test
    void withinTheLimitItExecutesWithoutPeopleAndBooksTheFillsOnceWhateverIsDeliveredAgain() {
        RebalancePort.Accepted accepted = propose(autoPortfolio, "alice", Optional.of("k-1"));

        assertThat(accepted.status()).isEqualTo("PROPOSED");
        assertThat(accepted.created()).isTrue();
        StoredRebalance executed = awaitStatus(accepted.id(), RebalanceStatus.EXECUTED);
        assertThat(executed.history()).extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to).containsExactly(
                tuple("alice", RebalanceStatus.PROPOSED),
                tuple("risk-rules", RebalanceStatus.AUTO_APPROVED),
                tuple("system", RebalanceStatus.EXECUTED));
        assertThat(executed.history().get(1).reason()).isEqualTo(
                "every rule allows it and the gross notional 1900.00 is within the auto-approve limit of 50000");
        assertBookedOnce(accepted.id());

        // the execute job delivered again (a worker that stopped before completing it): nothing trades twice
        assertThat(stage.steps().execute(accepted.id())).isEmpty();
        assertBookedOnce(accepted.id());
        // the same key gives the same rebalance, and starts nothing
        RebalancePort.Accepted again = propose(autoPortfolio, "alice", Optional.of("k-1"));
        assertThat(again).isEqualTo(new RebalancePort.Accepted(accepted.id(), "EXECUTED", false));
        // the risk check's decisions are stored as a workflow evaluation
        assertThat(store.riskEvaluations().latestOf(autoPortfolio)).get()
                .satisfies(evaluation -> assertThat(evaluation.requestedBy()).isEqualTo("rebalance " + accepted.id()));
    }

    @Test
    void overThePortfoliosLimitAPortfolioManagerOtherThanTheProposerApproves() {
        RebalancePort.Accepted accepted = propose(manualPortfolio, "alice", Optional.empty());
        awaitStatus(accepted.id(), RebalanceStatus.PENDING_APPROVAL);
        ApprovalPort.TaskView task = awaitTask("portfolio-managers", accepted.id());
        assertThat(task.proposedBy()).isEqualTo("alice");
        assertThat(task.name()).isEqualTo("Approve rebalance");
        assertThat(task.candidateGroups()).containsExactly("portfolio-managers");

        assertThatThrownBy(() -> stage.approvalPort().decide(task.id(), true, "mine", ALICE))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> stage.approvalPort().decide(task.id(), true, "not my group", RITA))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(store.rebalances().find(accepted.id()).orElseThrow().status()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);

        assertThat(stage.approvalPort().decide(task.id(), true, "within mandate", BOB)).isTrue();
        // stored before the answer
        assertThat(store.rebalances().find(accepted.id()).orElseThrow().status()).isIn(RebalanceStatus.APPROVED, RebalanceStatus.EXECUTED);
        StoredRebalance executed = awaitStatus(accepted.id(), RebalanceStatus.EXECUTED);
        assertThat(executed.history()).extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to, RebalanceHistoryEntry::reason)
                .contains(tuple("bob", RebalanceStatus.APPROVED, "within mandate"));
        assertThat(executed.history()).extracting(RebalanceHistoryEntry::to).containsExactly(RebalanceStatus.PROPOSED,
                RebalanceStatus.PENDING_APPROVAL, RebalanceStatus.APPROVED, RebalanceStatus.EXECUTED);
        assertBookedOnce(accepted.id());
        assertThat(stage.approvalPort().decide(task.id(), true, "again", BOB)).isFalse();
    }

    @Test
    void theProposerMayRejectAndTheRejectionIsStoredBeforeTheAnswer() {
        RebalancePort.Accepted accepted = propose(manualPortfolio, "alice", Optional.empty());
        ApprovalPort.TaskView task = awaitTask("portfolio-managers", accepted.id());

        assertThat(stage.approvalPort().decide(task.id(), false, "changed my mind", ALICE)).isTrue();

        StoredRebalance rejected = store.rebalances().find(accepted.id()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(RebalanceStatus.REJECTED);
        assertThat(rejected.history().getLast()).satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("alice");
            assertThat(entry.reason()).isEqualTo("changed my mind");
        });
        await(() -> stage.approvalPort().pending(Optional.empty()).isEmpty());
        assertThat(store.rebalances().fills(accepted.id())).isEmpty();
    }

    /** The approval window ran out before paula decided: her task is gone (404), the store says ESCALATED, the risk officers decide. */
    @Test
    void aDecisionOnATaskTheTimerEscalatedIsRefusedAndTheStoreStaysEscalated() {
        RebalancePort.Accepted accepted = propose(manualPortfolio, "alice", Optional.empty());
        ApprovalPort.TaskView task = awaitTask("portfolio-managers", accepted.id());

        engine.increaseTime(Duration.ofHours(4).plusMinutes(1));
        awaitStatus(accepted.id(), RebalanceStatus.ESCALATED);
        ApprovalPort.TaskView escalated = awaitTask("risk-officers", accepted.id());

        assertThat(stage.approvalPort().decide(task.id(), true, "too late", BOB)).isFalse();
        StoredRebalance stored = store.rebalances().find(accepted.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.ESCALATED);
        assertThat(stored.history()).extracting(RebalanceHistoryEntry::to).doesNotContain(RebalanceStatus.APPROVED);

        assertThat(stage.approvalPort().decide(escalated.id(), true, "within mandate", RITA)).isTrue();
        awaitStatus(accepted.id(), RebalanceStatus.EXECUTED);
        assertThat(store.rebalances().find(accepted.id()).orElseThrow().history()).extracting(RebalanceHistoryEntry::actor,
                RebalanceHistoryEntry::to).contains(tuple("rita", RebalanceStatus.APPROVED));
    }

    @Test
    void aPendingApprovalComesBackAfterARestartWithTheTimeWaitedCounted() {
        RebalancePort.Accepted accepted = propose(manualPortfolio, "alice", Optional.empty());
        awaitStatus(accepted.id(), RebalanceStatus.PENDING_APPROVAL);
        awaitTask("portfolio-managers", accepted.id());

        stopRuntime();
        start();

        ApprovalPort.TaskView back = awaitTask("portfolio-managers", accepted.id());
        assertThat(back.name()).isEqualTo("Approve rebalance");
        // 3 of the 4 hours (less the seconds waited): the reminder is due, the escalation not
        engine.increaseTime(Duration.ofHours(3));
        await(() -> alerts.stream().anyMatch(alert -> alert.title().equals("Rebalance " + accepted.id() + " awaits approval")));
        assertThat(store.rebalances().find(accepted.id()).orElseThrow().status()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);
        assertThat(stage.approvalPort().pending(Optional.of("risk-officers"))).isEmpty();

        engine.increaseTime(Duration.ofMinutes(61));
        StoredRebalance escalated = awaitStatus(accepted.id(), RebalanceStatus.ESCALATED);
        assertThat(escalated.history().getLast().actor()).isEqualTo("system");
        ApprovalPort.TaskView escalatedTask = awaitTask("risk-officers", accepted.id());
        assertThat(escalatedTask.name()).isEqualTo("Escalated approval");
        await(() -> stage.approvalPort().pending(Optional.of("portfolio-managers")).isEmpty());
    }

    /** A rebalance of the portfolio to {@link #TARGETS}, proposed by alice six hours before {@code now}, its process not started. */
    private String proposedBeforeTheRestart(Instant now, String portfolioId) {
        RebalanceDesk desk = new RebalanceDesk(store.portfolios(), store.instruments(), store.priceBars(), store.rebalances(),
                new PortfolioConstruction(plugins::optimizer, List::of), config(), (rebalance, approval) -> {
                }, Clock.fixed(now.minus(Duration.ofHours(6)), ZoneOffset.UTC));
        Map<String, Double> targets = new java.util.TreeMap<>();
        TARGETS.forEach((asset, weight) -> targets.put(asset, weight.doubleValue()));
        return desk.propose(portfolioId, RebalanceRequest.givenWeights(targets), Optional.empty(), Optional.empty(), "alice")
                .orElseThrow().rebalance().id();
    }

    /**
     * Stored before the start: one escalated an hour ago (1 of its 2 hours left), one pending for 5 hours
     * (its 4-hour window is over: the timer fires at once, no reminder).
     */
    @Test
    void atStartEveryPendingApprovalIsReopenedAtItsStepWithWhatIsLeftOfItsWindow() {
        stopRuntime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String escalated = proposedBeforeTheRestart(now, manualPortfolio);
        // a portfolio has one rebalance under way at a time: the overdue one is another's, with the default windows
        String overdue = proposedBeforeTheRestart(now, portfolio("overdue"));
        store.rebalances().transition(escalated, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "risk-rules", "over the limit",
                now.minus(Duration.ofHours(5)));
        store.rebalances().transition(escalated, Optional.empty(), RebalanceStatus.ESCALATED, "system", "window over",
                now.minus(Duration.ofHours(1)));
        store.rebalances().transition(overdue, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "risk-rules", "over the limit",
                now.minus(Duration.ofHours(5)));

        start();

        // the overdue one escalates at once, without a reminder; the escalated one waits for the risk officers
        awaitStatus(overdue, RebalanceStatus.ESCALATED);
        awaitTask("risk-officers", overdue);
        awaitTask("risk-officers", escalated);
        assertThat(alerts).isEmpty();
        engine.increaseTime(Duration.ofMinutes(50));
        assertThat(store.rebalances().find(escalated).orElseThrow().status()).isEqualTo(RebalanceStatus.ESCALATED);
        // past the hour it had left: the automatic decision, over the portfolio's limit of 1 000
        engine.increaseTime(Duration.ofMinutes(20));
        StoredRebalance decided = awaitStatus(escalated, RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION);
        assertThat(decided.history().getLast().actor()).isEqualTo("risk-rules");
    }

    /**
     * Before the restart: PENDING rebalance P waiting since 90 minutes before now, ESCALATED rebalance E since an
     * hour before now (pending 5 hours before). Their risk checks are stored as the workflow stores them
     * (WORKFLOW, "rebalance &lt;id&gt;"): P's with an ALLOW and a NEEDS_APPROVAL decision (verdict NEEDS_APPROVAL),
     * E's with one ALLOW (verdict ALLOW_ALL); a newer workflow evaluation of P's portfolio for another
     * rebalance is not P's check. The re-opened tasks are dated when their approval began, not at the restart, and show those decisions.
     */
    @Test
    void aReopenedTaskShowsWhenItsApprovalBeganAndTheStoredRiskDecisions() {
        stopRuntime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String pending = proposedBeforeTheRestart(now, manualPortfolio);
        String escalated = proposedBeforeTheRestart(now, autoPortfolio);
        Instant pendingSince = now.minus(Duration.ofMinutes(90));
        Instant escalatedSince = now.minus(Duration.ofHours(1));
        store.rebalances().transition(pending, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "risk-rules", "over the limit",
                pendingSince);
        store.rebalances().transition(escalated, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "risk-rules", "over the limit",
                now.minus(Duration.ofHours(5)));
        store.rebalances().transition(escalated, Optional.empty(), RebalanceStatus.ESCALATED, "system", "window over", escalatedSince);
        RiskDecision allowed = RiskDecision.of("sector-limit", Severity.INFO, RiskAction.ALLOW, RiskSubject.portfolio(manualPortfolio),
                "S5 would be 10% of the portfolio, within 40%");
        RiskDecision needsApproval = RiskDecision.of("large-rebalance", Severity.WARNING, RiskAction.NEEDS_APPROVAL,
                RiskSubject.portfolio(manualPortfolio), "gross notional 1900 is above the limit of 1000");
        RiskDecision escalatedAllowed = RiskDecision.of("sector-limit", Severity.INFO, RiskAction.ALLOW, RiskSubject.asset("K"),
                "K would be 0.9% of the portfolio");
        store.riskEvaluations().insert(new StoredRiskEvaluation(java.util.UUID.randomUUID().toString(), manualPortfolio,
                now.minus(Duration.ofHours(2)), "v1", EvaluationTrigger.WORKFLOW, "rebalance " + pending, List.of(allowed, needsApproval)));
        store.riskEvaluations().insert(new StoredRiskEvaluation(java.util.UUID.randomUUID().toString(), manualPortfolio,
                now.minus(Duration.ofMinutes(1)), "v1", EvaluationTrigger.WORKFLOW, "rebalance " + java.util.UUID.randomUUID(),
                List.of(escalatedAllowed)));
        store.riskEvaluations().insert(new StoredRiskEvaluation(java.util.UUID.randomUUID().toString(), autoPortfolio,
                now.minus(Duration.ofHours(5)), "v1", EvaluationTrigger.WORKFLOW, "rebalance " + escalated, List.of(escalatedAllowed)));

        start();

        ApprovalPort.TaskView approve = awaitTask("portfolio-managers", pending);
        assertThat(approve.createdAt()).isEqualTo(pendingSince);
        assertThat(approve.form()).containsEntry("riskVerdict", "NEEDS_APPROVAL").containsEntry("riskDecisions", List.of(
                Map.of("rule", "sector-limit", "severity", "INFO", "action", "ALLOW",
                        "subject", Map.of("kind", "PORTFOLIO", "id", manualPortfolio), "message", "S5 would be 10% of the portfolio, within 40%"),
                Map.of("rule", "large-rebalance", "severity", "WARNING", "action", "NEEDS_APPROVAL",
                        "subject", Map.of("kind", "PORTFOLIO", "id", manualPortfolio),
                        "message", "gross notional 1900 is above the limit of 1000")));
        ApprovalPort.TaskView escalatedTask = awaitTask("risk-officers", escalated);
        assertThat(escalatedTask.createdAt()).isEqualTo(escalatedSince);
        assertThat(escalatedTask.form()).containsEntry("riskVerdict", "ALLOW_ALL").containsEntry("riskDecisions", List.of(
                Map.of("rule", "sector-limit", "severity", "INFO", "action", "ALLOW", "subject", Map.of("kind", "ASSET", "id", "K"),
                        "message", "K would be 0.9% of the portfolio")));
    }

    /** Stored before the start: one approved automatically but not executed, one only proposed. Both go on. */
    @Test
    void atStartWhatTheEngineWasDoingForNobodyGoesOn() {
        stopRuntime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        RebalanceDesk desk = new RebalanceDesk(store.portfolios(), store.instruments(), store.priceBars(), store.rebalances(),
                new PortfolioConstruction(plugins::optimizer, List::of), config(), (rebalance, approval) -> {
                }, Clock.fixed(now.minus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        Map<String, Double> targets = new java.util.TreeMap<>();
        TARGETS.forEach((asset, weight) -> targets.put(asset, weight.doubleValue()));
        String approved = desk.propose(autoPortfolio, RebalanceRequest.givenWeights(targets), Optional.empty(), Optional.empty(), "alice")
                .orElseThrow().rebalance().id();
        store.rebalances().transition(approved, Optional.empty(), RebalanceStatus.AUTO_APPROVED, "risk-rules", "within the limit",
                now.minus(Duration.ofMinutes(4)));
        String proposed = desk.propose(manualPortfolio, RebalanceRequest.givenWeights(targets), Optional.empty(), Optional.empty(), "alice")
                .orElseThrow().rebalance().id();

        start();

        awaitStatus(approved, RebalanceStatus.EXECUTED);
        assertBookedOnce(approved);
        awaitStatus(proposed, RebalanceStatus.PENDING_APPROVAL);
        awaitTask("portfolio-managers", proposed);
    }

    /** The execution fails (no such venue): the job completes with the failure, the process ends, the rebalance is FAILED. */
    @Test
    void anExecutionThatFailsEndsTheProcessWithTheRebalanceFailed() {
        stopRuntime();
        venue = "nowhere";
        start();

        RebalancePort.Accepted accepted = propose(autoPortfolio, "alice", Optional.empty());

        StoredRebalance failed = awaitStatus(accepted.id(), RebalanceStatus.FAILED);
        assertThat(failed.history()).extracting(RebalanceHistoryEntry::to).containsExactly(RebalanceStatus.PROPOSED,
                RebalanceStatus.AUTO_APPROVED, RebalanceStatus.FAILED);
        assertThat(failed.history().getLast().reason()).isEqualTo("no execution venue 'nowhere' is loaded (rebalance.venue)");
        assertThat(store.rebalances().fills(accepted.id())).isEmpty();
        // the process ended (no incident), Execute's output mapping having set FAILED for its status listener
        await(() -> records().anyMatch(record -> record.getValueType() == io.camunda.zeebe.protocol.record.ValueType.PROCESS_INSTANCE
                && record.getIntent() == io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent.ELEMENT_COMPLETED
                && ((io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue) record.getValue()).getBpmnElementType()
                        == io.camunda.zeebe.protocol.record.value.BpmnElementType.PROCESS));
        assertThat(records().filter(record -> record.getValueType() == io.camunda.zeebe.protocol.record.ValueType.VARIABLE)
                .map(record -> (io.camunda.zeebe.protocol.record.value.VariableRecordValue) record.getValue())
                .filter(variable -> variable.getName().equals("rebalanceStatus"))
                .map(io.camunda.zeebe.protocol.record.value.VariableRecordValue::getValue).toList())
                .containsExactly("\"AUTO_APPROVED\"", "\"FAILED\"");
    }

    private java.util.stream.Stream<io.camunda.zeebe.protocol.record.Record<?>> records() {
        return java.util.stream.StreamSupport.stream(engine.records().getRecords().spliterator(), false);
    }

    private void assertBookedOnce(String rebalanceId) {
        assertThat(store.rebalances().fills(rebalanceId)).extracting(RebalanceFill::asset, RebalanceFill::slice, RebalanceFill::quantity,
                RebalanceFill::price, RebalanceFill::fee).containsExactly(
                tuple("A10", 1, new BigDecimal("10"), new BigDecimal("99.9"), new BigDecimal("1")),
                tuple("K", 1, new BigDecimal("9"), new BigDecimal("100.1"), new BigDecimal("1")));
        StoredRebalance rebalance = store.rebalances().find(rebalanceId).orElseThrow();
        Portfolio portfolio = store.portfolios().find(rebalance.portfolioId()).orElseThrow();
        assertThat(portfolio.cash()).isEqualByComparingTo("96.10");
        assertThat(portfolio.positions()).filteredOn(position -> position.asset().equals("A10"))
                .singleElement().satisfies(position -> {
                    assertThat(position.quantity()).isEqualByComparingTo("90");
                    assertThat(position.averagePrice()).isEqualByComparingTo("100");
                });
        assertThat(portfolio.positions()).filteredOn(position -> position.asset().equals("K"))
                .singleElement().satisfies(position -> {
                    assertThat(position.quantity()).isEqualByComparingTo("9");
                    assertThat(position.averagePrice()).isEqualByComparingTo("100.1");
                });
    }

    private RebalancePort.Accepted propose(String portfolioId, String user, Optional<String> key) {
        return stage.rebalancePort().propose(portfolioId, new RebalancePort.RebalanceRequest(Optional.of(TARGETS), Optional.empty(), Map.of(),
                Optional.of("quarterly")), key, user).orElseThrow();
    }

    private StoredRebalance awaitStatus(String rebalanceId, RebalanceStatus status) {
        await(() -> store.rebalances().find(rebalanceId).orElseThrow().status() == status);
        return store.rebalances().find(rebalanceId).orElseThrow();
    }

    private ApprovalPort.TaskView awaitTask(String group, String rebalanceId) {
        await(() -> stage.approvalPort().pending(Optional.of(group)).stream().anyMatch(task -> task.rebalanceId().equals(rebalanceId)));
        return stage.approvalPort().pending(Optional.of(group)).stream().filter(task -> task.rebalanceId().equals(rebalanceId))
                .findFirst().orElseThrow();
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private void start() {
        engine = EmbeddedWorkflowFixture.start();
        RiskFactsAssembler facts = new RiskFactsAssembler(store.instruments(), store.priceBars(), store.portfolios(), store.portfolioNavs(),
                Clock.systemUTC());
        stage = RebalanceStage.start(new RebalanceStage.Services(store, engine.runtime(), plugins::executionVenue,
                new PortfolioConstruction(plugins::optimizer, List::of), facts, rules::evaluate,
                (alert, portfolioId) -> alerts.add(alert), Clock.systemUTC()), config());
    }

    private void stopRuntime() {
        if (stage != null) {
            stage.close();
            stage = null;
        }
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    private BallastConfig.Rebalance config() {
        BallastConfig.Rebalance defaults = BallastConfig.Rebalance.defaults();
        return new BallastConfig.Rebalance(defaults.approvalWindow(), defaults.escalationWindow(), defaults.reminderAfter(),
                defaults.autoApproveNotionalLimit(), venue, PAPER_COSTS, defaults.proposal(),
                List.of(new BallastConfig.PortfolioOverride(manualPortfolio, null, null, null, new BigDecimal("1000"))));
    }

    private String portfolio(String name) {
        return TenHoldingsPortfolio.store(store, name, Instant.now().minus(5, ChronoUnit.DAYS));
    }

    private static Map<String, BigDecimal> targets() {
        Map<String, BigDecimal> targets = new java.util.TreeMap<>();
        for (int i = 1; i <= 9; i++) {
            targets.put("A" + i, new BigDecimal("0.10"));
        }
        targets.put("A10", new BigDecimal("0.09"));
        targets.put("K", new BigDecimal("0.01"));
        return targets;
    }
}
