package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ballast.api.alert.Alert;
import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.execution.OrderSide;
import io.ballast.platform.approval.ApprovalTask;
import io.ballast.platform.workflow.ExecutionClaimedException;
import io.ballast.platform.approval.ApprovalTaskNotFoundException;
import io.ballast.platform.approval.ApprovalTasks;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.Severity;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.platform.http.RebalancePort.TradeView;
import io.ballast.platform.rebalance.ExecutionPrices;
import io.ballast.platform.rebalance.RebalanceDesk;
import io.ballast.platform.rebalance.RebalanceRequest;
import io.ballast.platform.rebalance.RebalanceRiskCheck;
import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.rebalance.TenHoldingsPortfolio;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.store.RebalanceFill;
import io.ballast.platform.store.RebalanceHistoryEntry;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoredRebalance;
import io.ballast.platform.workflow.RebalanceApprovalCheckWorker;
import io.ballast.platform.workflow.RebalanceRiskCheckWorker.Verdict;
import io.ballast.platform.workflow.RecordingJobClient;
import io.ballast.platform.workflow.RecordingJobClient.Completed;
import io.ballast.platform.workflow.TaskListenerJob;
import io.ballast.platform.workflow.RebalanceStatusWorker.StatusChange;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each job worker's step on an H2 store, the shipped rules and the bundled paper venue, without the
 * engine: what it stores, what it answers, and that a second delivery changes nothing. The market
 * and the trades are those of {@link RebalanceStageTest}: SELL 10 A10 and BUY 9 K at 100, gross 1 900.
 */
class RebalanceWorkflowStepsTest {

    static final Instant PROPOSED_AT = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final String VAR_UNKNOWN = "value at risk unknown";

    static PluginHost plugins;
    static RiskEngine rules;

    @TempDir
    Path dataDirectory;

    Store store;
    String autoPortfolio;
    String manualPortfolio;
    final List<Alert> alerts = new ArrayList<>();

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
    void storeTheMarket() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
        RebalanceStageTest.storeTheMarket(store, PROPOSED_AT.truncatedTo(ChronoUnit.DAYS));
        autoPortfolio = portfolio();
        manualPortfolio = portfolio();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void riskCheckWithinTheLimitStoresAutoApprovedAndTheEvaluationOnceWhenDeliveredTwice() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);

        Verdict first = steps.check(id);
        Verdict second = steps.check(id);

        assertThat(first.riskVerdict()).isEqualTo("ALLOW_ALL");
        assertThat(first.autoApprovable()).isTrue();
        assertThat(first.decisions()).extracting(RiskDecision::rule, RiskDecision::action).containsExactly(tuple(VAR_UNKNOWN, RiskAction.ALLOW));
        assertThat(second.riskVerdict()).isEqualTo("ALLOW_ALL");
        assertThat(second.autoApprovable()).isTrue();
        StoredRebalance stored = store.rebalances().find(id).orElseThrow();
        assertThat(stored.history()).extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to, RebalanceHistoryEntry::reason)
                .containsExactly(tuple("alice", RebalanceStatus.PROPOSED, "MANUAL trigger: asked for by alice: quarterly"),
                        tuple("risk-rules", RebalanceStatus.AUTO_APPROVED,
                                "every rule allows it and the gross notional 1900.00 is within the auto-approve limit of 50000"));
        assertThat(store.riskEvaluations().latest(Optional.of(autoPortfolio), 10)).singleElement().satisfies(evaluation -> {
            assertThat(evaluation.trigger()).isEqualTo(EvaluationTrigger.WORKFLOW);
            assertThat(evaluation.requestedBy()).isEqualTo("rebalance " + id);
        });
    }

    @Test
    void riskCheckOverThePortfoliosOwnLimitStoresPendingApproval() {
        String id = propose(manualPortfolio, moveTenPercentOfA10ToK());

        Verdict verdict = steps("paper", PROPOSED_AT).check(id);

        assertThat(verdict.riskVerdict()).isEqualTo("ALLOW_ALL");
        assertThat(verdict.autoApprovable()).isFalse();
        assertThat(store.rebalances().find(id).orElseThrow().history().getLast()).satisfies(entry -> {
            assertThat(entry.to()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);
            assertThat(entry.reason()).isEqualTo("every rule allows it, but the gross notional 1900.00 is over the auto-approve limit of 1000");
        });
    }

    /** A1 to 25% of NAV: over the 20% block of one asset. */
    @Test
    void riskCheckBlockedByARuleStoresBlocked() {
        Map<String, Double> targets = new TreeMap<>();
        targets.put("A1", 0.25);
        targets.put("A2", 0.05);
        for (int i = 3; i <= 10; i++) {
            targets.put("A" + i, 0.0875);
        }
        String id = propose(autoPortfolio, targets);

        Verdict verdict = steps("paper", PROPOSED_AT).check(id);

        assertThat(verdict.riskVerdict()).isEqualTo("BLOCKED");
        assertThat(verdict.autoApprovable()).isFalse();
        assertThat(verdict.decisions()).anySatisfy(decision -> {
            assertThat(decision.action()).isEqualTo(RiskAction.BLOCK_TRADE);
            assertThat(decision.subject().id()).isEqualTo("A1");
        });
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.BLOCKED);
    }

    @Test
    void statusRecordsThePersonAndTheCommentOnceAndKeepsWhatTheStoreHasWhenTheProcessDisagrees() {
        String id = pending(manualPortfolio);
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT.plusSeconds(60));

        steps.record(new StatusChange(id, "ApproveRebalance", "APPROVED", "bob", "within mandate", null));
        steps.record(new StatusChange(id, "ApproveRebalance", "APPROVED", "bob", "within mandate", null));
        steps.record(new StatusChange(id, "ApprovalWindowOver", "ESCALATED", null, null, null));

        StoredRebalance stored = store.rebalances().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.APPROVED);
        assertThat(stored.history()).extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to, RebalanceHistoryEntry::reason)
                .endsWith(tuple("bob", RebalanceStatus.APPROVED, "within mandate"));
        assertThat(stored.history()).hasSize(3);
    }

    @Test
    void statusEscalatedIsTheSystemsWithTheWindow() {
        String id = pending(manualPortfolio);

        steps("paper", PROPOSED_AT.plus(Duration.ofHours(4))).record(new StatusChange(id, "ApprovalWindowOver", "ESCALATED", null, null, null));

        assertThat(store.rebalances().find(id).orElseThrow().history().getLast()).satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("system");
            assertThat(entry.to()).isEqualTo(RebalanceStatus.ESCALATED);
            assertThat(entry.reason()).isEqualTo("nobody decided within the approval window of PT4H: escalated to risk-officers");
        });
    }

    /**
     * Bob approves in Tasklist, sending no approvedBy (Tasklist's form has none): the listener accepts it
     * and notes bob as the decider of Approve rebalance, changing no status (the engine has not completed the
     * task yet); a second delivery of its job does the same. The task's end listener, two minutes after the
     * proposal, then stores PENDING_APPROVAL to APPROVED by bob with the comment, though approvedBy is absent.
     */
    @Test
    void tasklistApprovalNotesTheAssigneeAndTheEndListenerStoresItAsTheirs() {
        String id = pending(manualPortfolio);
        TaskListenerJob job = TaskListenerJob.completing("ApproveRebalance", "bob", id, true, "within mandate");

        Completed first = listen(job);
        Completed second = listen(job);

        assertThat(first.denied()).isFalse();
        assertThat(second.denied()).isFalse();
        // the engine rejects a task listener's completion that carries variables
        assertThat(first.variables()).isNull();
        assertThat(store.rebalances().taskDecider(id, "ApproveRebalance")).contains("bob");
        assertThat(store.rebalances().taskDecider(id, "EscalatedApproval")).isEmpty();
        StoredRebalance noted = store.rebalances().find(id).orElseThrow();
        assertThat(noted.status()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);
        assertThat(noted.history()).hasSize(2);

        steps("paper", PROPOSED_AT.plusSeconds(120)).record(new StatusChange(id, "ApproveRebalance", "APPROVED", null, "within mandate", null));

        StoredRebalance stored = store.rebalances().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.APPROVED);
        assertThat(stored.history()).extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to, RebalanceHistoryEntry::reason)
                .containsExactly(tuple("alice", RebalanceStatus.PROPOSED, "MANUAL trigger: asked for by alice: quarterly"),
                        tuple("risk-rules", RebalanceStatus.PENDING_APPROVAL,
                                "every rule allows it, but the gross notional 1900.00 is over the auto-approve limit of 1000"),
                        tuple("bob", RebalanceStatus.APPROVED, "within mandate"));
        assertThat(stored.history().getLast().from()).contains(RebalanceStatus.PENDING_APPROVAL);
        assertThat(stored.history().getLast().at()).isEqualTo(PROPOSED_AT.plusSeconds(120));
    }

    /**
     * The reviewer's race: bob's completion is accepted, then the approval window's interrupting timer fires
     * before the engine completes the task, so Approve rebalance runs no end listener. The timer's ESCALATED
     * is stored (nothing moved the status), rita's completion of the escalated task is accepted, and its end
     * listener stores ESCALATED to APPROVED by rita.
     */
    @Test
    void anAcceptedApprovalInterruptedByTheTimerLeavesTheEscalationToDecide() {
        String id = pending(manualPortfolio);
        Instant windowOver = PROPOSED_AT.plus(Duration.ofHours(4));

        Completed bob = listen(TaskListenerJob.completing("ApproveRebalance", "bob", id, true, "within mandate"));
        steps("paper", windowOver).record(new StatusChange(id, "ApprovalWindowOver", "ESCALATED", null, null, null));
        StoredRebalance escalated = store.rebalances().find(id).orElseThrow();
        Completed rita = listen(TaskListenerJob.completing("EscalatedApproval", "rita", id, true, "approved on escalation"));
        steps("paper", windowOver.plusSeconds(60))
                .record(new StatusChange(id, "EscalatedApproval", "APPROVED", null, "approved on escalation", null));

        assertThat(bob.denied()).isFalse();
        assertThat(escalated.status()).isEqualTo(RebalanceStatus.ESCALATED);
        assertThat(rita.denied()).isFalse();
        assertThat(store.rebalances().taskDecider(id, "EscalatedApproval")).contains("rita");
        StoredRebalance stored = store.rebalances().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.APPROVED);
        assertThat(stored.history()).extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::from, RebalanceHistoryEntry::to,
                        RebalanceHistoryEntry::reason)
                .containsExactly(tuple("alice", Optional.empty(), RebalanceStatus.PROPOSED, "MANUAL trigger: asked for by alice: quarterly"),
                        tuple("risk-rules", Optional.of(RebalanceStatus.PROPOSED), RebalanceStatus.PENDING_APPROVAL,
                                "every rule allows it, but the gross notional 1900.00 is over the auto-approve limit of 1000"),
                        tuple("system", Optional.of(RebalanceStatus.PENDING_APPROVAL), RebalanceStatus.ESCALATED,
                                "nobody decided within the approval window of PT4H: escalated to risk-officers"),
                        tuple("rita", Optional.of(RebalanceStatus.ESCALATED), RebalanceStatus.APPROVED, "approved on escalation"));
    }

    /**
     * A second accepted completion of the same task (its assignee changed, carol now) replaces bob's note, and
     * the end listener stores the decision as carol's, not as the approvedBy the process still holds.
     */
    @Test
    void aLaterAcceptedCompletionReplacesTheNoteAndTheNoteOutranksApprovedBy() {
        String id = pending(manualPortfolio);

        Completed bob = listen(TaskListenerJob.completing("ApproveRebalance", "bob", id, true, "within mandate"));
        Completed carol = listen(TaskListenerJob.completing("ApproveRebalance", "carol", id, false, "too big"));
        steps("paper", PROPOSED_AT.plusSeconds(120)).record(new StatusChange(id, "ApproveRebalance", "REJECTED", "bob", "too big", null));

        assertThat(bob.denied()).isFalse();
        assertThat(carol.denied()).isFalse();
        assertThat(store.rebalances().taskDecider(id, "ApproveRebalance")).contains("carol");
        assertThat(store.rebalances().find(id).orElseThrow().history().getLast())
                .extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to, RebalanceHistoryEntry::reason)
                .containsExactly("carol", RebalanceStatus.REJECTED, "too big");
    }

    /** A decision the check of an earlier platform version stored before answering, its job delivered again after an upgrade. */
    @Test
    void aDecisionStoredByAnEarlierVersionsCheckIsAcceptedAgain() {
        String id = pending(manualPortfolio);
        store.rebalances().transition(id, Optional.of(RebalanceStatus.PENDING_APPROVAL), RebalanceStatus.APPROVED, "bob", "within mandate",
                PROPOSED_AT.plusSeconds(30));

        Completed again = listen(TaskListenerJob.completing("ApproveRebalance", "bob", id, true, "within mandate"));
        Completed byCarol = listen(TaskListenerJob.completing("ApproveRebalance", "carol", id, true, "within mandate"));

        assertThat(again.denied()).isFalse();
        assertThat(byCarol.result().getDeniedReason())
                .isEqualTo("rebalance " + id + " is APPROVED, not PENDING_APPROVAL: this task does not decide it");
        assertThat(store.rebalances().find(id).orElseThrow().history()).hasSize(3);
    }

    @Test
    void theProposerMayNotApproveInTasklistButMayReject() {
        String id = pending(manualPortfolio);

        Completed approval = listen(TaskListenerJob.completing("ApproveRebalance", "alice", id, true, "mine, and fine"));
        assertThat(approval.denied()).isTrue();
        assertThat(approval.result().getDeniedReason()).isEqualTo(
                "Four eyes: alice proposed rebalance " + id + " and may not approve it; another user of portfolio-managers must");
        assertThat(store.rebalances().taskDecider(id, "ApproveRebalance")).isEmpty();

        Completed rejection = listen(TaskListenerJob.completing("ApproveRebalance", "alice", id, false, " "));
        assertThat(rejection.denied()).isFalse();
        assertThat(store.rebalances().taskDecider(id, "ApproveRebalance")).contains("alice");
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);

        // a blank comment: the reason is the decision's name
        steps("paper", PROPOSED_AT.plusSeconds(120)).record(new StatusChange(id, "ApproveRebalance", "REJECTED", null, " ", null));
        assertThat(store.rebalances().find(id).orElseThrow().history().getLast())
                .extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to, RebalanceHistoryEntry::reason)
                .containsExactly("alice", RebalanceStatus.REJECTED, "rejected");
    }

    @Test
    void aCompletionWithoutAssigneeOrNamingAnotherApproverIsDeniedAndNotesNothing() {
        String id = pending(manualPortfolio);
        Map<String, Object> forged = Map.of("rebalanceId", id, "approved", true, "comment", "fine", "approvedBy", "carol");

        Completed unassigned = listen(TaskListenerJob.completing("ApproveRebalance", null, id, false, "too big"));
        Completed otherApprover = listen(TaskListenerJob.completing("ApproveRebalance", "bob", forged));

        assertThat(unassigned.result().getDeniedReason()).isEqualTo("the task of rebalance " + id
                + " has no assignee: assign it to yourself before completing it, so that the decision is recorded as yours");
        assertThat(otherApprover.result().getDeniedReason()).isEqualTo("approvedBy is carol but the task is assigned to bob: the assignee decides");
        assertThat(store.rebalances().taskDecider(id, "ApproveRebalance")).isEmpty();
        StoredRebalance stored = store.rebalances().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);
        assertThat(stored.history()).hasSize(2);
    }

    @Test
    void eachTaskDecidesOnlyTheStatusItStandsFor() {
        String pendingId = pending(manualPortfolio);
        String escalatedId = escalated(autoPortfolio);

        Completed early = listen(TaskListenerJob.completing("EscalatedApproval", "rita", pendingId, true, "fine"));
        Completed late = listen(TaskListenerJob.completing("ApproveRebalance", "bob", escalatedId, true, "sorry, was away"));
        Completed byTheProposer = listen(TaskListenerJob.completing("EscalatedApproval", "alice", escalatedId, true, "mine"));
        Completed byRita = listen(TaskListenerJob.completing("EscalatedApproval", "rita", escalatedId, true, "approved on escalation"));

        assertThat(early.result().getDeniedReason())
                .isEqualTo("rebalance " + pendingId + " is PENDING_APPROVAL, not ESCALATED: this task does not decide it");
        assertThat(late.result().getDeniedReason())
                .isEqualTo("rebalance " + escalatedId + " is ESCALATED, not PENDING_APPROVAL: this task does not decide it");
        assertThat(byTheProposer.result().getDeniedReason())
                .isEqualTo("Four eyes: alice proposed rebalance " + escalatedId + " and may not approve it; another user of risk-officers must");
        assertThat(byRita.denied()).isFalse();
        assertThat(store.rebalances().taskDecider(pendingId, "EscalatedApproval")).isEmpty();
        assertThat(store.rebalances().taskDecider(escalatedId, "ApproveRebalance")).isEmpty();
        assertThat(store.rebalances().taskDecider(escalatedId, "EscalatedApproval")).contains("rita");
        assertThat(store.rebalances().find(pendingId).orElseThrow().status()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);
        assertThat(store.rebalances().find(escalatedId).orElseThrow().status()).isEqualTo(RebalanceStatus.ESCALATED);
    }

    /** The completing listener's worker on this store, a minute after the proposal; its one answer. */
    private Completed listen(TaskListenerJob job) {
        RecordingJobClient jobs = new RecordingJobClient();
        new RebalanceApprovalCheckWorker(new UserTaskCompletionCheck(store.rebalances(), Clock.fixed(PROPOSED_AT.plusSeconds(60), ZoneOffset.UTC)))
                .handle(jobs, job);
        assertThat(jobs.answers()).hasSize(1);
        return (Completed) jobs.answers().getFirst();
    }

    /** Pending since the proposal; an hour later 3 of the 4 hours are left. */
    @Test
    void reminderAlertsNamingTheRebalanceTheGroupAndTheTimeLeft() {
        String id = pending(manualPortfolio);
        Instant statusSince = store.rebalances().find(id).orElseThrow().statusSince();

        steps("paper", statusSince.plus(Duration.ofHours(1))).remind(id, "portfolio-managers");

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.WARNING);
            assertThat(alert.title()).isEqualTo("Rebalance " + id + " awaits approval");
            assertThat(alert.message()).isEqualTo("Rebalance " + id + " of portfolio " + manualPortfolio
                    + ", proposed by alice, waits for a decision by portfolio-managers: PT3H left of the PT4H approval window, then it escalates");
        });
    }

    /** The job delivered again (the worker died after alerting, before completing), to this worker or another: one alert. */
    @Test
    void aReminderDeliveredTwiceAlertsOnce() {
        String id = pending(manualPortfolio);
        Instant statusSince = store.rebalances().find(id).orElseThrow().statusSince();

        steps("paper", statusSince.plus(Duration.ofHours(1))).remind(id, "portfolio-managers");
        steps("paper", statusSince.plus(Duration.ofHours(1)).plusSeconds(30)).remind(id, "portfolio-managers");

        assertThat(alerts).singleElement().satisfies(alert -> assertThat(alert.message()).contains("PT3H left"));
    }

    @Test
    void automaticDecisionApprovesWithinTheLimitAndRejectsOverIt() {
        String within = escalated(autoPortfolio);
        String over = escalated(manualPortfolio);
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT.plus(Duration.ofHours(6)));

        Verdict approved = steps.decide(within);
        Verdict approvedAgain = steps.decide(within);
        Verdict rejected = steps.decide(over);

        assertThat(approved.autoApprovable()).isTrue();
        assertThat(approvedAgain.autoApprovable()).isTrue();
        assertThat(rejected.autoApprovable()).isFalse();
        assertThat(store.rebalances().find(within).orElseThrow().status()).isEqualTo(RebalanceStatus.AUTO_APPROVED_AFTER_ESCALATION);
        assertThat(store.rebalances().find(within).orElseThrow().history()).hasSize(4);
        assertThat(store.rebalances().find(over).orElseThrow().history().getLast()).satisfies(entry -> {
            assertThat(entry.to()).isEqualTo(RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION);
            assertThat(entry.actor()).isEqualTo("risk-rules");
            assertThat(entry.reason()).isEqualTo("rejected automatically after escalation, nobody approved it and every rule allows it,"
                    + " but the gross notional 1900.00 is over the auto-approve limit of 1000");
        });
    }

    /** A risk officer's approval was stored while the escalated window ran out: the automatic decision keeps it. */
    @Test
    void automaticDecisionHonoursAPersonsDecisionStoredFirst() {
        String approvedByRita = escalated(manualPortfolio); // over its limit: it would be rejected automatically
        String rejectedByRita = escalated(autoPortfolio); // within its limit: it would be approved automatically
        store.rebalances().transition(approvedByRita, Optional.empty(), RebalanceStatus.APPROVED, "rita", "fine", PROPOSED_AT.plusSeconds(5 * 3600));
        store.rebalances().transition(rejectedByRita, Optional.empty(), RebalanceStatus.REJECTED, "rita", "no", PROPOSED_AT.plusSeconds(5 * 3600));
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT.plus(Duration.ofHours(6)));

        assertThat(steps.decide(approvedByRita).autoApprovable()).isTrue();
        assertThat(steps.decide(rejectedByRita).autoApprovable()).isFalse();

        assertThat(store.rebalances().find(approvedByRita).orElseThrow().history().getLast())
                .extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to).containsExactly("rita", RebalanceStatus.APPROVED);
        assertThat(store.rebalances().find(rejectedByRita).orElseThrow().history().getLast())
                .extracting(RebalanceHistoryEntry::actor, RebalanceHistoryEntry::to).containsExactly("rita", RebalanceStatus.REJECTED);
    }

    /**
     * The timer interrupted the task between its reading and its completion: completing answers NOT_FOUND,
     * and nothing is stored (the process escalates, and the store must agree with it).
     */
    @Test
    void aDecisionIsNotStoredWhenItsTaskWasInterruptedBeforeItCompleted() {
        String id = pending(manualPortfolio);
        ApprovalTask task = new ApprovalTask("t-1", id, manualPortfolio, "alice", "Approve rebalance", List.of("portfolio-managers"),
                PROPOSED_AT, Map.of());
        List<String> completed = new ArrayList<>();
        ApprovalTasks interrupted = new ApprovalTasks() {
            public List<ApprovalTask> pending(Optional<String> group) { return List.of(task); }
            public Optional<ApprovalTask> task(String taskId) { return Optional.of(task); }
            public void complete(String taskId, boolean approved, String comment, String actor) {
                completed.add(taskId);
                throw new ApprovalTaskNotFoundException(taskId);
            }
        };
        DecisionRecordingTasks tasks = new DecisionRecordingTasks(interrupted, store.rebalances(), Clock.fixed(PROPOSED_AT, ZoneOffset.UTC));

        assertThatThrownBy(() -> tasks.complete("t-1", true, "fine", "bob")).isInstanceOf(ApprovalTaskNotFoundException.class);

        assertThat(completed).containsExactly("t-1");
        StoredRebalance stored = store.rebalances().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.PENDING_APPROVAL);
        assertThat(stored.history()).extracting(RebalanceHistoryEntry::to)
                .containsExactly(RebalanceStatus.PROPOSED, RebalanceStatus.PENDING_APPROVAL);
    }

    /**
     * A first run, by a version that did not store execution prices, booked the A10 sell and stopped before the K
     * buy (a crash): the job again sends only the buy, at the proposal's price of 100 its orders carried, not at
     * the close of 120 stored since. K fills at 100 x 1.001 = 100.1, fee 900.90 x 5 bp = 0.45 -> the minimum 1.
     * Cash 0 + (999.00 - 1.00) - (900.90 + 1.00) = 96.10.
     */
    @Test
    void executionDeliveredAgainAfterACrashOfARunThatStoredNoPricesSendsOnlyWhatWasNotBookedAtTheProposalsPrices() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        store.rebalances().bookFills(id, List.of(new RebalanceFill("A10", 1, OrderSide.SELL, new BigDecimal("10"), new BigDecimal("99.9"),
                BigDecimal.ONE, "USD", "first-run", PROPOSED_AT)));
        storeClose("K", PROPOSED_AT, "120");

        assertThat(steps.execute(id)).isEmpty();
        assertThat(steps.execute(id)).isEmpty();

        assertThat(store.rebalances().fills(id)).extracting(RebalanceFill::asset, RebalanceFill::quantity, RebalanceFill::price,
                RebalanceFill::venueOrderId).satisfiesExactly(
                a10 -> assertThat(a10).isEqualTo(tuple("A10", new BigDecimal("10"), new BigDecimal("99.9"), "first-run")),
                k -> {
                    assertThat(k.toList().subList(0, 3)).containsExactly("K", new BigDecimal("9"), new BigDecimal("100.1"));
                    assertThat(k.toList().get(3)).isNotEqualTo("first-run");
                });
        assertThat(store.portfolios().find(autoPortfolio).orElseThrow().cash()).isEqualByComparingTo("96.10");
        assertThat(store.rebalances().find(id).orElseThrow().history().getLast()).satisfies(entry -> {
            assertThat(entry.to()).isEqualTo(RebalanceStatus.EXECUTED);
            assertThat(entry.reason()).isEqualTo("executed on paper: 1 orders now, 1 filled before");
        });
        assertThat(store.rebalances().find(id).orElseThrow().executionPrices()).contains(
                new ExecutionPrices(Map.of("A10", new BigDecimal("100"), "K", new BigDecimal("100"))));
    }

    /**
     * Proposed at closes of 100; by the execution A10 closed at 102 and K at 104. The orders carry those, and the
     * paper venue moves them 10 bp against the trader: SELL 10 A10 at 102 x 0.999 = 101.898, BUY 9 K at
     * 104 x 1.001 = 104.104. Fees: 1 018.98 x 5 bp = 0.51 and 936.936 x 5 bp = 0.47, each the minimum 1.
     * Cash 0 + 1 018.98 - 1 - 936.936 - 1 = 80.044. The view shows the execution prices beside the proposal's.
     */
    @Test
    void executionPricesAreTheLatestClosesStoredWhenTheExecutionStarts() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        assertThat(RebalanceDeskPort.view(store.rebalances().find(id).orElseThrow()).trades())
                .extracting(TradeView::asset, TradeView::executionPrice).containsExactly(tuple("A10", null), tuple("K", null));
        storeClose("A10", PROPOSED_AT, "102");
        storeClose("K", PROPOSED_AT, "104");

        assertThat(steps.execute(id)).isEmpty();

        assertThat(store.rebalances().fills(id)).extracting(RebalanceFill::asset, RebalanceFill::side, RebalanceFill::quantity, RebalanceFill::price)
                .containsExactly(tuple("A10", OrderSide.SELL, new BigDecimal("10"), new BigDecimal("101.898")),
                        tuple("K", OrderSide.BUY, new BigDecimal("9"), new BigDecimal("104.104")));
        assertThat(store.portfolios().find(autoPortfolio).orElseThrow().cash()).isEqualByComparingTo("80.044");
        assertThat(RebalanceDeskPort.view(store.rebalances().find(id).orElseThrow()).trades())
                .extracting(TradeView::asset, TradeView::lastPrice, TradeView::executionPrice)
                .containsExactly(tuple("A10", new BigDecimal("100"), new BigDecimal("102")), tuple("K", new BigDecimal("100"), new BigDecimal("104")));
    }

    /**
     * The first run fixes A10 at 102 and K at 104, books the A10 sell (at 101.898) and dies before the K order. K
     * closes at 110 before the job comes again: the run again sends K at the stored 104 (104 x 1.001 = 104.104),
     * never at the new close (which would be 110.11), so the order under K's client order id is the same order.
     */
    @Test
    void aRunAgainAfterAPartialOneUsesTheStoredPricesNotACloseThatArrivedSince() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        steps("paper", PROPOSED_AT).check(id);
        storeClose("A10", PROPOSED_AT, "102");
        storeClose("K", PROPOSED_AT, "104");
        java.util.concurrent.atomic.AtomicInteger orders = new java.util.concurrent.atomic.AtomicInteger();
        assertThatThrownBy(() -> steps("paper", PROPOSED_AT).execute(id, () -> {
            if (orders.incrementAndGet() == 2) {
                throw new IllegalStateException("the worker died");
            }
        })).hasMessage("the worker died");
        assertThat(store.rebalances().fills(id)).extracting(RebalanceFill::asset, RebalanceFill::price)
                .containsExactly(tuple("A10", new BigDecimal("101.898")));
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.AUTO_APPROVED);
        storeClose("A10", PROPOSED_AT.plusSeconds(3600), "110");
        storeClose("K", PROPOSED_AT.plusSeconds(3600), "110");

        // the dead run's claim has lapsed by then
        assertThat(steps("paper", PROPOSED_AT.plus(RebalanceWorkflowSteps.EXECUTION_LEASE).plusSeconds(1)).execute(id)).isEmpty();

        assertThat(store.rebalances().fills(id)).extracting(RebalanceFill::asset, RebalanceFill::price)
                .containsExactly(tuple("A10", new BigDecimal("101.898")), tuple("K", new BigDecimal("104.104")));
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.EXECUTED);
        assertThat(store.rebalances().find(id).orElseThrow().executionPrices()).contains(
                new ExecutionPrices(Map.of("A10", new BigDecimal("102"), "K", new BigDecimal("104"))));
    }

    /**
     * Cash 0. Proposed at 100: the sell brings 1 000.00 - 0.60 = 999.40 (fee 0.10, half spread 0.50, no impact: A10
     * never moved), the buy needs 900.00 + 0.75 (fee 0.09, half spread 0.45, impact 900 x 0.0785674 x sqrt(9 / 1e6)
     * = 0.21, K's daily volatility the sample deviation of its returns 0.1111 and 0): affordable. K closes at 112
     * before the execution: 9 x 112 = 1 008.00 plus the costs scaled by 112 / 100, 0.84, is 1 008.84 > 999.40:
     * FAILED, nothing sent.
     */
    @Test
    void affordabilityIsCheckedAtTheExecutionPrices() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        storeClose("K", PROPOSED_AT, "112");

        String failure = "the buys need 1008.84 (notional and estimated costs at the execution prices) but portfolio " + autoPortfolio
                + " has 999.4 (cash 0 plus 999.4 from the sells): nothing is sent";
        assertThat(steps.execute(id)).contains(failure);

        assertThat(store.rebalances().find(id).orElseThrow().history().getLast()).satisfies(entry -> {
            assertThat(entry.to()).isEqualTo(RebalanceStatus.FAILED);
            assertThat(entry.reason()).isEqualTo(failure);
        });
        assertThat(store.rebalances().fills(id)).isEmpty();
        assertThat(store.portfolios().find(autoPortfolio).orElseThrow().cash()).isEqualByComparingTo("0");
    }

    /** K's closes are gone by the execution: FAILED naming it, nothing sent, no prices stored. */
    @Test
    void executionOfAnAssetWithoutAStoredCloseFailsBeforeAnyOrder() throws Exception {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        try (java.sql.Connection connection = store.dataSource().getConnection();
             java.sql.Statement delete = connection.createStatement()) {
            assertThat(delete.executeUpdate("DELETE FROM price_bar WHERE asset_id = 'K'")).isEqualTo(3);
        }

        String failure = "no close of K is stored to price its orders at: nothing is sent";
        assertThat(steps.execute(id)).contains(failure);

        StoredRebalance stored = store.rebalances().find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.FAILED);
        assertThat(stored.history().getLast().reason()).isEqualTo(failure);
        assertThat(stored.executionPrices()).isEmpty();
        assertThat(store.rebalances().fills(id)).isEmpty();
        assertThat(store.portfolios().find(autoPortfolio).orElseThrow().cash()).isEqualByComparingTo("0");
    }

    /**
     * Proposed with lots of 1 and every trade flagged for TWAP in 3 slices (threshold 0.0001% of the daily volume of
     * 1 000 000: 10 and 9 units are over it): A10 10 = 3, 3, 4 and K 9 = 3, 3, 3. The equity lot is 5 by the
     * execution; cut in it, A10 would go in 5, 5 and K in one slice of 9. The lots stored on the trades cut them.
     */
    @Test
    void slicesAreCutInTheLotStoredOnTheTradeAfterTheConfigurationChanged() {
        BallastConfig.Proposal proposedWith = new BallastConfig.Proposal(new BigDecimal("100"), 1, 5, 1, 0.000001, 3, 1, 1, 0.0001);
        BallastConfig.Proposal configuredSince = new BallastConfig.Proposal(new BigDecimal("100"), 1, 5, 1, 0.000001, 3, 1, 5, 0.0001);
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK(), config("paper", proposedWith));
        RebalanceWorkflowSteps steps = steps(config("paper", configuredSince), PROPOSED_AT);
        steps.check(id);

        assertThat(steps.execute(id)).isEmpty();

        assertThat(store.rebalances().fills(id)).extracting(RebalanceFill::asset, RebalanceFill::slice, RebalanceFill::quantity)
                .containsExactly(tuple("A10", 1, new BigDecimal("3")), tuple("A10", 2, new BigDecimal("3")), tuple("A10", 3, new BigDecimal("4")),
                        tuple("K", 1, new BigDecimal("3")), tuple("K", 2, new BigDecimal("3")), tuple("K", 3, new BigDecimal("3")));
    }

    @Test
    void executionWithoutItsVenueFailsWithTheReasonAndTradesNothing() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("nowhere", PROPOSED_AT);
        steps.check(id);

        assertThat(steps.execute(id)).contains("no execution venue 'nowhere' is loaded (rebalance.venue)");

        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.FAILED);
        assertThat(store.rebalances().fills(id)).isEmpty();
        assertThat(steps.execute(id)).contains("no execution venue 'nowhere' is loaded (rebalance.venue)");
    }

    /** The proposal sells 10 A10; the stored book holds 5 by the time it executes: FAILED, nothing sent. */
    @Test
    void executionOfASellOverTheStoredPositionFailsBeforeAnyOrder() throws Exception {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        sql("UPDATE position SET quantity = 5 WHERE portfolio_id = '" + autoPortfolio + "' AND asset_id = 'A10'");

        String failure = "the proposal sells 10 A10 but portfolio " + autoPortfolio + " now holds 5: nothing is sent";
        assertThat(steps.execute(id)).contains(failure);

        assertThat(store.rebalances().find(id).orElseThrow().history().getLast()).satisfies(entry -> {
            assertThat(entry.to()).isEqualTo(RebalanceStatus.FAILED);
            assertThat(entry.reason()).isEqualTo(failure);
        });
        assertThat(store.rebalances().fills(id)).isEmpty();
        assertThat(store.portfolios().find(autoPortfolio).orElseThrow().cash()).isEqualByComparingTo("0");
    }

    /**
     * Proposed with cash 1 000 (NAV 101 000): the buys are priced against it; the cash is spent elsewhere (0) by
     * the time it executes, and what the sells bring does not pay for the buys: FAILED, nothing sent.
     */
    @Test
    void executionOfBuysOverTheStoredCashFailsBeforeAnyOrder() throws Exception {
        sql("UPDATE portfolio SET cash = 1000 WHERE id = '" + autoPortfolio + "'");
        Map<String, Double> targets = new java.util.TreeMap<>(moveTenPercentOfA10ToK());
        targets.put("A10", 0.08);
        targets.put("K", 0.02);
        String id = propose(autoPortfolio, targets);
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.AUTO_APPROVED);
        sql("UPDATE portfolio SET cash = 0 WHERE id = '" + autoPortfolio + "'");

        Optional<String> failure = steps.execute(id);

        assertThat(failure).hasValueSatisfying(reason -> assertThat(reason).startsWith("the buys need ")
                .contains("but portfolio " + autoPortfolio + " has ").contains("(cash 0 plus ").endsWith(" from the sells): nothing is sent"));
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.FAILED);
        assertThat(store.rebalances().fills(id)).isEmpty();
    }

    /**
     * The sale of 10 A10 fills in full, but the store is unreachable for its booking: the run stops before
     * the K order and the step books the A10 fills after all (SELL 10 at 99.9, fee 1: A10 90 units, cash
     * 0 + 999 - 1 = 998), then stores FAILED.
     */
    @Test
    void aSliceThatFilledButCouldNotBeBookedIsBookedWhenTheRunFails() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        steps("paper", PROPOSED_AT).check(id);
        java.util.concurrent.atomic.AtomicBoolean storeDown = new java.util.concurrent.atomic.AtomicBoolean();
        javax.sql.DataSource flaky = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && storeDown.getAndSet(false)) {
                        throw new java.sql.SQLException("the store is briefly unreachable");
                    }
                    try {
                        return method.invoke(store.dataSource(), arguments);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ExecutionVenue paper = plugins.executionVenue("paper").orElseThrow();
        ExecutionVenue downAfterFills = new ExecutionVenue() {
            public String id() { return paper.id(); }
            public String version() { return paper.version(); }
            public String description() { return paper.description(); }
            public List<io.ballast.api.plugin.ParameterSpec> parameters() { return paper.parameters(); }
            public io.ballast.api.execution.OrderAck submit(io.ballast.api.execution.Order order) { return paper.submit(order); }
            public List<io.ballast.api.execution.Fill> fills(String venueOrderId) {
                storeDown.set(true); // the next connection, the booking's, fails
                return paper.fills(venueOrderId);
            }
        };
        RiskFactsAssembler facts = new RiskFactsAssembler(store.instruments(), store.priceBars(), store.portfolios(), store.portfolioNavs(),
                Clock.systemUTC());
        RebalanceWorkflowSteps steps = new RebalanceWorkflowSteps(new io.ballast.platform.store.RebalanceRepository(flaky), store.portfolios(),
                store.riskEvaluations(), store.instruments(), store.priceBars(), new RebalanceRiskCheck(facts::ofStored, rules::evaluate), config("paper"),
                venue -> Optional.of(downAfterFills), (alert, portfolioId) -> alerts.add(alert), Clock.fixed(PROPOSED_AT, ZoneOffset.UTC));

        Optional<String> failure = steps.execute(id);

        assertThat(failure).hasValueSatisfying(reason -> assertThat(reason).contains("it filled, but could not be recorded"));
        assertThat(store.rebalances().fills(id)).extracting(RebalanceFill::asset, RebalanceFill::quantity, RebalanceFill::price)
                .containsExactly(tuple("A10", new BigDecimal("10"), new BigDecimal("99.9")));
        assertThat(store.portfolios().find(autoPortfolio).orElseThrow().cash()).isEqualByComparingTo("998");
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.FAILED);
    }

    /** Each order is preceded by the hook (the worker's lock extension): SELL A10, then BUY K. */
    @Test
    void everyOrderIsPrecededByTheLockExtension() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        List<Integer> bookedBeforeEachOrder = new ArrayList<>();

        assertThat(steps.execute(id, () -> bookedBeforeEachOrder.add(store.rebalances().fills(id).size()))).isEmpty();

        assertThat(bookedBeforeEachOrder).containsExactly(0, 1);
    }

    /** Another run holds the claim (the job went to a second worker): this one sends nothing and stores nothing. */
    @Test
    void anExecutionClaimedByAnotherRunSendsNothing() {
        String id = propose(autoPortfolio, moveTenPercentOfA10ToK());
        RebalanceWorkflowSteps steps = steps("paper", PROPOSED_AT);
        steps.check(id);
        assertThat(store.rebalances().claimExecution(id, "the other run", PROPOSED_AT, Duration.ofMinutes(1))).isPresent();

        assertThatThrownBy(() -> steps.execute(id)).isInstanceOfSatisfying(ExecutionClaimedException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("another run is executing rebalance " + id);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        });

        assertThat(store.rebalances().fills(id)).isEmpty();
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.AUTO_APPROVED);
        // the other run's claim lapses a minute later: the job tried again executes it
        assertThat(steps("paper", PROPOSED_AT.plusSeconds(61)).execute(id)).isEmpty();
        assertThat(store.rebalances().find(id).orElseThrow().status()).isEqualTo(RebalanceStatus.EXECUTED);
    }

    private void sql(String statement) throws Exception {
        try (java.sql.Connection connection = store.dataSource().getConnection();
             java.sql.Statement update = connection.createStatement()) {
            assertThat(update.executeUpdate(statement)).isEqualTo(1);
        }
    }

    @Test
    void executionOfARebalanceNotApprovedTradesNothingAndEndsItFailedSinceItsProcessEnds() {
        String id = pending(manualPortfolio);
        String failure = "rebalance " + id + " is PENDING_APPROVAL in the store, not approved: nothing is executed";

        assertThat(steps("paper", PROPOSED_AT).execute(id)).contains(failure);
        StoredRebalance failed = store.rebalances().find(id).orElseThrow();
        assertThat(failed.status()).isEqualTo(RebalanceStatus.FAILED);
        assertThat(failed.history().getLast().reason()).isEqualTo(failure);
        assertThat(store.rebalances().fills(id)).isEmpty();
        // delivered again: the same answer, nothing more
        assertThat(steps("paper", PROPOSED_AT).execute(id)).contains(failure);
    }

    private String pending(String portfolioId) {
        String id = propose(portfolioId, moveTenPercentOfA10ToK());
        if (portfolioId.equals(manualPortfolio)) {
            steps("paper", PROPOSED_AT).check(id);
        } else {
            store.rebalances().transition(id, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "test", "as if a rule asked", PROPOSED_AT);
        }
        return id;
    }

    private String escalated(String portfolioId) {
        String id = pending(portfolioId);
        store.rebalances().transition(id, Optional.empty(), RebalanceStatus.ESCALATED, "system", "window over", PROPOSED_AT.plusSeconds(4 * 3600));
        return id;
    }

    private RebalanceWorkflowSteps steps(String venue, Instant now) {
        return steps(config(venue), now);
    }

    private RebalanceWorkflowSteps steps(BallastConfig.Rebalance config, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        RiskFactsAssembler facts = new RiskFactsAssembler(store.instruments(), store.priceBars(), store.portfolios(), store.portfolioNavs(),
                Clock.systemUTC());
        return new RebalanceWorkflowSteps(store.rebalances(), store.portfolios(), store.riskEvaluations(), store.instruments(),
                store.priceBars(), new RebalanceRiskCheck(facts::ofStored, rules::evaluate), config, plugins::executionVenue,
                (alert, portfolioId) -> alerts.add(alert), clock);
    }

    private String propose(String portfolioId, Map<String, Double> targets) {
        return propose(portfolioId, targets, config("paper"));
    }

    private String propose(String portfolioId, Map<String, Double> targets, BallastConfig.Rebalance config) {
        RebalanceDesk desk = new RebalanceDesk(store.portfolios(), store.instruments(), store.priceBars(), store.rebalances(),
                new PortfolioConstruction(plugins::optimizer, List::of), config, (rebalance, approval) -> {
                }, Clock.fixed(PROPOSED_AT, ZoneOffset.UTC));
        return desk.propose(portfolioId, RebalanceRequest.givenWeights(targets), Optional.of("quarterly"), Optional.empty(), "alice")
                .orElseThrow().rebalance().id();
    }

    private BallastConfig.Rebalance config(String venue) {
        return config(venue, BallastConfig.Rebalance.defaults().proposal());
    }

    private BallastConfig.Rebalance config(String venue, BallastConfig.Proposal proposal) {
        BallastConfig.Rebalance defaults = BallastConfig.Rebalance.defaults();
        return new BallastConfig.Rebalance(defaults.approvalWindow(), defaults.escalationWindow(), defaults.reminderAfter(),
                defaults.autoApproveNotionalLimit(), venue, RebalanceStageTest.PAPER_COSTS, proposal,
                List.of(new BallastConfig.PortfolioOverride(manualPortfolio, null, null, null, new BigDecimal("1000"))));
    }

    /** A close of {@code price} for {@code asset} at {@code at}, stored after the proposal (volume as the market's). */
    private void storeClose(String asset, Instant at, String price) {
        BigDecimal close = new BigDecimal(price);
        store.priceBars().saveAll(List.of(new PriceBar(asset, at, close, close, close, close, new BigDecimal("1000000"))));
    }

    private static Map<String, Double> moveTenPercentOfA10ToK() {
        Map<String, Double> targets = new TreeMap<>();
        RebalanceStageTest.TARGETS.forEach((asset, weight) -> targets.put(asset, weight.doubleValue()));
        return targets;
    }

    private String portfolio() {
        return TenHoldingsPortfolio.store(store, "p", PROPOSED_AT.minus(5, ChronoUnit.DAYS));
    }
}
