package io.ballast.platform.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.security.AccessDeniedException;
import io.ballast.platform.security.AuthenticatedUser;
import io.ballast.platform.security.Role;
import io.ballast.platform.workflow.EmbeddedWorkflowFixture;
import io.ballast.platform.workflow.RebalanceApprovalInstances;
import io.camunda.client.api.worker.JobHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The approval inbox and who may decide, on the real embedded engine with {@code rebalance-approval}
 * deployed as embedded mode deploys it (job-worker user tasks); test workers stand in for the
 * platform's risk check, status, reminder, automatic decision and execution. One engine for the class;
 * every test ends its own instance, since moving the engine's clock moves every instance's timers.
 */
class EmbeddedApprovalInboxTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final Duration REMINDER_AFTER = Duration.ofHours(1);
    private static final Duration APPROVAL_WINDOW = Duration.ofHours(4);
    private static final Duration ESCALATION_WINDOW = Duration.ofHours(8);
    private static final Optional<String> MANAGERS = Optional.of("portfolio-managers");
    private static final Optional<String> RISK_OFFICERS = Optional.of("risk-officers");

    private static final Map<String, Object> CONCENTRATION = Map.of(
            "rule", "concentration", "action", "NEEDS_APPROVAL", "severity", "CRITICAL",
            "message", "ETH would be 42% of the portfolio, above the 25% limit");
    private static final List<Map<String, Object>> TRADES = List.of(
            Map.of("asset", "ETH", "side", "SELL", "quantity", "12.5", "notional", "40000.00"));

    private static final AuthenticatedUser ALICE = new AuthenticatedUser("alice", Set.of(Role.PORTFOLIO_MANAGER));
    private static final AuthenticatedUser BOB = new AuthenticatedUser("bob", Set.of(Role.PORTFOLIO_MANAGER));
    private static final AuthenticatedUser VERA = new AuthenticatedUser("vera", Set.of(Role.VIEWER, Role.TRADER));
    private static final AuthenticatedUser RITA = new AuthenticatedUser("rita", Set.of(Role.RISK_OFFICER));

    private static EmbeddedWorkflowFixture workflow;
    private static EmbeddedApprovalInbox inbox;
    private static ApprovalAuthority authority;
    /** Per rebalance: what the stand-in workers saw, in order. */
    private static final Map<String, List<String>> journal = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        workflow = EmbeddedWorkflowFixture.start();
        // as the platform's workers do, the risk check, the automatic decision and the execution store what they
        // decide themselves; the status listener reports what people and timers decide
        stage("ballast.rebalance.risk-check", List.of("rebalanceId"), (rebalanceId, job) -> {
            record(rebalanceId, "RiskCheck PENDING_APPROVAL");
            return Map.of("riskVerdict", "NEEDS_APPROVAL", "autoApprovable", false, "riskDecisions", List.of(CONCENTRATION));
        });
        stage("ballast.rebalance.status", List.of("rebalanceId", "rebalanceStatus"), (rebalanceId, job) -> {
            record(rebalanceId, job.getElementId() + " " + job.getVariable("rebalanceStatus"));
            return Map.of();
        });
        stage("ballast.rebalance.remind", List.of("rebalanceId"), (rebalanceId, job) -> Map.of());
        stage("ballast.rebalance.auto-decide", List.of("rebalanceId"), (rebalanceId, job) -> {
            record(rebalanceId, "AutomaticDecision AUTO_REJECTED_AFTER_ESCALATION");
            return Map.of("approved", false, "riskVerdict", "NEEDS_APPROVAL", "riskDecisions", List.of(CONCENTRATION));
        });
        stage("ballast.rebalance.execute", List.of("rebalanceId", "approved", "comment"), (rebalanceId, job) -> {
            record(rebalanceId, "execute approved=" + job.getVariable("approved") + " comment=" + job.getVariable("comment"));
            record(rebalanceId, "Execute EXECUTED");
            return Map.of();
        });
        inbox = EmbeddedApprovalInbox.open(workflow.client(), EmbeddedApprovalInbox.DEFAULT_JOB_TIMEOUT, Duration.ZERO,
                Clock.fixed(NOW, ZoneOffset.UTC));
        authority = new ApprovalAuthority(inbox, CandidateGroupRoles.DEFAULT);
    }

    @AfterAll
    static void stop() {
        if (inbox != null) {
            inbox.close();
        }
        if (workflow != null) {
            workflow.close();
        }
    }

    @Test
    void portfolioManagerOtherThanTheProposerApproves() {
        propose("R-1", "P-1");

        ApprovalTask task = awaitTask("R-1", MANAGERS, "Approve rebalance");
        assertThat(task.portfolioId()).isEqualTo("P-1");
        assertThat(task.proposedBy()).isEqualTo("alice");
        assertThat(task.candidateGroups()).containsExactly("portfolio-managers");
        assertThat(task.createdAt()).isEqualTo(NOW);
        assertThat(task.formVariables()).containsExactly(
                Map.entry("trades", TRADES),
                Map.entry("estimatedCost", "31.40"),
                Map.entry("expectedBenefit", "0.0042"),
                Map.entry("riskVerdict", "NEEDS_APPROVAL"),
                Map.entry("riskDecisions", List.of(CONCENTRATION)));
        assertThat(inbox.pending(RISK_OFFICERS)).extracting(ApprovalTask::rebalanceId).doesNotContain("R-1");

        assertThatThrownBy(() -> authority.approve(VERA, task.taskId(), "fine by me"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("User vera may not decide task " + task.taskId()
                        + " (Approve rebalance of rebalance R-1): it needs the role portfolio-manager");
        assertThatThrownBy(() -> authority.approve(ALICE, task.taskId(), "my own idea"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("Four eyes: alice proposed rebalance R-1 and may not approve it;"
                        + " another user of portfolio-managers must");
        // refused decisions changed nothing
        assertThat(inbox.task(task.taskId())).contains(task);
        assertThat(journal("R-1")).containsExactly("RiskCheck PENDING_APPROVAL");

        authority.approve(BOB, task.taskId(), "within mandate");

        assertThat(inbox.task(task.taskId())).isEmpty();
        awaitJournal("R-1", "Execute EXECUTED");
        assertThat(journal("R-1")).containsExactly("RiskCheck PENDING_APPROVAL", "ApproveRebalance APPROVED",
                "execute approved=true comment=within mandate", "Execute EXECUTED");
    }

    @Test
    void proposerMayRejectTheirOwnRebalance() {
        propose("R-2", "P-2");
        ApprovalTask task = awaitTask("R-2", MANAGERS, "Approve rebalance");

        authority.reject(ALICE, task.taskId(), "prices moved");

        awaitJournal("R-2", "ApproveRebalance REJECTED");
        assertThat(journal("R-2")).containsExactly("RiskCheck PENDING_APPROVAL", "ApproveRebalance REJECTED");
        assertThat(inbox.pending(Optional.empty())).extracting(ApprovalTask::rebalanceId).doesNotContain("R-2");
    }

    @Test
    void escalationReplacesTheTaskAndOnlyARiskOfficerDecidesIt() {
        propose("R-3", "P-3");
        ApprovalTask first = awaitTask("R-3", MANAGERS, "Approve rebalance");

        workflow.increaseTime(APPROVAL_WINDOW);

        ApprovalTask escalated = awaitTask("R-3", RISK_OFFICERS, "Escalated approval");
        assertThat(escalated.candidateGroups()).containsExactly("risk-officers");
        assertThat(escalated.taskId()).isNotEqualTo(first.taskId());
        // the interrupted task left the inbox when its successor arrived
        assertThat(inbox.pending(Optional.empty())).extracting(ApprovalTask::rebalanceId).containsOnlyOnce("R-3");
        assertThatThrownBy(() -> authority.approve(BOB, first.taskId(), "late"))
                .isInstanceOf(ApprovalTaskNotFoundException.class)
                .hasMessage("No pending approval task " + first.taskId() + ": it was decided already, escalated, or never existed");
        assertThatThrownBy(() -> authority.approve(BOB, escalated.taskId(), "late"))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessageEndingWith("(Escalated approval of rebalance R-3): it needs the role risk-officer");

        authority.approve(RITA, escalated.taskId(), "approved on escalation");

        awaitJournal("R-3", "Execute EXECUTED");
        assertThat(journal("R-3")).containsExactly("RiskCheck PENDING_APPROVAL", "ApprovalWindowOver ESCALATED",
                "EscalatedApproval APPROVED", "execute approved=true comment=approved on escalation", "Execute EXECUTED");
    }

    /**
     * Re-opened as a restart re-opens it: started right before Approve rebalance, saying that task was created
     * at 07:30 (90 minutes before the inbox's clock), with the stored risk check. The inbox dates it 07:30 and
     * shows the decisions; the escalated task that follows is new, and dated by the inbox's clock (09:00).
     */
    @Test
    void aReopenedTaskKeepsWhenItWasCreatedAndItsSuccessorIsDatedWhenItComes() {
        Instant createdBeforeTheRestart = Instant.parse("2025-03-03T07:30:00Z");
        Map<String, Object> variables = new java.util.HashMap<>(Map.of(
                "rebalanceId", "R-6", "portfolioId", "P-6", "proposedBy", "alice", "trades", TRADES,
                "estimatedCost", "31.40", "expectedBenefit", "0.0042", "reminderAfter", "P3650D",
                "approvalWindow", APPROVAL_WINDOW.toString(), "escalationWindow", ESCALATION_WINDOW.toString()));
        variables.putAll(RebalanceApprovalInstances.reopenedTaskVariables(RebalanceApprovalInstances.APPROVE_REBALANCE,
                createdBeforeTheRestart, Optional.of("NEEDS_APPROVAL"), List.of(RiskDecision.of("concentration", Severity.CRITICAL,
                        RiskAction.NEEDS_APPROVAL, RiskSubject.asset("ETH"), "ETH would be 42% of the portfolio, above the 25% limit"))));
        workflow.client().newCreateInstanceCommand().bpmnProcessId(ApprovalTask.PROCESS_ID).latestVersion().variables(variables)
                .startBeforeElement(RebalanceApprovalInstances.APPROVE_REBALANCE).send().join();

        ApprovalTask reopened = awaitTask("R-6", MANAGERS, "Approve rebalance");
        assertThat(reopened.createdAt()).isEqualTo(createdBeforeTheRestart);
        assertThat(reopened.formVariables()).containsEntry("riskVerdict", "NEEDS_APPROVAL").containsEntry("riskDecisions", List.of(
                Map.of("rule", "concentration", "severity", "CRITICAL", "action", "NEEDS_APPROVAL",
                        "subject", Map.of("kind", "ASSET", "id", "ETH"), "message", "ETH would be 42% of the portfolio, above the 25% limit")));

        workflow.increaseTime(APPROVAL_WINDOW);
        ApprovalTask escalated = awaitTask("R-6", RISK_OFFICERS, "Escalated approval");
        assertThat(escalated.createdAt()).isEqualTo(NOW);

        workflow.increaseTime(ESCALATION_WINDOW);
        awaitJournal("R-6", "AutomaticDecision AUTO_REJECTED_AFTER_ESCALATION");
    }

    @Test
    void sweepDropsTheTaskTheAutomaticDecisionInterrupted() {
        String taskId = escalateAndLetTheEscalationWindowPass("R-4", "P-4");
        // the engine told the inbox nothing: the task is stale until the sweep
        assertThat(inbox.task(taskId)).isPresent();

        inbox.sweep();

        assertThat(inbox.task(taskId)).isEmpty();
        assertThat(inbox.pending(Optional.empty())).extracting(ApprovalTask::rebalanceId).doesNotContain("R-4");
    }

    @Test
    void completingATaskTheEngineNoLongerHasFindsItGone() {
        String taskId = escalateAndLetTheEscalationWindowPass("R-5", "P-5");

        assertThatThrownBy(() -> authority.approve(RITA, taskId, "too late"))
                .isInstanceOf(ApprovalTaskNotFoundException.class);

        assertThat(inbox.task(taskId)).isEmpty();
        assertThat(journal("R-5")).doesNotContain("EscalatedApproval APPROVED");
    }

    @Test
    void taskIdsThatAreNoJobKeysAreNotFound() {
        assertThat(inbox.task("not-a-key")).isEmpty();
        assertThatThrownBy(() -> authority.reject(RITA, "not-a-key", "no"))
                .isInstanceOf(ApprovalTaskNotFoundException.class);
    }

    /** Runs the instance past both windows; returns the escalated task's id, which the inbox still holds. */
    private static String escalateAndLetTheEscalationWindowPass(String rebalanceId, String portfolioId) {
        propose(rebalanceId, portfolioId);
        awaitTask(rebalanceId, MANAGERS, "Approve rebalance");
        workflow.increaseTime(APPROVAL_WINDOW);
        ApprovalTask escalated = awaitTask(rebalanceId, RISK_OFFICERS, "Escalated approval");
        workflow.increaseTime(ESCALATION_WINDOW);
        awaitJournal(rebalanceId, "AutomaticDecision AUTO_REJECTED_AFTER_ESCALATION");
        return escalated.taskId();
    }

    private static void propose(String rebalanceId, String portfolioId) {
        workflow.client().newCreateInstanceCommand().bpmnProcessId(ApprovalTask.PROCESS_ID).latestVersion()
                .variables(Map.of(
                        "rebalanceId", rebalanceId,
                        "portfolioId", portfolioId,
                        "proposedBy", "alice",
                        "trades", TRADES,
                        "estimatedCost", "31.40",
                        "expectedBenefit", "0.0042",
                        "reminderAfter", REMINDER_AFTER.toString(),
                        "approvalWindow", APPROVAL_WINDOW.toString(),
                        "escalationWindow", ESCALATION_WINDOW.toString()))
                .send().join();
    }

    private static ApprovalTask awaitTask(String rebalanceId, Optional<String> group, String name) {
        return await(name + " of " + rebalanceId + " in " + group, () -> inbox.pending(group).stream()
                .filter(task -> task.rebalanceId().equals(rebalanceId) && task.name().equals(name))
                .findFirst().orElse(null));
    }

    private interface Stage {
        Map<String, Object> run(String rebalanceId, io.camunda.client.api.response.ActivatedJob job);
    }

    private static void stage(String jobType, List<String> variables, Stage stage) {
        JobHandler handler = (jobClient, job) -> {
            Map<String, Object> result = stage.run((String) job.getVariable("rebalanceId"), job);
            jobClient.newCompleteCommand(job).variables(result).send().join();
        };
        workflow.runtime().openWorker(jobType, variables, Duration.ofMinutes(1), handler);
    }

    private static void record(String rebalanceId, String entry) {
        journal.computeIfAbsent(rebalanceId, k -> Collections.synchronizedList(new ArrayList<>())).add(entry);
    }

    private static List<String> journal(String rebalanceId) {
        return List.copyOf(journal.getOrDefault(rebalanceId, List.of()));
    }

    private static void awaitJournal(String rebalanceId, String entry) {
        await(entry + " of " + rebalanceId, () -> journal(rebalanceId).contains(entry) ? entry : null);
    }

    private static <T> T await(String what, Supplier<T> probe) {
        return EmbeddedWorkflowFixture.await(what, WAIT, probe);
    }
}
