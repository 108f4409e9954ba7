package io.ballast.platform.rebalance;

import static io.ballast.platform.rebalance.RebalanceDeskTest.tenPercentOfA10ToK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.config.RebalanceTarget;
import io.ballast.platform.config.TriggerSettings;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.rebalance.trigger.TriggerFiring;
import io.ballast.platform.rebalance.trigger.TriggerKind;
import io.ballast.platform.rebalance.trigger.TriggerMeasure;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoredRebalance;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Triggers that propose by themselves, on a real store and the real desk, worked out by hand.
 *
 * <pre>
 * closes, 3 days, flat at 100, volume 1 000 000; A1..A10 and K stored
 * every portfolio: cash 0, 100 of each of A1..A10 at 100: NAV 100 000, each weight 10 000 / 100 000 = 0.10
 * target: A1..A9 0.10, A10 0.09, K 0.01
 *   drift: A10 |0.10 - 0.09| = 0.01; K |0 - 0.01| = 0.01, relative 0.01 / 0.01 = 1; A1..A9 0
 *   trades (as in RebalanceDeskTest): SELL 10 A10 (1 000), BUY 9 K (900)
 * </pre>
 */
class RebalanceTriggerWatchTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static PluginHost plugins;

    @TempDir
    Path dataDirectory;

    Store store;
    final List<StoredRebalance> started = new ArrayList<>();

    @BeforeAll
    static void startPlugins() {
        plugins = PluginHost.start(Path.of("target", "plugins"));
    }

    @AfterAll
    static void stopPlugins() {
        plugins.close();
    }

    @BeforeEach
    void storeTheMarket() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
        RebalanceDeskTest.storeTheMarket(store, NOW);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /**
     * Absolute tolerance 0.005, relative 0.5: A10 0.01 > 0.005; K 0.01 > 0.005 and 1 > 0.5; A10's
     * relative 0.01 / 0.09 = 0.111 is within 0.5.
     */
    @Test
    void driftProposesAsSystemWithTheFiringStored() {
        String drifted = portfolio();
        RebalanceTriggerWatch watch = watch(NOW, override(drifted, new TriggerSettings(null, new TriggerSettings.Drift(0.005, 0.5),
                null, null, null)));

        List<StoredRebalance> proposed = watch.evaluateAll();

        assertThat(proposed).hasSize(1);
        StoredRebalance stored = store.rebalances().find(proposed.getFirst().id()).orElseThrow();
        assertThat(stored.portfolioId()).isEqualTo(drifted);
        assertThat(stored.status()).isEqualTo(RebalanceStatus.PROPOSED);
        assertThat(stored.proposedBy()).isEqualTo("system");
        assertThat(stored.request()).isEqualTo(RebalanceRequest.givenWeights(tenPercentOfA10ToK()));
        assertThat(stored.proposal().trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity)
                .containsExactly(tuple("A10", OrderSide.SELL, new BigDecimal("10")), tuple("K", OrderSide.BUY, new BigDecimal("9")));
        TriggerFiring trigger = stored.trigger().orElseThrow();
        assertThat(trigger.kind()).isEqualTo(TriggerKind.DRIFT);
        assertThat(trigger.firedBy()).isEqualTo("system");
        assertThat(trigger.at()).isEqualTo(NOW);
        assertThat(trigger.measures()).extracting(TriggerMeasure::name, TriggerMeasure::threshold).containsExactly(
                tuple("A10 absolute drift", 0.005), tuple("K absolute drift", 0.005), tuple("K relative drift", 0.5));
        assertThat(trigger.measures().get(0).value()).isCloseTo(0.01, within(1e-12));
        assertThat(trigger.measures().get(1).value()).isCloseTo(0.01, within(1e-12));
        assertThat(trigger.measures().get(2).value()).isCloseTo(1.0, within(1e-12));
        assertThat(trigger.reason()).startsWith("weights off target: A10 absolute drift 0.0100000 > 0.00500000;");
        assertThat(stored.history().getFirst().actor()).isEqualTo("system");
        assertThat(started).extracting(StoredRebalance::id).containsExactly(stored.id());
    }

    @Test
    void noSecondProposalWhileTheFirstIsUnfinished() {
        String drifted = portfolio();
        RebalanceTriggerWatch watch = watch(NOW, override(drifted, new TriggerSettings(null, new TriggerSettings.Drift(0.005, null),
                null, null, null)));
        StoredRebalance first = watch.evaluateAll().getFirst();

        assertThat(watch.evaluateAll()).as("while PROPOSED").isEmpty();
        store.rebalances().transition(first.id(), Optional.of(RebalanceStatus.PROPOSED), RebalanceStatus.PENDING_APPROVAL, "system",
                "needs a person", NOW);
        assertThat(watch.evaluateAll()).as("while PENDING_APPROVAL").isEmpty();
        store.rebalances().transition(first.id(), Optional.of(RebalanceStatus.PENDING_APPROVAL), RebalanceStatus.REJECTED, "bob",
                "not now", NOW);

        // the weights still drift, and the first is over, and so is the default cool-down of a day: a new one
        List<StoredRebalance> second = watch(NOW.plus(1, ChronoUnit.DAYS), override(drifted, new TriggerSettings(null,
                new TriggerSettings.Drift(0.005, null), null, null, null))).evaluateAll();
        assertThat(second).hasSize(1);
        assertThat(second.getFirst().id()).isNotEqualTo(first.id());
        assertThat(started).hasSize(2);
    }

    /**
     * Cool-down PT6H. A drifting portfolio per ending, each ended at NOW - 6 h + 1 µs, so at NOW each is
     * 1 µs short of its cool-down's end: REJECTED, AUTO_REJECTED_AFTER_ESCALATION, BLOCKED and FAILED hold
     * the drift back; EXECUTED does not. One µs later (NOW + 1 µs, exactly 6 h after the endings)
     * the held-back ones propose again.
     */
    @Test
    void aRejectedBlockedOrFailedRebalanceHoldsTheTriggersBackForTheCoolDown() {
        Duration coolDown = Duration.ofHours(6);
        Instant ended = NOW.minus(coolDown).plus(1, ChronoUnit.MICROS);
        TriggerSettings drift = new TriggerSettings(null, new TriggerSettings.Drift(0.005, null), null, null, null, coolDown);
        Map<RebalanceStatus, String> portfolioByEnding = new java.util.LinkedHashMap<>();
        for (RebalanceStatus ending : List.of(RebalanceStatus.REJECTED, RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION,
                RebalanceStatus.BLOCKED, RebalanceStatus.EXECUTED, RebalanceStatus.FAILED)) {
            String id = portfolio();
            endedAt(id, ending, ended);
            portfolioByEnding.put(ending, id);
        }
        BallastConfig.PortfolioOverride[] overrides = portfolioByEnding.values().stream().map(id -> override(id, drift))
                .toArray(BallastConfig.PortfolioOverride[]::new);
        started.clear();

        assertThat(watch(NOW, overrides).evaluateAll()).extracting(StoredRebalance::portfolioId)
                .containsExactly(portfolioByEnding.get(RebalanceStatus.EXECUTED));
        assertThat(watch(NOW.plus(1, ChronoUnit.MICROS), overrides).evaluateAll()).extracting(StoredRebalance::portfolioId)
                .containsExactly(portfolioByEnding.get(RebalanceStatus.REJECTED),
                        portfolioByEnding.get(RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION), portfolioByEnding.get(RebalanceStatus.BLOCKED),
                        portfolioByEnding.get(RebalanceStatus.FAILED));
    }

    /** The default cool-down, a day: rejected 23 h ago, held back; a manual proposal through the desk is not. */
    @Test
    void theCoolDownHoldsBackOnlyTheTriggersNotAManualProposal() {
        String rejected = portfolio();
        endedAt(rejected, RebalanceStatus.REJECTED, NOW.minus(23, ChronoUnit.HOURS));
        RebalanceTriggerWatch watch = watch(NOW, override(rejected, new TriggerSettings(null, new TriggerSettings.Drift(0.005, null),
                null, null, null)));

        assertThat(watch.evaluateAll()).isEmpty();

        StoredRebalance manual = desk(NOW).propose(rejected, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.of("now"),
                Optional.empty(), "alice").orElseThrow().rebalance();
        assertThat(manual.status()).isEqualTo(RebalanceStatus.PROPOSED);
        assertThat(manual.trigger().orElseThrow().kind()).isEqualTo(TriggerKind.MANUAL);
    }

    /** Three price updates within the cool-down: the reason is logged at the first, and not again. */
    @Test
    void whyATriggerWasHeldBackIsLoggedOnce() {
        String rejected = portfolio();
        StoredRebalance ended = endedAt(rejected, RebalanceStatus.REJECTED, NOW.minus(1, ChronoUnit.HOURS));
        RebalanceTriggerWatch watch = watch(NOW, override(rejected, new TriggerSettings(null, new TriggerSettings.Drift(0.005, null),
                null, null, null)));
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(RebalanceTriggerWatch.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new ch.qos.logback.core.read.ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO); // the tests' root logs warnings only
        try {
            for (int update = 0; update < 3; update++) {
                assertThat(watch.evaluateAll()).isEmpty();
            }
        } finally {
            logger.setLevel(level);
            logger.detachAppender(appender);
        }

        // ended an hour before NOW, a day of cool-down: over 23 hours after NOW
        assertThat(appender.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .filteredOn(message -> message.contains("proposes nothing")).singleElement().satisfies(message -> assertThat(message)
                        .startsWith("Portfolio " + rejected + ": the DRIFT trigger fired (weights off target:")
                        .contains("proposes nothing until " + NOW.plus(23, ChronoUnit.HOURS) + ": rebalance " + ended.id() + " ended REJECTED at "
                                + NOW.minus(1, ChronoUnit.HOURS))
                        .endsWith("cool down for PT24H after a rebalance rejected, blocked or failed (triggers.coolDown)"));
    }

    /**
     * Every 30 days. Never rebalanced: due now. Last proposed 10 days ago: due in 20 days, not now.
     * Last proposed 31 days ago: due 1 day ago, after it: fires, 31 days since against 30 scheduled.
     */
    @Test
    void theCalendarProposesWhenDueAndNotBefore() {
        String never = portfolio();
        String tenDaysAgo = portfolio();
        String thirtyOneDaysAgo = portfolio();
        TriggerSettings everyThirtyDays = new TriggerSettings(new TriggerSettings.Calendar(30, null, null), null, null, null, null);
        blockedRebalanceProposedAt(tenDaysAgo, NOW.minus(10, ChronoUnit.DAYS));
        blockedRebalanceProposedAt(thirtyOneDaysAgo, NOW.minus(31, ChronoUnit.DAYS));
        started.clear();

        List<StoredRebalance> proposed = watch(NOW, override(never, everyThirtyDays), override(tenDaysAgo, everyThirtyDays),
                override(thirtyOneDaysAgo, everyThirtyDays)).evaluateAll();

        assertThat(proposed).extracting(StoredRebalance::portfolioId).containsExactly(never, thirtyOneDaysAgo);
        TriggerFiring late = proposed.get(1).trigger().orElseThrow();
        assertThat(late.kind()).isEqualTo(TriggerKind.CALENDAR);
        assertThat(late.measures()).containsExactly(new TriggerMeasure("days since last rebalance", 31.0, 30.0));
        assertThat(proposed.get(0).trigger().orElseThrow().reason()).contains("never rebalanced");
        assertThat(store.rebalances().lastProposedAt(tenDaysAgo)).contains(NOW.minus(10, ChronoUnit.DAYS));
    }

    @Test
    void aPortfolioWithoutTriggersIsNeverProposedFor() {
        String targetOnly = portfolio();
        String notConfigured = portfolio();
        String drifted = portfolio();
        BallastConfig.PortfolioOverride withoutTriggers = new BallastConfig.PortfolioOverride(targetOnly, null, null, null, null,
                new RebalanceTarget(tenPercentOfA10ToK(), "", Map.of()), new TriggerSettings(null, null, null, null, null));
        RebalanceTriggerWatch watch = watch(NOW, withoutTriggers,
                override(drifted, new TriggerSettings(null, new TriggerSettings.Drift(0.005, null), null, null, null)));

        assertThat(watch.evaluateAll()).extracting(StoredRebalance::portfolioId).containsExactly(drifted);
        assertThat(watch.evaluateAll()).isEmpty();
        assertThat(store.rebalances().lastProposedAt(targetOnly)).isEmpty();
        assertThat(store.rebalances().lastProposedAt(notConfigured)).isEmpty();
        assertThat(watch(NOW, withoutTriggers).isWatching()).isFalse();
    }

    /**
     * Target A1..A9 0.10, A10 0.054, CASH 0.046, absolute tolerance 0.005.
     * Near target: cash 5 000, A10 50 (NAV 90 000 + 5 000 + 5 000 = 100 000): A10 |0.05 - 0.054| = 0.004 and the cash
     * |5 000 / 100 000 - 0.046| = 0.004, within 0.005: no firing (counting the cash as 0 would see 0.046 and propose).
     * Fully invested: cash 0, A10 100: A10 |0.10 - 0.054| = 0.046 and CASH |0 - 0.046| = 0.046 drift;
     * SELL (10 000 - 5 400) / 100 = 46 A10.
     */
    @Test
    void aCashTargetDriftsOnlyWhenTheCashIsOffIt() {
        String nearTarget = TenHoldingsPortfolio.store(store, "near target", new BigDecimal("5000"), "50", NOW.minus(40, ChronoUnit.DAYS));
        String invested = portfolio();
        Map<String, Double> partlyInCash = new TreeMap<>(tenPercentOfA10ToK());
        partlyInCash.remove("K");
        partlyInCash.put("A10", 0.054);
        partlyInCash.put("CASH", 0.046);
        TriggerSettings drift = new TriggerSettings(null, new TriggerSettings.Drift(0.005, null), null, null, null);
        RebalanceTarget target = new RebalanceTarget(partlyInCash, "", Map.of());

        List<StoredRebalance> proposed = watch(NOW,
                new BallastConfig.PortfolioOverride(nearTarget, null, null, null, null, target, drift),
                new BallastConfig.PortfolioOverride(invested, null, null, null, null, target, drift)).evaluateAll();

        assertThat(proposed).extracting(StoredRebalance::portfolioId).containsExactly(invested);
        StoredRebalance stored = store.rebalances().find(proposed.getFirst().id()).orElseThrow();
        TriggerFiring trigger = stored.trigger().orElseThrow();
        assertThat(trigger.measures()).extracting(TriggerMeasure::name).containsExactly("A10 absolute drift", "CASH absolute drift");
        assertThat(trigger.measures().get(0).value()).isCloseTo(0.046, within(1e-12));
        assertThat(trigger.measures().get(1).value()).isCloseTo(0.046, within(1e-12));
        assertThat(stored.proposal().trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity)
                .containsExactly(tuple("A10", OrderSide.SELL, new BigDecimal("46")));
    }

    /** A target naming an unknown asset, and a portfolio not stored, come first; the drifted one after them is still proposed for. */
    @Test
    void onePortfolioFailingDoesNotStopTheOthers() {
        String unknownAsset = portfolio();
        String drifted = portfolio();
        TriggerSettings drift = new TriggerSettings(null, new TriggerSettings.Drift(0.005, null), null, null, null);
        BallastConfig.PortfolioOverride badTarget = new BallastConfig.PortfolioOverride(unknownAsset, null, null, null, null,
                new RebalanceTarget(Map.of("ZZZ", 1.0), "", Map.of()), drift);

        List<StoredRebalance> proposed = watch(NOW, badTarget, override(UUID.randomUUID().toString(), drift),
                override(drifted, drift)).evaluateAll();

        assertThat(proposed).extracting(StoredRebalance::portfolioId).containsExactly(drifted);
    }

    /**
     * A portfolio of 100 V only (weight 1), V closing 100, 100, 100, 100, 110, 99: daily returns 0, 0, 0, 0.1, -0.1.
     * Volatility over the last 2: sqrt((0.1² + 0.1²) / 1) = 0.141421; over the last 5 (mean 0):
     * sqrt(0.02 / 4) = 0.0707107; ratio 2 > 1.5: fires. Recorded first, though the drawdown fires too.
     */
    @Test
    void theVolatilitySpikeSeesThePortfolioReturnsFromTheStoredCloses() {
        String volatile_ = portfolioOfV();
        store.portfolioNavs().record(volatile_, NOW.minus(1, ChronoUnit.DAYS), new BigDecimal("11000"));
        store.portfolioNavs().record(volatile_, NOW, new BigDecimal("9900"));
        TriggerSettings triggers = new TriggerSettings(null, null, new TriggerSettings.VolatilitySpike(2, 5, 1.5),
                new TriggerSettings.Drawdown(0.1), null);

        StoredRebalance proposed = watch(NOW, new BallastConfig.PortfolioOverride(volatile_, null, null, null, null,
                new RebalanceTarget(Map.of("V", 0.5, "K", 0.5), "", Map.of()), triggers)).evaluateAll().getFirst();

        TriggerFiring trigger = proposed.trigger().orElseThrow();
        assertThat(trigger.kind()).isEqualTo(TriggerKind.VOLATILITY_SPIKE);
        assertThat(trigger.measures().getFirst().value()).isCloseTo(2.0, within(1e-9));
    }

    /**
     * NAVs recorded 12 500 then 10 000: drawdown (12 500 - 10 000) / 12 500 = 0.2, at the level 0.2:
     * fires. The volatility spike needs 5 returns and 3 closes give 2: it cannot be evaluated, and
     * the drawdown still is.
     */
    @Test
    void aTriggerThatCannotBeEvaluatedLeavesTheOthersToFire() {
        String fallen = portfolio();
        store.portfolioNavs().record(fallen, NOW.minus(2, ChronoUnit.DAYS), new BigDecimal("12500"));
        store.portfolioNavs().record(fallen, NOW.minus(1, ChronoUnit.DAYS), new BigDecimal("10000"));
        TriggerSettings triggers = new TriggerSettings(null, null, new TriggerSettings.VolatilitySpike(2, 5, 1.5),
                new TriggerSettings.Drawdown(0.2), null);

        List<StoredRebalance> proposed = watch(NOW, override(fallen, triggers)).evaluateAll();

        assertThat(proposed).hasSize(1);
        assertThat(proposed.getFirst().trigger().orElseThrow().measures())
                .containsExactly(new TriggerMeasure("drawdown from peak", 0.2, 0.2));
    }

    /** A manual rebalance of the portfolio proposed an hour before {@code at}, and moved to {@code ending} at {@code at}. */
    private StoredRebalance endedAt(String portfolioId, RebalanceStatus ending, Instant at) {
        StoredRebalance old = desk(at.minus(1, ChronoUnit.HOURS)).propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()),
                Optional.empty(), Optional.empty(), "alice").orElseThrow().rebalance();
        List<RebalanceStatus> path = switch (ending) {
            case REJECTED -> List.of(RebalanceStatus.PENDING_APPROVAL, RebalanceStatus.REJECTED);
            case AUTO_REJECTED_AFTER_ESCALATION -> List.of(RebalanceStatus.PENDING_APPROVAL, RebalanceStatus.ESCALATED,
                    RebalanceStatus.AUTO_REJECTED_AFTER_ESCALATION);
            case EXECUTED -> List.of(RebalanceStatus.AUTO_APPROVED, RebalanceStatus.EXECUTED);
            default -> List.of(ending);
        };
        for (RebalanceStatus status : path) {
            store.rebalances().transition(old.id(), Optional.empty(), status, "system", "on its way", at);
        }
        return store.rebalances().find(old.id()).orElseThrow();
    }

    private void blockedRebalanceProposedAt(String portfolioId, Instant at) {
        StoredRebalance old = desk(at).propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(),
                Optional.empty(), "alice").orElseThrow().rebalance();
        store.rebalances().transition(old.id(), Optional.of(RebalanceStatus.PROPOSED), RebalanceStatus.BLOCKED, "system", "blocked", at);
    }

    private RebalanceTriggerWatch watch(Instant now, BallastConfig.PortfolioOverride... portfolios) {
        return new RebalanceTriggerWatch(desk(now, portfolios), store.rebalances(), store.portfolioNavs(), store.priceBars(),
                config(portfolios), Clock.fixed(now, ZoneOffset.UTC));
    }

    private RebalanceDesk desk(Instant now, BallastConfig.PortfolioOverride... portfolios) {
        return new RebalanceDesk(store.portfolios(), store.instruments(), store.priceBars(), store.rebalances(),
                new PortfolioConstruction(plugins::optimizer, () -> plugins.optimizers().stream().map(Optimizer::id).toList()),
                config(portfolios), (rebalance, approval) -> started.add(rebalance), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static BallastConfig.Rebalance config(BallastConfig.PortfolioOverride... portfolios) {
        BallastConfig.Rebalance defaults = BallastConfig.Rebalance.defaults();
        return new BallastConfig.Rebalance(defaults.approvalWindow(), defaults.escalationWindow(), defaults.reminderAfter(),
                defaults.autoApproveNotionalLimit(), "paper", Map.of(), defaults.proposal(), List.of(portfolios));
    }

    private static BallastConfig.PortfolioOverride override(String portfolioId, TriggerSettings triggers) {
        return new BallastConfig.PortfolioOverride(portfolioId, null, null, null, null,
                new RebalanceTarget(tenPercentOfA10ToK(), "", Map.of()), triggers);
    }

    private String portfolioOfV() {
        store.instruments().saveAll(List.of(new Instrument("V", "V", AssetClass.EQUITY, "SV", "USD")));
        List<PriceBar> bars = new ArrayList<>();
        String[] closes = {"100", "100", "100", "100", "110", "99"};
        for (int i = 0; i < closes.length; i++) {
            BigDecimal close = new BigDecimal(closes[i]);
            bars.add(new PriceBar("V", NOW.truncatedTo(ChronoUnit.DAYS).minus(closes.length - i, ChronoUnit.DAYS), close, close, close,
                    close, new BigDecimal("1000000")));
        }
        store.priceBars().saveAll(bars);
        String id = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(id, "v", "USD", BigDecimal.ZERO, List.of(new Position("V", new BigDecimal("100"),
                new BigDecimal("100"))), NOW.minus(40, ChronoUnit.DAYS), "pm"));
        return id;
    }

    private String portfolio() {
        return TenHoldingsPortfolio.store(store, "p", NOW.minus(40, ChronoUnit.DAYS));
    }
}
