package io.ballast.platform.app;

import io.ballast.api.alert.Alert;
import io.ballast.api.execution.ExecutionVenue;
import io.ballast.platform.risk.RiskEvaluation;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.approval.ApprovalAuthority;
import io.ballast.platform.approval.ApprovalTasks;
import io.ballast.platform.approval.CamundaUserTaskApprovals;
import io.ballast.platform.approval.CandidateGroupRoles;
import io.ballast.platform.approval.EmbeddedApprovalInbox;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.http.ApprovalPort;
import io.ballast.platform.http.RebalancePort;
import io.ballast.platform.rebalance.RebalanceDesk;
import io.ballast.platform.rebalance.RebalanceProposal;
import io.ballast.platform.rebalance.RebalanceRiskCheck;
import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.rebalance.RebalanceTriggerWatch;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.api.risk.RiskAction;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.store.RebalanceHistoryEntry;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoredRebalance;
import io.ballast.platform.store.StoredRiskEvaluation;
import io.ballast.platform.workflow.RebalanceApprovalCheckWorker;
import io.ballast.platform.workflow.RebalanceApprovalInstances;
import io.ballast.platform.workflow.RebalanceAutoDecisionWorker;
import io.ballast.platform.workflow.RebalanceExecutionWorker;
import io.ballast.platform.workflow.RebalanceJobWorker;
import io.ballast.platform.workflow.RebalanceReminderWorker;
import io.ballast.platform.workflow.RebalanceRiskCheckWorker;
import io.ballast.platform.workflow.RebalanceStatusWorker;
import io.ballast.platform.workflow.WorkflowRuntime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebalance stage, wired: the desk that proposes, the job workers of {@code rebalance-approval},
 * the people's tasks (the embedded inbox, or Camunda user tasks on a cluster) behind the approval
 * authority, and in embedded mode the approvals re-opened after a restart.
 */
final class RebalanceStage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceStage.class);

    /** What the stage needs from the platform's other stages. */
    record Services(Store store, WorkflowRuntime workflow, Function<String, Optional<ExecutionVenue>> venues,
                    PortfolioConstruction construction, RiskFactsAssembler facts, Function<RiskFacts, RiskEvaluation> rules,
                    BiConsumer<Alert, String> alerts, Clock clock) {
    }

    private final RebalancePort rebalancePort;
    private final ApprovalPort approvalPort;
    private final EmbeddedApprovalInbox inbox;
    private final RebalanceWorkflowSteps steps;
    private final RebalanceTriggerWatch triggerWatch;

    private RebalanceStage(RebalancePort rebalancePort, ApprovalPort approvalPort, EmbeddedApprovalInbox inbox, RebalanceWorkflowSteps steps,
                           RebalanceTriggerWatch triggerWatch) {
        this.rebalancePort = rebalancePort;
        this.approvalPort = approvalPort;
        this.inbox = inbox;
        this.steps = steps;
        this.triggerWatch = triggerWatch;
    }

    /** Opens the workers and the tasks; in embedded mode re-opens every approval the store has pending. */
    static RebalanceStage start(Services services, BallastConfig.Rebalance config) {
        Store store = services.store();
        WorkflowRuntime workflow = services.workflow();
        RebalanceRiskCheck riskCheck = new RebalanceRiskCheck(services.facts()::ofStored, services.rules());
        RebalanceWorkflowSteps steps = new RebalanceWorkflowSteps(store.rebalances(), store.portfolios(), store.riskEvaluations(), store.instruments(),
                store.priceBars(), riskCheck,
                config, services.venues(), services.alerts(),
                services.clock());
        for (RebalanceJobWorker worker : List.of(new RebalanceRiskCheckWorker(steps), new RebalanceStatusWorker(steps),
                new RebalanceReminderWorker(steps), new RebalanceAutoDecisionWorker(steps))) {
            workflow.openWorker(worker.jobType(), worker.fetchVariables(), RebalanceJobWorker.JOB_TIMEOUT, worker);
        }
        RebalanceExecutionWorker execution = new RebalanceExecutionWorker(steps, workflow.client());
        workflow.openWorker(execution.jobType(), execution.fetchVariables(), RebalanceExecutionWorker.JOB_TIMEOUT, execution);
        boolean embedded = "embedded".equals(workflow.mode());
        if (!embedded) {
            // the completing listeners of the Camunda user tasks; the embedded variant has none (the inbox checks itself)
            workflow.openWorker(RebalanceApprovalCheckWorker.JOB_TYPE, RebalanceApprovalCheckWorker.VARIABLES, RebalanceJobWorker.JOB_TIMEOUT,
                    new RebalanceApprovalCheckWorker(new UserTaskCompletionCheck(store.rebalances(), services.clock())));
        }

        RebalanceApprovalInstances instances = new RebalanceApprovalInstances(workflow.client());
        RebalanceDesk desk = new RebalanceDesk(store.portfolios(), store.instruments(), store.priceBars(), store.rebalances(),
                services.construction(), config,
                (rebalance, approval) -> instances.start(start(rebalance, Optional.of(approval.reminderAfter()),
                        approval.approvalWindow(), approval.escalationWindow())),
                services.clock());

        EmbeddedApprovalInbox inbox = null;
        ApprovalTasks tasks;
        if (embedded) {
            inbox = EmbeddedApprovalInbox.open(workflow.client(), EmbeddedApprovalInbox.DEFAULT_JOB_TIMEOUT,
                    EmbeddedApprovalInbox.DEFAULT_SWEEP_INTERVAL, services.clock());
            tasks = inbox;
        } else {
            tasks = new CamundaUserTaskApprovals(workflow.client());
        }
        ApprovalAuthority authority = new ApprovalAuthority(new DecisionRecordingTasks(tasks, store.rebalances(), services.clock()),
                CandidateGroupRoles.DEFAULT);
        RebalanceStage stage = new RebalanceStage(new RebalanceDeskPort(desk, store.rebalances()),
                new ApprovalAuthorityPort(authority), inbox, steps,
                new RebalanceTriggerWatch(desk, store.rebalances(), store.portfolioNavs(), store.priceBars(), config,
                        services.clock()));
        if (embedded) {
            try {
                reopenPending(store, instances, config, services.clock().instant());
            } catch (RuntimeException e) {
                stage.close();
                throw e;
            }
        }
        return stage;
    }

    RebalancePort rebalancePort() {
        return rebalancePort;
    }

    ApprovalPort approvalPort() {
        return approvalPort;
    }

    /** The configured rebalance triggers; the platform evaluates them whenever the risk monitor sees new prices. */
    RebalanceTriggerWatch triggerWatch() {
        return triggerWatch;
    }

    /** The job workers' steps, for tests that deliver a job again. */
    RebalanceWorkflowSteps steps() {
        return steps;
    }

    /**
     * The embedded engine forgot every instance when it stopped; the store did not. Each rebalance
     * waiting for people gets a new instance started right before its task, its window set to what
     * is left of it (none left: PT0S, so the timer fires at once), and its reminder only if not yet due.
     * Its task shows what it showed before: dated when the rebalance entered its status (the history's
     * PENDING_APPROVAL or ESCALATED entry), with the verdict and decisions of the stored risk check.
     * A rebalance the engine was working on for nobody (PROPOSED, or approved and not executed) starts
     * again at its risk check or its execution.
     */
    static void reopenPending(Store store, RebalanceApprovalInstances instances, BallastConfig.Rebalance config, Instant now) {
        // what the engine was doing for nobody when it stopped: a risk check, or an execution (which skips the booked slices)
        for (StoredRebalance rebalance : store.rebalances().unfinished()) {
            BallastConfig.PortfolioApproval approval = config.approvalOf(rebalance.portfolioId());
            RebalanceApprovalInstances.Start start = start(rebalance, Optional.of(approval.reminderAfter()), rebalance.approvalWindow(),
                    rebalance.escalationWindow());
            if (rebalance.status() == RebalanceStatus.PROPOSED) {
                instances.start(start);
                LOG.info("Re-started rebalance {} at its risk check", rebalance.id());
            } else {
                instances.startBefore(RebalanceApprovalInstances.EXECUTE, start, Map.of());
                LOG.info("Re-started rebalance {} ({}) at its execution", rebalance.id(), rebalance.status());
            }
        }
        for (StoredRebalance rebalance : store.rebalances().pending()) {
            Duration left = rebalance.windowLeft(now);
            Duration waited = Duration.between(rebalance.statusSince(), now);
            if (rebalance.status() == RebalanceStatus.PENDING_APPROVAL) {
                Duration reminderAfter = config.approvalOf(rebalance.portfolioId()).reminderAfter();
                Optional<Duration> reminder = waited.compareTo(reminderAfter) < 0 ? Optional.of(reminderAfter.minus(waited)) : Optional.empty();
                instances.startBefore(RebalanceApprovalInstances.APPROVE_REBALANCE,
                        start(rebalance, reminder, left, rebalance.escalationWindow()),
                        reopenedTask(store, rebalance, RebalanceApprovalInstances.APPROVE_REBALANCE));
                LOG.info("Re-opened rebalance {} at Approve rebalance: {} of its {} approval window left, reminder {}", rebalance.id(), left,
                        rebalance.approvalWindow(), reminder.map(in -> "in " + in).orElse("already sent"));
            } else {
                instances.startBefore(RebalanceApprovalInstances.ESCALATED_APPROVAL,
                        start(rebalance, Optional.empty(), rebalance.approvalWindow(), left),
                        reopenedTask(store, rebalance, RebalanceApprovalInstances.ESCALATED_APPROVAL));
                LOG.info("Re-opened rebalance {} at Escalated approval: {} of its {} escalation window left", rebalance.id(), left,
                        rebalance.escalationWindow());
            }
        }
    }

    /**
     * The variables of a re-opened task at {@code elementId}: created when the rebalance entered its
     * current status (its latest history entry to it; the status's start when none is found), and the
     * verdict and decisions of its stored risk check, the verdict named as the risk-check step names
     * it for a rebalance that waits for people. Without a stored check, the form shows none (logged).
     */
    static Map<String, Object> reopenedTask(Store store, StoredRebalance rebalance, String elementId) {
        Instant createdAt = rebalance.history().reversed().stream().filter(entry -> entry.to() == rebalance.status())
                .map(RebalanceHistoryEntry::at).findFirst().orElse(rebalance.statusSince());
        Optional<StoredRiskEvaluation> check = store.riskEvaluations().latestOf(rebalance.portfolioId(), EvaluationTrigger.WORKFLOW,
                RebalanceWorkflowSteps.riskCheckRequester(rebalance.id()));
        if (check.isEmpty()) {
            LOG.warn("Rebalance {}: no stored risk check, its re-opened task shows no risk decisions", rebalance.id());
            return RebalanceApprovalInstances.reopenedTaskVariables(elementId, createdAt, Optional.empty(), List.of());
        }
        boolean allAllow = check.get().decisions().stream().allMatch(decision -> decision.action() == RiskAction.ALLOW);
        return RebalanceApprovalInstances.reopenedTaskVariables(elementId, createdAt,
                Optional.of(allAllow ? RebalanceWorkflowSteps.ALLOW_ALL : RebalanceWorkflowSteps.NEEDS_APPROVAL), check.get().decisions());
    }

    static RebalanceApprovalInstances.Start start(StoredRebalance rebalance, Optional<Duration> reminderAfter, Duration approvalWindow,
                                                  Duration escalationWindow) {
        RebalanceProposal proposal = rebalance.proposal();
        List<Map<String, Object>> trades = proposal.trades().stream().map(trade -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("asset", trade.asset());
            entry.put("side", trade.side().name());
            entry.put("quantity", trade.quantity());
            entry.put("notional", trade.notional());
            return entry;
        }).toList();
        return new RebalanceApprovalInstances.Start(rebalance.id(), rebalance.portfolioId(), rebalance.proposedBy(), trades,
                proposal.totalEstimatedCost(), proposal.trackingErrorReduction(), reminderAfter, approvalWindow, escalationWindow);
    }

    @Override
    public void close() {
        if (inbox != null) {
            inbox.close();
        }
    }
}
