package io.ballast.platform.monitor;

import io.ballast.api.alert.Alert;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.alerts.AlertPublisher;
import io.ballast.platform.problem.FailureMessages;
import io.ballast.platform.risk.RiskEvaluation;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.store.PortfolioNavRepository;
import io.ballast.platform.store.PortfolioRepository;
import io.ballast.platform.store.PriceBarRepository;
import io.ballast.platform.store.PriceWatermark;
import io.ballast.platform.store.RiskEvaluationRepository;
import io.ballast.platform.store.StoredRiskEvaluation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor stage: watches the stored prices and, at start and whenever new bars arrive (the
 * {@link PriceWatermark} moves), evaluates every portfolio: records its NAV, runs the rules, stores
 * the evaluation (trigger MONITOR) and raises an alert for each WARNING or CRITICAL decision that the
 * portfolio's previous monitor evaluation did not have (same rule, subject and action), so a standing
 * breach alerts once, not on every tick. An alert that could not be stored is owed: it is raised at the
 * next evaluation that still makes its decision, although the previous evaluation had it too. A
 * portfolio that fails is logged and the others go on.
 */
public final class RiskMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RiskMonitor.class);

    /** Recorded as the requester of the monitor's evaluations. */
    public static final String REQUESTED_BY = "monitor";

    private final PriceBarRepository priceBars;
    private final PortfolioRepository portfolios;
    private final RiskFactsAssembler facts;
    private final Function<RiskFacts, RiskEvaluation> rules;
    private final RiskEvaluationRepository evaluations;
    private final PortfolioNavRepository navs;
    private final AlertPublisher alerts;
    private final Clock clock;
    private final ScheduledExecutorService poller =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ballast-risk-monitor").daemon(true).factory());
    /** Only the poller thread (or a test calling {@link #poll} alone) touches it. */
    private PriceWatermark seen;
    /** The portfolios whose last evaluation failed: tried again at every poll until they pass. */
    private Set<String> failedLastTime = Set.of();
    /**
     * By portfolio, the decisions whose alert could not be stored: the previous evaluation has them, so
     * without this they would never alert. In memory: a restart forgets them (the evaluations are kept).
     */
    private final Map<String, Set<DecisionKey>> owedAlerts = new HashMap<>();
    /** Told, on the poller thread, after every portfolio was evaluated on new prices. */
    private final List<Runnable> newPricesListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param rules the rule engine, e.g. {@code riskEngine::evaluate}
     */
    public RiskMonitor(PriceBarRepository priceBars, PortfolioRepository portfolios, RiskFactsAssembler facts,
                       Function<RiskFacts, RiskEvaluation> rules, RiskEvaluationRepository evaluations, PortfolioNavRepository navs,
                       AlertPublisher alerts, Clock clock) {
        this.priceBars = Objects.requireNonNull(priceBars, "priceBars");
        this.portfolios = Objects.requireNonNull(portfolios, "portfolios");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
        this.navs = Objects.requireNonNull(navs, "navs");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Runs {@code listener} on the monitor's thread after each poll that saw new prices, once every
     * portfolio was evaluated on them (so the NAVs of those prices are recorded); e.g. the rebalance
     * triggers. A listener that throws is logged; the others and the monitor go on. Add it before {@link #start}
     * so it sees the first prices too.
     */
    public void onNewPrices(Runnable listener) {
        newPricesListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Polls now and then every {@code pollInterval} (after the previous poll ended) until {@link #close}. */
    public void start(Duration pollInterval) {
        long millis = Math.max(1, pollInterval.toMillis());
        poller.scheduleWithFixedDelay(this::pollSafely, 0, millis, TimeUnit.MILLISECONDS);
        LOG.info("Risk monitor polling the prices every {}", pollInterval);
    }

    /**
     * Looks at the price watermark once; when it moved since the last look (or this is the first),
     * evaluates every portfolio; else evaluates again only those whose evaluation failed last time,
     * so a passing failure (the store briefly away) does not leave a portfolio unjudged until the next bar.
     *
     * @return whether it evaluated
     */
    public synchronized boolean poll() {
        PriceWatermark now = priceBars.watermark();
        boolean moved = !now.equals(seen);
        if (!moved && failedLastTime.isEmpty()) {
            return false;
        }
        List<String> ids = moved ? portfolios.ids() : List.copyOf(failedLastTime);
        seen = now; // only once the portfolios are listed: a failed listing leaves the new prices unseen
        Set<String> failed = new LinkedHashSet<>();
        for (String id : ids) {
            try {
                evaluate(id);
            } catch (RuntimeException e) {
                failed.add(id);
                LOG.warn("Risk monitor: evaluating portfolio {} failed, the others go on; it is tried again at the next poll: {}",
                        id, FailureMessages.rootCause(e));
                LOG.debug("Risk monitor: portfolio {} failed", id, e);
            }
        }
        failedLastTime = failed;
        LOG.info("Risk monitor: prices at {} ({} bars); evaluated {} portfolios{}", now.newestBarTime().map(Instant::toString)
                .orElse("none"), now.barCount(), ids.size() - failed.size(), failed.isEmpty() ? "" : ", " + failed.size() + " failed");
        if (moved) {
            for (Runnable listener : newPricesListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.warn("Risk monitor: a listener of new prices failed: {}", FailureMessages.rootCause(e), e);
                }
            }
        }
        return true;
    }

    private void evaluate(String portfolioId) {
        Optional<RiskFacts> found = facts.ofStored(portfolioId, List.of());
        if (found.isEmpty()) {
            return; // removed since it was listed
        }
        RiskFacts portfolioFacts = found.get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        portfolioFacts.portfolio().ifPresent(risk -> navs.record(portfolioId, now, BigDecimal.valueOf(risk.netAssetValue())));
        RiskEvaluation evaluation = rules.apply(portfolioFacts);
        Set<DecisionKey> before = evaluations.latestOf(portfolioId, EvaluationTrigger.MONITOR)
                .map(previous -> previous.decisions().stream().map(DecisionKey::of).collect(Collectors.toSet()))
                .orElse(Set.of());
        evaluations.insert(new StoredRiskEvaluation(UUID.randomUUID().toString(), portfolioId, now, evaluation.rulesVersion(),
                EvaluationTrigger.MONITOR, REQUESTED_BY, evaluation.decisions()));
        Set<DecisionKey> owed = owedAlerts.getOrDefault(portfolioId, Set.of());
        Set<DecisionKey> stillOwed = new LinkedHashSet<>();
        RuntimeException firstFailure = null;
        for (RiskDecision decision : evaluation.decisions()) {
            DecisionKey key = DecisionKey.of(decision);
            if (decision.severity() != Severity.INFO && (!before.contains(key) || owed.contains(key))) {
                try {
                    alerts.publish(alert(portfolioId, evaluation.rulesVersion(), decision, now), Optional.of(portfolioId),
                            Optional.of(evaluation.rulesVersion()));
                } catch (RuntimeException e) {
                    // the other alerts still go out; this one is owed until it is stored
                    stillOwed.add(key);
                    firstFailure = firstFailure == null ? e : firstFailure;
                }
            }
        }
        if (stillOwed.isEmpty()) {
            owedAlerts.remove(portfolioId);
        } else {
            owedAlerts.put(portfolioId, stillOwed);
            // failed, so the portfolio is evaluated again at the next poll, and its owed alerts raised then
            throw new IllegalStateException(stillOwed.size() + " alerts could not be stored; they are raised at the next evaluation",
                    firstFailure);
        }
    }

    /** The alert for a new decision, e.g. title {@code hard stop-loss: EXIT asset:AAA}, source {@code rule:hard stop-loss}. */
    static Alert alert(String portfolioId, String rulesVersion, RiskDecision decision, Instant time) {
        return new Alert(decision.severity(), decision.rule() + ": " + decision.action() + " " + decision.subject(),
                decision.message() + "\nportfolio " + portfolioId + ", rules version " + rulesVersion, time, "rule:" + decision.rule());
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            // the store may be briefly away; the next poll tries again
            LOG.warn("Risk monitor: polling failed: {}", FailureMessages.rootCause(e), e);
        }
    }

    /** Stops polling; a poll in progress finishes first (waits up to 30 seconds). Calling it again does nothing. */
    @Override
    public void close() {
        poller.shutdown();
        try {
            if (!poller.awaitTermination(30, TimeUnit.SECONDS)) {
                poller.shutdownNow();
            }
        } catch (InterruptedException e) {
            poller.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** What makes a decision "the same" across evaluations: a standing breach keeps its rule, subject and action. */
    private record DecisionKey(String rule, RiskSubject subject, RiskAction action) {
        static DecisionKey of(RiskDecision decision) {
            return new DecisionKey(decision.rule(), decision.subject(), decision.action());
        }
    }
}
