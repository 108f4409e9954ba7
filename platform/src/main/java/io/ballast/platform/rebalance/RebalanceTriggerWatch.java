package io.ballast.platform.rebalance;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.config.RebalanceTarget;
import io.ballast.platform.config.TriggerSettings;
import io.ballast.platform.problem.FailureMessages;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.risk.HeldAssetReturns;
import io.ballast.platform.rebalance.trigger.CalendarSchedule;
import io.ballast.platform.rebalance.trigger.CalendarTrigger;
import io.ballast.platform.rebalance.trigger.CorrelationSpikeTrigger;
import io.ballast.platform.rebalance.trigger.DrawdownTrigger;
import io.ballast.platform.rebalance.trigger.DriftTrigger;
import io.ballast.platform.rebalance.trigger.Trigger;
import io.ballast.platform.rebalance.trigger.TriggerFiring;
import io.ballast.platform.rebalance.trigger.TriggerInputs;
import io.ballast.platform.rebalance.trigger.Triggers;
import io.ballast.platform.rebalance.trigger.VolatilitySpikeTrigger;
import io.ballast.platform.store.InsertedRebalance;
import io.ballast.platform.store.LatestRebalance;
import io.ballast.platform.store.PortfolioNavRepository;
import io.ballast.platform.store.PriceBarRepository;
import io.ballast.platform.store.RebalanceRepository;
import io.ballast.platform.store.StoredRebalance;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The triggers that propose by themselves: whenever new prices arrive, evaluates the configured
 * triggers of every portfolio that has some ({@code rebalance.portfolios[].triggers}), and when one
 * fires and the portfolio has no unfinished rebalance, proposes through the {@link RebalanceDesk}
 * as {@value TriggerFiring#SYSTEM}, aiming at the portfolio's configured target, with the firing
 * recorded as the rebalance's trigger.
 *
 * <p>What the triggers see, all from the store: the weights at the last closes against the target
 * (an optimizer target is the optimizer's answer now); the NAV and peak NAV the risk monitor
 * recorded in {@code portfolio_nav} (so it runs after the monitor's evaluation of the same prices);
 * the daily simple returns of the held assets' stored closes, and the portfolio's return with
 * today's weights over the periods where every held asset has one; and, for the calendar, when the
 * portfolio's latest rebalance was proposed, whatever became of it (a rejected calendar rebalance
 * waits for the next due date rather than coming back at every new bar).
 *
 * <p>A trigger that fires within the portfolio's cool-down ({@code triggers.coolDown}) after its
 * latest rebalance ended REJECTED, AUTO_REJECTED_AFTER_ESCALATION, BLOCKED or FAILED proposes nothing:
 * the market rarely changes enough between two price updates for the people or the rules to decide
 * otherwise, nor a venue that failed to recover, and a firing trigger would propose the same trades
 * at every one. Why it was held back
 * is logged once per rejected rebalance, not at every price update. A proposal through the API
 * does not come here and is never held back.
 *
 * <p>Only the inputs the configured triggers need are read. A trigger that cannot be evaluated
 * (too few stored returns, no NAV recorded yet) is logged and the others still are; a portfolio
 * that fails is logged and the others go on. When several fire at once, the first in the order
 * calendar, drift, volatility spike, drawdown, correlation spike is recorded; the others are logged.
 */
public final class RebalanceTriggerWatch {

    private static final Logger LOG = LoggerFactory.getLogger(RebalanceTriggerWatch.class);

    private final RebalanceDesk desk;
    private final RebalanceRepository rebalances;
    private final PortfolioNavRepository navs;
    private final PriceBarRepository priceBars;
    private final List<BallastConfig.PortfolioOverride> watched;
    private final Map<String, Triggers> triggersByPortfolio = new LinkedHashMap<>();
    /** The ended rebalances whose cool-down was logged as holding a trigger back: each is logged once. */
    private final Set<String> coolDownsLogged = new HashSet<>();
    private final Clock clock;

    public RebalanceTriggerWatch(RebalanceDesk desk, RebalanceRepository rebalances, PortfolioNavRepository navs, PriceBarRepository priceBars, BallastConfig.Rebalance config, Clock clock) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.rebalances = Objects.requireNonNull(rebalances, "rebalances");
        this.navs = Objects.requireNonNull(navs, "navs");
        this.priceBars = Objects.requireNonNull(priceBars, "priceBars");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.watched = config.portfolios().stream().filter(BallastConfig.PortfolioOverride::hasTriggers).toList();
        for (BallastConfig.PortfolioOverride portfolio : watched) {
            triggersByPortfolio.put(portfolio.portfolioId(), triggers(portfolio.triggers()));
        }
    }

    /** Whether any portfolio has a trigger configured: without one there is nothing to watch. */
    public boolean isWatching() {
        return !watched.isEmpty();
    }

    /**
     * Evaluates the triggers of every watched portfolio once, proposing where one fires.
     *
     * @return the rebalances proposed, in the configured order of their portfolios
     */
    public synchronized List<StoredRebalance> evaluateAll() {
        List<StoredRebalance> proposed = new ArrayList<>();
        for (BallastConfig.PortfolioOverride portfolio : watched) {
            try {
                evaluate(portfolio).ifPresent(proposed::add);
            } catch (RuntimeException e) {
                LOG.warn("Rebalance triggers of portfolio {} failed, the others go on: {}", portfolio.portfolioId(),
                        FailureMessages.rootCause(e));
                LOG.debug("Rebalance triggers of portfolio {} failed", portfolio.portfolioId(), e);
            }
        }
        return proposed;
    }

    private Optional<StoredRebalance> evaluate(BallastConfig.PortfolioOverride portfolio) {
        String id = portfolio.portfolioId();
        if (rebalances.hasUnfinished(id)) {
            LOG.debug("Portfolio {} has an unfinished rebalance: its triggers wait for it to end", id);
            return Optional.empty();
        }
        RebalanceRequest request = request(portfolio.target());
        Inputs inputs = new Inputs(id, request, clock.instant().truncatedTo(ChronoUnit.MICROS));
        List<TriggerFiring> fired = new ArrayList<>();
        for (Trigger trigger : triggersByPortfolio.get(id).configured()) {
            try {
                trigger.evaluate(inputs.of(trigger)).ifPresent(fired::add);
            } catch (InvalidInputException e) {
                LOG.warn("Portfolio {}: the {} trigger cannot be evaluated, the others are: {}", id, trigger.kind(), e.getMessage());
            } catch (PortfolioGone gone) {
                LOG.warn("Portfolio {} has rebalance triggers configured but is not stored", id);
                return Optional.empty();
            }
        }
        if (fired.isEmpty()) {
            return Optional.empty();
        }
        TriggerFiring firing = fired.getFirst();
        if (coolingDown(id, portfolio.triggers().coolDown(), firing, inputs.latest(), inputs.at)) {
            return Optional.empty();
        }
        for (TriggerFiring other : fired.subList(1, fired.size())) {
            LOG.info("Portfolio {}: the {} trigger fired too: {}", id, other.kind(), other.reason());
        }
        Optional<InsertedRebalance> inserted;
        try {
            inserted = desk.proposeTriggered(id, request, firing);
        } catch (InvalidInputException e) {
            LOG.info("Portfolio {}: the {} trigger fired ({}) but no rebalance was proposed: {}", id, firing.kind(), firing.reason(),
                    e.getMessage());
            return Optional.empty();
        }
        inserted.ifPresent(done -> LOG.info("Portfolio {}: the {} trigger proposed rebalance {}: {}", id, firing.kind(),
                done.rebalance().id(), firing.reason()));
        return inserted.map(InsertedRebalance::rebalance);
    }

    /**
     * Whether the portfolio's latest rebalance ended rejected, blocked or failed less than {@code coolDown}
     * before {@code now} (at {@code ended + coolDown} it is over); logs why, once per such rebalance.
     */
    private boolean coolingDown(String portfolioId, Duration coolDown, TriggerFiring firing, Optional<LatestRebalance> latest,
                                Instant now) {
        if (coolDown.isZero()) {
            return false;
        }
        if (latest.isEmpty() || !endsCoolDown(latest.get().status())) {
            return false;
        }
        Instant over = latest.get().statusSince().plus(coolDown);
        if (!now.isBefore(over)) {
            return false;
        }
        if (coolDownsLogged.add(latest.get().id())) {
            LOG.info("Portfolio {}: the {} trigger fired ({}) but proposes nothing until {}: rebalance {} ended {} at {}, and the"
                            + " triggers cool down for {} after a rebalance rejected, blocked or failed (triggers.coolDown)", portfolioId, firing.kind(),
                    firing.reason(), over, latest.get().id(), latest.get().status(), latest.get().statusSince(), coolDown);
        }
        return true;
    }

    /** The endings after which the triggers cool down: the people or the rules said no, or the execution failed. */
    static boolean endsCoolDown(RebalanceStatus status) {
        return status == RebalanceStatus.REJECTED || status == RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION
                || status == RebalanceStatus.BLOCKED || status == RebalanceStatus.FAILED;
    }

    /** The configured target as what the desk proposes from. */
    static RebalanceRequest request(RebalanceTarget target) {
        return target.optimizer().isBlank() ? RebalanceRequest.givenWeights(target.targetWeights())
                : RebalanceRequest.optimizer(target.optimizer(), target.parameters());
    }

    /** The configured settings as trigger objects, in the order calendar, drift, volatility spike, drawdown, correlation spike. */
    static Triggers triggers(TriggerSettings settings) {
        List<Trigger> triggers = new ArrayList<>();
        if (settings.calendar() != null) {
            TriggerSettings.Calendar calendar = settings.calendar();
            triggers.add(new CalendarTrigger(calendar.everyDays() != null ? new CalendarSchedule.EveryDays(calendar.everyDays())
                    : new CalendarSchedule.MonthlyOnDay(calendar.dayOfMonth(), calendar.zone())));
        }
        if (settings.drift() != null) {
            // a tolerance left out is never breached
            triggers.add(new DriftTrigger(orInfinity(settings.drift().absoluteToleranceFraction()),
                    orInfinity(settings.drift().relativeToleranceFraction())));
        }
        if (settings.volatilitySpike() != null) {
            TriggerSettings.VolatilitySpike spike = settings.volatilitySpike();
            triggers.add(new VolatilitySpikeTrigger(spike.shortWindow(), spike.longWindow(), spike.ratioThreshold()));
        }
        if (settings.drawdown() != null) {
            triggers.add(new DrawdownTrigger(settings.drawdown().levelFraction()));
        }
        if (settings.correlationSpike() != null) {
            TriggerSettings.CorrelationSpike spike = settings.correlationSpike();
            triggers.add(new CorrelationSpikeTrigger(spike.shortWindow(), spike.longWindow(), spike.increaseThreshold()));
        }
        return new Triggers(triggers);
    }

    private static double orInfinity(Double tolerance) {
        return tolerance == null ? Double.POSITIVE_INFINITY : tolerance;
    }

    /** The portfolio was removed (or never stored): no trigger of it can be evaluated. */
    private static final class PortfolioGone extends RuntimeException {
        PortfolioGone() {
            super(null, null, false, false);
        }
    }

    /** One portfolio's inputs at one evaluation, each read from the store the first time a trigger needs it. */
    private final class Inputs {

        private final String portfolioId;
        private final RebalanceRequest request;
        private final Instant at;
        private Map<String, Double> current;
        private Optional<LatestRebalance> latest;
        private ReturnSeries heldReturns;
        private int heldReturnsBars;

        Inputs(String portfolioId, RebalanceRequest request, Instant at) {
            this.portfolioId = portfolioId;
            this.request = request;
            this.at = at;
        }

        TriggerInputs of(Trigger trigger) {
            TriggerInputs inputs = TriggerInputs.at(at);
            return switch (trigger) {
                case CalendarTrigger calendar -> inputs.withLastRebalanceAt(latest().map(LatestRebalance::proposedAt).orElse(null));
                case DriftTrigger drift -> inputs.withWeights(current(),
                        desk.targetWeights(portfolioId, request).orElseThrow(PortfolioGone::new));
                case VolatilitySpikeTrigger spike -> inputs.withPortfolioReturns(portfolioReturns(spike.longWindow()));
                case DrawdownTrigger drawdown -> inputs.withNetAssetValue(
                        navs.peak(portfolioId).map(BigDecimal::doubleValue).orElse(Double.NaN),
                        navs.latest(portfolioId).map(BigDecimal::doubleValue).orElse(Double.NaN));
                case CorrelationSpikeTrigger spike -> inputs.withAssetReturns(heldReturns(spike.longWindow()));
            };
        }

        /** The portfolio's latest rebalance, read once: the calendar counts from it, the cool-down from its ending. */
        private Optional<LatestRebalance> latest() {
            if (latest == null) {
                latest = rebalances.latest(portfolioId);
            }
            return latest;
        }

        private Map<String, Double> current() {
            if (current == null) {
                current = desk.currentWeights(portfolioId).orElseThrow(PortfolioGone::new);
            }
            return current;
        }

        /** The portfolio's daily return with today's weights, over the periods where every held asset has one. */
        private double[] portfolioReturns(int periods) {
            ReturnSeries returns = heldReturns(periods);
            double[] weights = returns.assets().stream().mapToDouble(asset -> current().get(asset)).toArray();
            return HeldAssetReturns.of(returns.assets(), returns.returns(), weights).portfolioReturns();
        }

        /** The daily simple returns of the held assets over their last {@code periods} + 1 stored closes (or more, when read already). */
        private ReturnSeries heldReturns(int periods) {
            if (heldReturns == null || heldReturnsBars < periods + 1) {
                List<String> held = current().entrySet().stream().filter(weight -> weight.getValue() != 0).map(Map.Entry::getKey).toList();
                Map<String, List<PriceBar>> barsByAsset = priceBars.recentBars(held, periods + 1);
                if (barsByAsset.isEmpty()) {
                    throw new InvalidInputException("positions", "the portfolio holds nothing, so it has no returns");
                }
                heldReturns = ReturnSeries.simple(PriceHistory.ofBars(barsByAsset));
                heldReturnsBars = periods + 1;
            }
            return heldReturns;
        }
    }
}
