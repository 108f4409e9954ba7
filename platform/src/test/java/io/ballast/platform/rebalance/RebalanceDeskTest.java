package io.ballast.platform.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.problem.ConflictException;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.rebalance.trigger.TriggerKind;
import io.ballast.platform.store.InsertedRebalance;
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
 * Proposals from a stored portfolio and stored bars, worked out by hand.
 *
 * <pre>
 * closes, 3 days, flat at 100, volume 1 000 000 (daily volatility 0: no market impact)
 * portfolio: cash 0, 100 of each of A1..A10: NAV 100 000; K stored but not held
 * fee 1 bp + half spread 5 bp = 6 bp of notional
 * </pre>
 */
class RebalanceDeskTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    static PluginHost plugins;

    @TempDir
    Path dataDirectory;

    Store store;
    String portfolioId;
    final List<StoredRebalance> started = new ArrayList<>();
    final List<BallastConfig.PortfolioApproval> approvals = new ArrayList<>();

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
        storeTheMarket(store, NOW);
        portfolioId = portfolio(BigDecimal.ZERO, "100");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /**
     * A10 to 9%, K to 1%: SELL 10 A10 (1 000, cost 0.60); BUY 10 K needs 1 000.60 of the 999.40 the sell
     * brings: scaled by 0.9988 to 9.988, down to 9: BUY 9 K (900, cost 0.54). Total cost 1.14.
     */
    @Test
    void givenWeightsAreStoredAsProposedWithTheManualTriggerAndTheApprovalStartsOnce() {
        Optional<InsertedRebalance> inserted = desk((rebalance, approval) -> {
            started.add(rebalance);
            approvals.add(approval);
        }).propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.of("quarterly"), Optional.of("k-1"), "alice");

        StoredRebalance stored = inserted.orElseThrow().rebalance();
        assertThat(inserted.get().created()).isTrue();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.PROPOSED);
        assertThat(stored.proposal().trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity,
                RebalanceTrade::notional).containsExactly(
                tuple("A10", OrderSide.SELL, new BigDecimal("10"), new BigDecimal("1000.00")),
                tuple("K", OrderSide.BUY, new BigDecimal("9"), new BigDecimal("900.00")));
        assertThat(stored.proposal().totalEstimatedCost()).isEqualByComparingTo("1.14");
        assertThat(stored.trigger()).get().satisfies(trigger -> {
            assertThat(trigger.kind()).isEqualTo(TriggerKind.MANUAL);
            assertThat(trigger.reason()).isEqualTo("asked for by alice: quarterly");
        });
        // the per-portfolio override: 1 h to approve, the rest from the section
        assertThat(stored.approvalWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(stored.escalationWindow()).isEqualTo(Duration.ofHours(2));
        assertThat(started).extracting(StoredRebalance::id).containsExactly(stored.id());
        assertThat(approvals).containsExactly(new BallastConfig.PortfolioApproval(Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofMinutes(30), new BigDecimal("50000")));

        Optional<InsertedRebalance> again = desk((rebalance, approval) -> started.add(rebalance))
                .propose(portfolioId, RebalanceRequest.givenWeights(Map.of("A1", 1.0)), Optional.empty(), Optional.of("k-1"), "alice");
        assertThat(again.orElseThrow().created()).isFalse();
        assertThat(again.get().rebalance().id()).isEqualTo(stored.id());
        assertThat(started).hasSize(1);
    }

    /** Equal weight over the held A1..A10: A10 held 50 with 5 000 cash: BUY 50 needs 5 003, scaled 5 000 / 5 003 to 49.97: BUY 49. */
    @Test
    void anOptimizerChoosesTheTargetsFromTheStoredCloses() {
        String halfA10 = portfolio(new BigDecimal("5000"), "50");

        StoredRebalance stored = desk((rebalance, approval) -> started.add(rebalance))
                .propose(halfA10, RebalanceRequest.optimizer("equal-weight", Map.of()), Optional.empty(), Optional.empty(), "alice")
                .orElseThrow().rebalance();

        assertThat(stored.proposal().trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity)
                .containsExactly(tuple("A10", OrderSide.BUY, new BigDecimal("49")));
        assertThat(stored.request().optimizer()).isEqualTo("equal-weight");
        assertThat(stored.trigger().orElseThrow().reason()).isEqualTo("asked for by alice: " + RebalanceDesk.DEFAULT_REASON);
    }

    @Test
    void anUnknownAssetIsNamedAndNothingIsStored() {
        Map<String, Double> targets = new TreeMap<>(tenPercentOfA10ToK());
        targets.remove("K");
        targets.put("ZZZ", 0.01);

        assertThatThrownBy(() -> desk((rebalance, approval) -> started.add(rebalance))
                .propose(portfolioId, RebalanceRequest.givenWeights(targets), Optional.empty(), Optional.empty(), "alice"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("targetWeights.ZZZ"));
        assertThat(store.rebalances().pending()).isEmpty();
        assertThat(started).isEmpty();
    }

    /**
     * A1..A9 0.10, A10 0.05, K 0.04, CASH 0.01 (CASH needs no instrument or price): SELL 50 A10 (5 000, cost 3.00).
     * The cash kept is 0.01 x 100 000 = 1 000, so the buy may spend 5 000 - 3.00 - 1 000 = 3 997: BUY 40 K needs
     * 4 002.40, scaled by 3 997 / 4 002.40 = 0.99865 to 39.95, down to 39: BUY 39 K (3 900, cost 2.34).
     * Total cost 5.34; cash after 5 000 - 3 900 - 5.34 = 1 094.66, above the 1 000 kept.
     */
    @Test
    void aCashTargetIsNoInstrumentAndItsShareOfTheNavIsNotSpent() {
        Map<String, Double> targets = new TreeMap<>(tenPercentOfA10ToK());
        targets.put("A10", 0.05);
        targets.put("K", 0.04);
        targets.put("CASH", 0.01);

        StoredRebalance stored = desk((rebalance, approval) -> started.add(rebalance))
                .propose(portfolioId, RebalanceRequest.givenWeights(targets), Optional.empty(), Optional.empty(), "alice")
                .orElseThrow().rebalance();

        assertThat(stored.proposal().trades()).extracting(RebalanceTrade::asset, RebalanceTrade::side, RebalanceTrade::quantity,
                RebalanceTrade::notional).containsExactly(
                tuple("A10", OrderSide.SELL, new BigDecimal("50"), new BigDecimal("5000.00")),
                tuple("K", OrderSide.BUY, new BigDecimal("39"), new BigDecimal("3900.00")));
        assertThat(stored.proposal().totalEstimatedCost()).isEqualByComparingTo("5.34");
        assertThat(stored.proposal().cashAfter()).isEqualByComparingTo("1094.66");
        assertThat(stored.request().targetWeights()).containsEntry("CASH", 0.01);
    }

    /** An unknown asset beside CASH is still named; CASH counts in the sum: A1 0.5, A2 0.25 and CASH 0.5 add up to 1.25. */
    @Test
    void withACashTargetAnUnknownAssetIsStillNamedAndTheSumCountsTheCash() {
        Map<String, Double> targets = new TreeMap<>(tenPercentOfA10ToK());
        targets.remove("K");
        targets.put("ZZZ", 0.005);
        targets.put("CASH", 0.005);

        assertThatThrownBy(() -> desk((rebalance, approval) -> started.add(rebalance))
                .propose(portfolioId, RebalanceRequest.givenWeights(targets), Optional.empty(), Optional.empty(), "alice"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("targetWeights.ZZZ");
                    assertThat(e.problem()).isEqualTo("no instrument ZZZ is stored");
                });
        Map<String, Double> tooMuch = Map.of("A1", 0.5, "A2", 0.25, "CASH", 0.5);
        assertThatThrownBy(() -> desk((rebalance, approval) -> started.add(rebalance))
                .propose(portfolioId, RebalanceRequest.givenWeights(tooMuch), Optional.empty(), Optional.empty(), "alice"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("targetWeights");
                    assertThat(e.problem()).isEqualTo("target weights sum to 1.25, not 1");
                });
        assertThat(store.rebalances().pending()).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void targetsTheHoldingsAlreadyMeetLeaveNothingToTradeAndStoreNothing() {
        Map<String, Double> same = new TreeMap<>();
        for (int i = 1; i <= 10; i++) {
            same.put("A" + i, 0.1);
        }

        assertThatThrownBy(() -> desk((rebalance, approval) -> started.add(rebalance))
                .propose(portfolioId, RebalanceRequest.givenWeights(same), Optional.empty(), Optional.of("k-2"), "alice"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).contains("targetWeights")
                        .contains("nothing to trade"));
        assertThat(store.rebalances().findByIdempotencyKey("alice", "k-2")).isEmpty();
    }

    @Test
    void anUnknownPortfolioIsEmpty() {
        assertThat(desk((rebalance, approval) -> started.add(rebalance)).propose(UUID.randomUUID().toString(),
                RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(), Optional.empty(), "alice")).isEmpty();
        assertThat(started).isEmpty();
    }

    @Test
    void aPortfolioHasOneRebalanceAtATimeUntilItEnds() {
        RebalanceDesk desk = desk((rebalance, approval) -> started.add(rebalance));
        StoredRebalance first = desk.propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(),
                Optional.of("k-1"), "alice").orElseThrow().rebalance();

        assertThatThrownBy(() -> desk.propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(),
                Optional.of("k-2"), "bob"))
                .isInstanceOf(ConflictException.class)
                .hasMessage("Portfolio " + portfolioId + " has rebalance " + first.id() + " still PROPOSED; a portfolio has one"
                        + " rebalance at a time, propose again once it has ended");
        assertThat(store.rebalances().findByIdempotencyKey("bob", "k-2")).isEmpty();
        // the same key again is the same proposal, not a second one
        assertThat(desk.propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(), Optional.of("k-1"),
                "alice").orElseThrow().rebalance().id()).isEqualTo(first.id());

        store.rebalances().transition(first.id(), Optional.empty(), RebalanceStatus.BLOCKED, "risk-rules", "blocked",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        StoredRebalance second = desk.propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(),
                Optional.of("k-2"), "bob").orElseThrow().rebalance();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(started).extracting(StoredRebalance::id).containsExactly(first.id(), second.id());
    }

    @Test
    void theSameKeyOnAnotherPortfolioIsRefusedNamingTheKey() {
        RebalanceDesk desk = desk((rebalance, approval) -> started.add(rebalance));
        String first = desk.propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(), Optional.of("k-1"),
                "alice").orElseThrow().rebalance().id();
        String other = portfolio(new BigDecimal("5000"), "50");

        assertThatThrownBy(() -> desk.propose(other, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(),
                Optional.of("k-1"), "alice"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("Idempotency-Key");
                    assertThat(e.problem()).isEqualTo("'k-1' was already used for rebalance " + first + " of portfolio " + portfolioId
                            + "; use a new key for a rebalance of portfolio " + other);
                });
        assertThat(started).extracting(StoredRebalance::id).containsExactly(first);
    }

    @Test
    void aProcessThatCannotStartLeavesTheRebalanceFailedWithTheReason() {
        StoredRebalance stored = desk((rebalance, approval) -> {
            throw new IllegalStateException("engine unreachable");
        }).propose(portfolioId, RebalanceRequest.givenWeights(tenPercentOfA10ToK()), Optional.empty(), Optional.empty(), "alice")
                .orElseThrow().rebalance();

        assertThat(stored.status()).isEqualTo(RebalanceStatus.FAILED);
        assertThat(stored.history().getLast().reason()).isEqualTo("the approval process could not start: engine unreachable");
    }

    private RebalanceDesk desk(RebalanceDesk.ApprovalProcessStarter starter) {
        BallastConfig.Rebalance defaults = BallastConfig.Rebalance.defaults();
        BallastConfig.Rebalance config = new BallastConfig.Rebalance(defaults.approvalWindow(), defaults.escalationWindow(),
                defaults.reminderAfter(), defaults.autoApproveNotionalLimit(), "paper", Map.of(), defaults.proposal(),
                List.of(new BallastConfig.PortfolioOverride(portfolioId, Duration.ofHours(1), null, Duration.ofMinutes(30), null)));
        return new RebalanceDesk(store.portfolios(), store.instruments(), store.priceBars(), store.rebalances(),
                new PortfolioConstruction(plugins::optimizer, () -> plugins.optimizers().stream().map(Optimizer::id).toList()), config,
                starter, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * Crypto C and D trade every day, equity E on weekdays; Thursday 2025-03-06 to Tuesday 2025-03-11.
     * <pre>
     * closes       Thu    Fri   Sat   Sun     Mon    Tue
     *   C          100    110   99    108.9   98.01  98.01   returns Fri..Tue  0.1 -0.1  0.1 -0.1 0
     *   D          100    90    99    89.1    98.01  98.01   returns Fri..Tue -0.1  0.1 -0.1  0.1 0
     *   E          100    110   -     -       99     99      returns Fri, Mon, Tue 0.1 -0.1 0 (Mon from Fri's close)
     * per period (n - 1), pairs over their common periods (means all 0):
     *   C, D: 0.04 / 4 = 0.01 each; C-D -0.04 / 4 = -0.01
     *   E: 0.02 / 2 = 0.01; C-E over Fri, Mon, Tue (0.01 + 0.01 + 0) / 2 = 0.01; D-E -0.01
     * annual, each pair over the days both trade: C, D, C-D x 365; E, C-E, D-E x 252
     *   C  3.65  -3.65   2.52
     *   D -3.65   3.65  -2.52
     *   E  2.52  -2.52   2.52
     * (all x 252, as before, would make C's variance 2.52 and C-D -2.52)
     * </pre>
     */
    @Test
    void theCovarianceAnnualisesCryptoOver365DaysAndEquitiesOver252() {
        Instant thursday = Instant.parse("2025-03-06T21:00:00Z");
        Map<String, List<PriceBar>> barsByAsset = new java.util.LinkedHashMap<>();
        barsByAsset.put("C", bars("C", thursday, "100", "110", "99", "108.9", "98.01", "98.01"));
        barsByAsset.put("D", bars("D", thursday, "100", "90", "99", "89.1", "98.01", "98.01"));
        barsByAsset.put("E", bars("E", thursday, "100", "110", null, null, "99", "99"));
        Map<String, Instrument> instruments = Map.of(
                "C", new Instrument("C", "C", AssetClass.CRYPTO, "Crypto", "USD"),
                "D", new Instrument("D", "D", AssetClass.CRYPTO, "Crypto", "USD"),
                "E", new Instrument("E", "E", AssetClass.EQUITY, "S1", "USD"));

        ProposalMarket market = RebalanceDesk.market(new java.util.LinkedHashSet<>(barsByAsset.keySet()), barsByAsset,
                io.ballast.api.marketdata.PriceHistory.ofBars(barsByAsset), instruments);

        assertThat(market.covarianceAssets()).containsExactly("C", "D", "E");
        double[][] expected = {{3.65, -3.65, 2.52}, {-3.65, 3.65, -2.52}, {2.52, -2.52, 2.52}};
        double[][] actual = market.annualCovariance().getData();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(actual[i][j]).as("row %d column %d", i, j).isCloseTo(expected[i][j], org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    /** One bar a day from {@code first}, a null close meaning no bar that day; volume 1 000 000. */
    private static List<PriceBar> bars(String asset, Instant first, String... closes) {
        List<PriceBar> bars = new ArrayList<>();
        for (int day = 0; day < closes.length; day++) {
            if (closes[day] != null) {
                BigDecimal close = new BigDecimal(closes[day]);
                bars.add(new PriceBar(asset, first.plus(day, ChronoUnit.DAYS), close, close, close, close, new BigDecimal("1000000")));
            }
        }
        return bars;
    }

    /** A1..A10 and K (sectors S1..S11), closing 100 on each of the 3 days before {@code now}, volume 1 000 000. */
    static void storeTheMarket(Store store, Instant now) {
        List<Instrument> instruments = new ArrayList<>();
        List<PriceBar> bars = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            String asset = i == 11 ? "K" : "A" + i;
            instruments.add(new Instrument(asset, asset, AssetClass.EQUITY, "S" + i, "USD"));
            for (int day = 3; day >= 1; day--) {
                BigDecimal price = new BigDecimal("100");
                bars.add(new PriceBar(asset, now.truncatedTo(ChronoUnit.DAYS).minus(day, ChronoUnit.DAYS), price, price, price, price,
                        new BigDecimal("1000000")));
            }
        }
        store.instruments().saveAll(instruments);
        store.priceBars().saveAll(bars);
    }

    /** A1..A9 0.10, A10 0.09, K 0.01: 1% of the NAV moved from A10 to K. */
    static Map<String, Double> tenPercentOfA10ToK() {
        Map<String, Double> targets = new TreeMap<>();
        for (int i = 1; i <= 9; i++) {
            targets.put("A" + i, 0.10);
        }
        targets.put("A10", 0.09);
        targets.put("K", 0.01);
        return targets;
    }

    private String portfolio(BigDecimal cash, String a10) {
        return TenHoldingsPortfolio.store(store, "p", cash, a10, NOW.minus(5, ChronoUnit.DAYS));
    }
}
