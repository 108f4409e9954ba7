package io.ballast.platform.app;

import io.ballast.api.alert.Alert;
import io.ballast.api.risk.Severity;
import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.rebalance.EscalationDecision;
import io.ballast.platform.rebalance.ExecutedSlice;
import io.ballast.platform.rebalance.ExecutionPrices;
import io.ballast.platform.rebalance.ExecutionSlice;
import io.ballast.platform.rebalance.ExecutionStatus;
import io.ballast.platform.rebalance.RebalanceDesk;
import io.ballast.platform.rebalance.RebalanceExecution;
import io.ballast.platform.rebalance.RebalanceExecutionResult;
import io.ballast.platform.rebalance.RebalanceRiskCheck;
import io.ballast.platform.rebalance.RebalanceRiskVerdict;
import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.rebalance.RebalanceTrade;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.store.InstrumentRepository;
import io.ballast.platform.store.PortfolioRepository;
import io.ballast.platform.store.PriceBarRepository;
import io.ballast.platform.store.RebalanceFill;
import io.ballast.platform.store.RebalanceRepository;
import io.ballast.platform.store.RebalanceTransitionException;
import io.ballast.platform.store.RiskEvaluationRepository;
import io.ballast.platform.store.StoredRebalance;
import io.ballast.platform.store.StoredRiskEvaluation;
import io.ballast.platform.workflow.RebalanceAutoDecisionWorker;
import io.ballast.platform.workflow.ExecutionClaimedException;
import io.ballast.platform.workflow.RebalanceExecutionWorker;
import io.ballast.platform.workflow.RebalanceReminderWorker;
import io.ballast.platform.workflow.RebalanceRiskCheckWorker;
import io.ballast.platform.workflow.RebalanceRiskCheckWorker.Verdict;
import io.ballast.platform.workflow.RebalanceStatusWorker;
import io.ballast.platform.workflow.RebalanceStatusWorker.StatusChange;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rebalance-approval job workers' steps on the platform's services: the store is the record,
 * so each step reads the rebalance by id, stores what it decided before its job completes, and on
 * a second delivery finds it stored and answers the same.
 */
final class RebalanceWorkflowSteps implements RebalanceRiskCheckWorker.Step, RebalanceStatusWorker.Step,
        RebalanceReminderWorker.Step, RebalanceAutoDecisionWorker.Step, RebalanceExecutionWorker.Step {

    static final String RISK_RULES = "risk-rules";
    static final String SYSTEM = "system";
    static final String ALLOW_ALL = "ALLOW_ALL";
    static final String NEEDS_APPROVAL = "NEEDS_APPROVAL";
    static final String BLOCKED = "BLOCKED";
    /** How long one order's fills may take; the paper venue fills at once. */
    static final Duration FILL_TIMEOUT = Duration.ofSeconds(30);
    static final Duration FILL_POLL = Duration.ofMillis(20);
    /**
     * How long a claim on an execution holds without renewal: one order and its fills ({@link #FILL_TIMEOUT})
     * and their booking, with room; a run renews it before each order.
     */
    static final Duration EXECUTION_LEASE = FILL_TIMEOUT.multipliedBy(2);
    /** The store's scale of fill amounts. */
    private static final int FILL_DECIMALS = 8;

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceWorkflowSteps.class);

    private final RebalanceRepository rebalances;
    private final PortfolioRepository portfolios;
    private final RiskEvaluationRepository evaluations;
    private final InstrumentRepository instruments;
    private final PriceBarRepository priceBars;
    private final RebalanceRiskCheck riskCheck;
    private final BallastConfig.Rebalance config;
    private final Function<String, Optional<ExecutionVenue>> venues;
    private final BiConsumer<Alert, String> alerts;
    private final Clock clock;

    /**
     * @param venues the loaded execution venues by id ({@code PluginHost::executionVenue})
     * @param alerts where reminders go, with the rebalance's portfolio (the alert publisher)
     */
    RebalanceWorkflowSteps(RebalanceRepository rebalances, PortfolioRepository portfolios, RiskEvaluationRepository evaluations, InstrumentRepository instruments,
                           PriceBarRepository priceBars, RebalanceRiskCheck riskCheck, BallastConfig.Rebalance config, Function<String, Optional<ExecutionVenue>> venues,
                           BiConsumer<Alert, String> alerts, Clock clock) {
        this.rebalances = Objects.requireNonNull(rebalances, "rebalances");
        this.portfolios = Objects.requireNonNull(portfolios, "portfolios");
        this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
        this.instruments = Objects.requireNonNull(instruments, "instruments");
        this.priceBars = Objects.requireNonNull(priceBars, "priceBars");
        this.riskCheck = Objects.requireNonNull(riskCheck, "riskCheck");
        this.config = Objects.requireNonNull(config, "config");
        this.venues = Objects.requireNonNull(venues, "venues");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Verdict check(String rebalanceId) {
        StoredRebalance rebalance = rebalance(rebalanceId);
        BigDecimal limit = config.approvalOf(rebalance.portfolioId()).autoApproveNotionalLimit();
        Optional<RebalanceRiskVerdict> verdict = riskCheck.check(rebalance.portfolioId(), rebalance.proposal().verdict(),
                rebalance.proposal().trades(), limit);
        if (rebalance.status() == RebalanceStatus.PROPOSED) {
            if (verdict.isEmpty()) {
                transition(rebalance, RebalanceStatus.BLOCKED, RISK_RULES, "portfolio " + rebalance.portfolioId() + " no longer exists");
                return new Verdict(BLOCKED, false, List.of());
            }
            RebalanceRiskVerdict found = verdict.get();
            evaluations.insert(new StoredRiskEvaluation(UUID.randomUUID().toString(), rebalance.portfolioId(), now(), found.rulesVersion(),
                    EvaluationTrigger.WORKFLOW, riskCheckRequester(rebalanceId), found.decisions()));
            RebalanceStatus status = switch (found.outcome()) {
                case BLOCKED -> RebalanceStatus.BLOCKED;
                case AUTO_APPROVABLE -> RebalanceStatus.AUTO_APPROVED;
                case NEEDS_APPROVAL -> RebalanceStatus.PENDING_APPROVAL;
            };
            transition(rebalance, status, RISK_RULES, found.reason());
            return verdictOf(status, found);
        }
        // delivered again after the outcome was stored: the stored outcome decides the path
        LOG.info("Rebalance {}: risk check delivered again; it is {} already", rebalanceId, rebalance.status());
        return verdictOf(rebalance.status(), verdict.orElse(null));
    }

    /** Who a rebalance's stored risk check names as its requester, by which a restart finds it again. */
    static String riskCheckRequester(String rebalanceId) {
        return "rebalance " + rebalanceId;
    }

    private static Verdict verdictOf(RebalanceStatus status, RebalanceRiskVerdict verdict) {
        List<RiskDecision> decisions = verdict == null ? List.of() : verdict.decisions();
        return switch (status) {
            case AUTO_APPROVED -> new Verdict(ALLOW_ALL, true, decisions);
            case PENDING_APPROVAL -> new Verdict(verdict != null && verdict.nonAllowingDecisions().isEmpty() ? ALLOW_ALL : NEEDS_APPROVAL,
                    false, decisions);
            // BLOCKED, and anything that went on without the process (FAILED): the process ends
            default -> new Verdict(BLOCKED, false, decisions);
        };
    }

    @Override
    public Verdict decide(String rebalanceId) {
        StoredRebalance rebalance = rebalance(rebalanceId);
        if (rebalance.status() != RebalanceStatus.ESCALATED) {
            LOG.info("Rebalance {}: automatic decision delivered again; it is {} already", rebalanceId, rebalance.status());
            // decided already: automatically (delivered again), or by a person whose decision was stored while the
            // timer ran out; the store is the record, so an approved one goes on to its execution
            boolean approved = rebalance.status().isApproved();
            return new Verdict(approved ? ALLOW_ALL : NEEDS_APPROVAL, approved, List.of());
        }
        BigDecimal limit = config.approvalOf(rebalance.portfolioId()).autoApproveNotionalLimit();
        Optional<EscalationDecision> decision = riskCheck.decideAfterEscalation(rebalance.portfolioId(),
                rebalance.proposal().verdict(), rebalance.proposal().trades(), limit);
        if (decision.isEmpty()) {
            transition(rebalance, RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION, RISK_RULES,
                    "portfolio " + rebalance.portfolioId() + " no longer exists");
            return new Verdict(BLOCKED, false, List.of());
        }
        EscalationDecision decided = decision.get();
        transition(rebalance, decided.approved() ? RebalanceStatus.AUTO_APPROVED_AFTER_ESCALATION : RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION,
                RISK_RULES, decided.reason());
        RebalanceRiskVerdict verdict = decided.verdict();
        String name = !verdict.blockingDecisions().isEmpty() ? BLOCKED : verdict.nonAllowingDecisions().isEmpty() ? ALLOW_ALL : NEEDS_APPROVAL;
        return new Verdict(name, decided.approved(), verdict.decisions());
    }

    /**
     * Alerts once per rebalance and group: the reminder is recorded in the store before the alert goes out, so
     * the job delivered again (the worker died after alerting, before completing) finds it and alerts no more.
     * The price of at most once: a worker dying between the record and the alert loses that reminder; the
     * approval window and the escalation still run.
     */
    @Override
    public void remind(String rebalanceId, String group) {
        StoredRebalance rebalance = rebalance(rebalanceId);
        if (!rebalance.status().isAwaitingApproval()) {
            LOG.info("Rebalance {}: no reminder, it is {}", rebalanceId, rebalance.status());
            return;
        }
        if (!rebalances.recordReminder(rebalanceId, group, now())) {
            LOG.info("Rebalance {}: reminder to {} delivered again; it was sent already", rebalanceId, group);
            return;
        }
        Duration left = rebalance.windowLeft(clock.instant());
        alerts.accept(new Alert(Severity.WARNING, "Rebalance " + rebalanceId + " awaits approval",
                "Rebalance " + rebalanceId + " of portfolio " + rebalance.portfolioId() + ", proposed by " + rebalance.proposedBy()
                        + ", waits for a decision by " + group + ": " + left.truncatedTo(ChronoUnit.SECONDS) + " left of the "
                        + rebalance.approvalWindow() + " approval window, then it escalates",
                clock.instant(), "workflow:rebalance-approval"), rebalance.portfolioId());
    }

    @Override
    public void record(StatusChange change) {
        RebalanceStatus to;
        try {
            to = RebalanceStatus.valueOf(change.status());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("element " + change.elementId() + " set an unknown rebalanceStatus " + change.status(), e);
        }
        StoredRebalance rebalance = rebalance(change.rebalanceId());
        String actor;
        String reason;
        switch (to) {
            case APPROVED, REJECTED -> {
                // on a cluster the task's completing listener noted its assignee as the decider (UserTaskCompletionCheck);
                // without a note (the embedded inbox stores its decision itself, an instance of an older process
                // version) the process's approvedBy is all there is
                actor = rebalances.taskDecider(change.rebalanceId(), change.elementId())
                        .orElse(change.approvedBy() == null || change.approvedBy().isBlank() ? "tasklist" : change.approvedBy());
                reason = change.comment() == null || change.comment().isBlank() ? to.name().toLowerCase(Locale.ROOT) : change.comment();
            }
            case ESCALATED -> {
                actor = SYSTEM;
                reason = "nobody decided within the approval window of " + rebalance.approvalWindow() + ": escalated to risk-officers";
            }
            // the current process stores these in its workers and runs no status listener on them; instances of an
            // older deployed version (a cluster keeps them running) still report them, and find them stored
            case EXECUTED -> {
                actor = SYSTEM;
                reason = "executed";
            }
            case FAILED -> {
                actor = SYSTEM;
                reason = change.executionFailure() == null ? "failed" : change.executionFailure();
            }
            default -> {
                actor = RISK_RULES;
                reason = "risk check";
            }
        }
        try {
            rebalances.transition(change.rebalanceId(), Optional.empty(), to, actor, reason, now());
        } catch (RebalanceTransitionException refused) {
            // the store is the record: a decision stored first (an inbox decision racing the timer, an
            // execution that failed) stays, and the process goes on to its end
            LOG.warn("Rebalance {}: {} reported {} but the store refuses it, keeping {}: {}", change.rebalanceId(), change.elementId(),
                    to, rebalance.status(), refused.getMessage());
        }
    }

    /** {@link #execute(String, Runnable)} with nothing to do before each order. */
    Optional<String> execute(String rebalanceId) {
        return execute(rebalanceId, () -> {
        });
    }

    /**
     * Claims the execution ({@link #EXECUTION_LEASE}, renewed before each order with {@code beforeOrder}),
     * fixes its prices the first time, then sends what is not booked yet.
     *
     * <p>Prices: every order carries its asset's execution price as its reference price, the latest stored close
     * when the execution first starts (a rebalance approved days after its proposal trades at today's prices, not
     * the proposal's). They are stored before the first order, and every run after it uses the stored ones, so an
     * order sent again under the same client order id carries the same price. Quantities stay as approved.
     *
     * @throws ExecutionClaimedException when another run holds the claim, at the start or at a renewal:
     *         nothing more is sent and nothing is stored as failed (the other run goes on)
     */
    @Override
    public Optional<String> execute(String rebalanceId, Runnable beforeOrder) {
        StoredRebalance rebalance = rebalance(rebalanceId);
        if (rebalance.status() == RebalanceStatus.EXECUTED) {
            LOG.info("Rebalance {}: execution delivered again; it is EXECUTED already", rebalanceId);
            return Optional.empty();
        }
        if (rebalance.status() == RebalanceStatus.FAILED) {
            return Optional.of(rebalance.history().getLast().reason());
        }
        if (!rebalance.status().isApproved()) {
            String failure = "rebalance " + rebalanceId + " is " + rebalance.status() + " in the store, not approved: nothing is executed";
            if (rebalance.status().isTerminal()) {
                LOG.warn(failure);
                return Optional.of(failure);
            }
            // the process ends here, and nothing else would ever move the stored rebalance on: left as it is,
            // it would hold the portfolio's next rebalance for ever
            return Optional.of(fail(rebalance, failure));
        }
        String claimant = UUID.randomUUID().toString();
        claim(rebalanceId, claimant);
        // read after the claim: what an earlier holder booked is all there
        Set<String> booked = rebalances.fills(rebalanceId).stream()
                .map(fill -> ExecutionSlice.key(rebalanceId, fill.asset(), fill.slice()))
                .collect(Collectors.toSet());
        List<RebalanceTrade> trades = rebalance.proposal().trades();
        ExecutionPrices prices;
        if (rebalance.executionPrices().isPresent()) {
            prices = rebalance.executionPrices().get(); // a run again: the first run's prices, never the closes of now
        } else if (!booked.isEmpty()) {
            // slices booked without stored prices: a run from before they were stored sent them at the proposal's prices
            prices = rebalances.fixExecutionPrices(rebalanceId, ExecutionPrices.asProposed(trades));
        } else {
            Map<String, PriceBar> latest = priceBars.latestBars(trades.stream().map(RebalanceTrade::asset).toList());
            List<String> unpriced = trades.stream().map(RebalanceTrade::asset).filter(asset -> !latest.containsKey(asset)).toList();
            if (!unpriced.isEmpty()) {
                return Optional.of(fail(rebalance, "no close of " + String.join(", ", unpriced)
                        + " is stored to price its orders at: nothing is sent"));
            }
            Map<String, BigDecimal> closes = new HashMap<>();
            latest.forEach((asset, bar) -> closes.put(asset, bar.close()));
            // another run may have fixed them since this one read the rebalance: the store keeps the first
            prices = rebalances.fixExecutionPrices(rebalanceId, new ExecutionPrices(closes));
        }
        if (booked.isEmpty()) {
            // before the first order: the portfolio may have changed since the proposal (another booking,
            // an edit), and so may the prices; an order the stored book cannot pay for or deliver is never sent
            Optional<String> unaffordable = unaffordable(rebalance, prices);
            if (unaffordable.isPresent()) {
                return Optional.of(fail(rebalance, unaffordable.get()));
            }
        }
        Optional<ExecutionVenue> venue = venues.apply(config.venue());
        if (venue.isEmpty()) {
            return Optional.of(fail(rebalance, "no execution venue '" + config.venue() + "' is loaded (rebalance.venue)"));
        }
        // the settings' lot sizes cut only the trades stored before each trade kept its own
        Map<String, Instrument> instrumentByAsset = new HashMap<>();
        trades.forEach(trade -> instruments.find(trade.asset()).ifPresent(found -> instrumentByAsset.put(trade.asset(), found)));
        RebalanceExecution execution = new RebalanceExecution(venue.get(), config.venueParameters(),
                RebalanceDesk.settings(config.proposal(), instrumentByAsset), FILL_TIMEOUT, FILL_POLL);
        String currency = rebalance.proposal().baseCurrency();
        RebalanceExecutionResult result = execution.execute(rebalanceId, rebalance.portfolioId(), trades, prices, booked,
                slice -> {
                    claim(rebalanceId, claimant);
                    beforeOrder.run();
                },
                slice -> rebalances.bookFills(rebalanceId, List.of(fillOf(slice, currency))));
        if (result.status() == ExecutionStatus.COMPLETED) {
            transition(rebalance, RebalanceStatus.EXECUTED, SYSTEM, "executed on " + result.venueId() + ": " + result.executed().size()
                    + " orders now" + (result.alreadyFilled().isEmpty() ? "" : ", " + result.alreadyFilled().size() + " filled before"));
            return Optional.empty();
        }
        // every fill of the run is a fact and is booked: a slice that failed half-way, and one that filled in
        // full but whose booking failed (the run stopped there); the store skips the slices booked already
        List<RebalanceFill> filled = result.executed().stream()
                .filter(slice -> !slice.fills().isEmpty())
                .map(slice -> fillOf(slice, currency)).toList();
        if (!filled.isEmpty()) {
            rebalances.bookFills(rebalanceId, filled);
        }
        return Optional.of(fail(rebalance, result.failure().orElseThrow()));
    }

    /**
     * Why the stored portfolio cannot carry the trades at the execution prices, if it cannot: a sell of more than
     * it holds, or buys whose notional and estimated costs are more than its cash plus what the sells bring (their
     * notional less their estimated costs). A notional is the approved quantity times the execution price, rounded
     * half-even to the currency's minor unit as the proposal rounds it.
     *
     * <p>Costs are the proposal's scaled by the price's move (execution price / last price), not kept as proposed:
     * each part of the estimate, fee and half spread in basis points and the square-root impact, is a fraction of
     * the notional at a given quantity, so at the same quantity it moves with the price exactly as the notional does.
     */
    private Optional<String> unaffordable(StoredRebalance rebalance, ExecutionPrices prices) {
        Optional<Portfolio> found = portfolios.find(rebalance.portfolioId());
        if (found.isEmpty()) {
            return Optional.of("portfolio " + rebalance.portfolioId() + " no longer exists: nothing is sent");
        }
        Portfolio portfolio = found.get();
        Map<String, BigDecimal> held = new HashMap<>();
        portfolio.positions().forEach(position -> held.merge(position.asset(), position.quantity(), BigDecimal::add));
        int minorUnit = Math.max(Currency.getInstance(rebalance.proposal().baseCurrency()).getDefaultFractionDigits(), 0);
        BigDecimal proceeds = BigDecimal.ZERO;
        BigDecimal needed = BigDecimal.ZERO;
        for (RebalanceTrade trade : rebalance.proposal().trades()) {
            BigDecimal price = prices.of(trade.asset());
            BigDecimal notional = trade.quantity().multiply(price).setScale(minorUnit, RoundingMode.HALF_EVEN);
            BigDecimal cost = trade.estimatedCost().total().multiply(price)
                    .divide(trade.lastPrice(), MathContext.DECIMAL128).setScale(minorUnit, RoundingMode.HALF_EVEN);
            if (trade.side() == OrderSide.SELL) {
                BigDecimal holding = held.getOrDefault(trade.asset(), BigDecimal.ZERO);
                if (trade.quantity().compareTo(holding) > 0) {
                    return Optional.of("the proposal sells " + plain(trade.quantity()) + " " + trade.asset() + " but portfolio "
                            + portfolio.id() + " now holds " + plain(holding) + ": nothing is sent");
                }
                proceeds = proceeds.add(notional).subtract(cost);
            } else {
                needed = needed.add(notional).add(cost);
            }
        }
        BigDecimal available = portfolio.cash().add(proceeds);
        if (needed.compareTo(available) > 0) {
            return Optional.of("the buys need " + plain(needed) + " (notional and estimated costs at the execution prices) but portfolio "
                    + portfolio.id()
                    + " has " + plain(available) + " (cash " + plain(portfolio.cash()) + " plus " + plain(proceeds)
                    + " from the sells): nothing is sent");
        }
        return Optional.empty();
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private void claim(String rebalanceId, String claimant) {
        Instant now = now();
        if (rebalances.claimExecution(rebalanceId, claimant, now, EXECUTION_LEASE).isEmpty()) {
            throw new ExecutionClaimedException("another run is executing rebalance " + rebalanceId, EXECUTION_LEASE);
        }
    }

    private String fail(StoredRebalance rebalance, String failure) {
        LOG.warn("Rebalance {} failed: {}", rebalance.id(), failure);
        transition(rebalance, RebalanceStatus.FAILED, SYSTEM, failure);
        return failure;
    }

    /** One slice as booked: its quantity, its average price and its fees, to the store's 8 decimals. */
    static RebalanceFill fillOf(ExecutedSlice slice, String currency) {
        BigDecimal quantity = slice.filledQuantity();
        BigDecimal price = slice.filledNotional().divide(quantity, MathContext.DECIMAL128);
        Instant filledAt = slice.fills().stream().map(Fill::time).max(Instant::compareTo).orElseThrow();
        return new RebalanceFill(slice.slice().asset(), slice.slice().slice(), slice.slice().side(), eight(quantity), eight(price),
                eight(slice.fees()), currency, slice.venueOrderId(), filledAt);
    }

    private static BigDecimal eight(BigDecimal value) {
        return value.setScale(FILL_DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private StoredRebalance rebalance(String rebalanceId) {
        return rebalances.find(rebalanceId).orElseThrow(() -> new IllegalStateException("no rebalance " + rebalanceId + " is stored"));
    }

    /** Moves the rebalance on; a move already made (a job delivered again) changes nothing. */
    private void transition(StoredRebalance rebalance, RebalanceStatus to, String actor, String reason) {
        rebalances.transition(rebalance.id(), Optional.empty(), to, actor, reason, now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
