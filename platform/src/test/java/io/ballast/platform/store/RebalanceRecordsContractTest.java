package io.ballast.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.platform.rebalance.ExecutionPrices;
import io.ballast.platform.rebalance.RebalanceProposal;
import io.ballast.platform.rebalance.RebalanceRequest;
import io.ballast.platform.rebalance.RebalanceStatus;
import io.ballast.platform.rebalance.RebalanceTrade;
import io.ballast.platform.rebalance.RebalanceVerdict;
import io.ballast.platform.rebalance.SkipReason;
import io.ballast.platform.rebalance.SkippedTrade;
import io.ballast.platform.rebalance.TradeCost;
import io.ballast.platform.rebalance.trigger.TriggerFiring;
import io.ballast.platform.rebalance.trigger.TriggerKind;
import io.ballast.platform.rebalance.trigger.TriggerMeasure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rebalance records (proposal, status history, fills), asserted alike on H2 and PostgreSQL by the subclasses. */
abstract class RebalanceRecordsContractTest {

    static final Instant T0 = Instant.parse("2025-03-03T10:00:00.123456Z");
    static final Instant T1 = Instant.parse("2025-03-03T10:00:05Z");
    static final Instant T2 = Instant.parse("2025-03-03T14:00:05.000001Z");
    static final Instant T3 = Instant.parse("2025-03-03T15:30:00Z");
    static final Instant T4 = Instant.parse("2025-03-03T15:31:00Z");
    static final Duration APPROVAL = Duration.ofHours(4);
    static final Duration ESCALATION = Duration.parse("PT1H30M");

    Store store;
    String portfolioId;

    abstract Store openFreshStore();

    @BeforeEach
    void openStoreWithAPortfolio() {
        store = openFreshStore();
        store.instruments().saveAll(List.of(StoreContractTest.AAA, StoreContractTest.BBB, StoreContractTest.CCC));
        portfolioId = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(portfolioId, "One", "USD", new BigDecimal("10000"),
                List.of(new Position("AAA", new BigDecimal("10"), new BigDecimal("100")),
                        new Position("BBB", new BigDecimal("-5"), new BigDecimal("200"))),
                T0, "pm"));
    }

    /** One more portfolio like the first: a portfolio has one rebalance under way at a time. */
    String anotherPortfolio() {
        String id = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(id, "Another", "USD", new BigDecimal("10000"),
                List.of(new Position("AAA", new BigDecimal("10"), new BigDecimal("100"))), T0, "pm"));
        return id;
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** Amounts with trailing zeros and 8 decimals, doubles with every digit: the JSON must keep them all. */
    static RebalanceProposal proposal() {
        RebalanceTrade sell = new RebalanceTrade("AAA", OrderSide.SELL, new BigDecimal("4"), new BigDecimal("1.0"), new BigDecimal("105.00"),
                new BigDecimal("420.00"), new TradeCost(new BigDecimal("0.42"), new BigDecimal("0.21"), new BigDecimal("0.03")), false, 1);
        RebalanceTrade buy = new RebalanceTrade("CCC-USD", OrderSide.BUY, new BigDecimal("0.12345678"), new BigDecimal("0.00000001"),
                new BigDecimal("3000.12345678"), new BigDecimal("370.39"),
                new TradeCost(new BigDecimal("0.37"), new BigDecimal("0.19"), new BigDecimal("1.07")), true, 4);
        SkippedTrade skipped = new SkippedTrade("BBB", OrderSide.BUY, new BigDecimal("0.4"), new BigDecimal("76.00"),
                SkipReason.LESS_THAN_ONE_LOT, "BBB: 0.4 units is less than one lot of 1");
        return new RebalanceProposal("USD", new BigDecimal("11000.00"), List.of(sell, buy), List.of(skipped), 1.0,
                new BigDecimal("2.29"), 2.0818181818181818E-4, new BigDecimal("10047.32"), 0.031234567890123456, 0.004, 0.027234567890123457,
                RebalanceVerdict.WORTH_TRADING, "cost 2.08 bps <= 1 x benefit 272.35 bps");
    }

    static TriggerFiring drift() {
        return new TriggerFiring(TriggerKind.DRIFT, T0, TriggerFiring.SYSTEM, "AAA is 6.2% off its target",
                List.of(new TriggerMeasure("AAA absolute drift", 0.062, 0.05)));
    }

    NewRebalance newRebalance(String proposedBy, Optional<String> key) {
        return newRebalance(portfolioId, proposedBy, key);
    }

    NewRebalance newRebalance(String portfolio, String proposedBy, Optional<String> key) {
        return new NewRebalance(UUID.randomUUID().toString(), portfolio, proposedBy, T0, key,
                RebalanceRequest.optimizer("min-variance", Map.of("lookbackDays", 60L, "maxWeight", 0.35, "shrinkage", "ledoit-wolf")),
                proposal(), Optional.of(drift()), APPROVAL, ESCALATION);
    }

    @Test
    void aRebalanceRoundTripsWithItsRequestProposalTriggerAndFirstHistoryEntry() {
        NewRebalance given = newRebalance("alice", Optional.of("key-1"));

        InsertedRebalance inserted = store.rebalances().insert(given);

        StoredRebalance expected = new StoredRebalance(given.id(), portfolioId, RebalanceStatus.PROPOSED, "alice", T0,
                Optional.of("key-1"), given.request(), proposal(), Optional.of(drift()), APPROVAL, ESCALATION, T0, Optional.empty(),
                List.of(new RebalanceHistoryEntry(T0, "alice", Optional.empty(), RebalanceStatus.PROPOSED,
                        "DRIFT trigger: AAA is 6.2% off its target")));
        assertThat(inserted).isEqualTo(new InsertedRebalance(expected, true));
        assertThat(store.rebalances().find(given.id())).contains(expected);
        assertThat(store.rebalances().findByIdempotencyKey("alice", "key-1")).contains(expected);
        // scale and every digit kept, not merely an equal value
        RebalanceProposal read = store.rebalances().find(given.id()).orElseThrow().proposal();
        assertThat(read.trades().get(0).lastPrice().toPlainString()).isEqualTo("105.00");
        assertThat(read.trades().get(1).quantity().toPlainString()).isEqualTo("0.12345678");
        assertThat(read.trades().get(0).lotSize().toPlainString()).isEqualTo("1.0");
        assertThat(read.trades().get(1).lotSize().toPlainString()).isEqualTo("0.00000001");
        assertThat(read.trackingErrorBefore()).isEqualTo(0.031234567890123456);
        // Long and Double again, as the platform hands parameters to an extension (not Integer, not BigDecimal)
        assertThat(store.rebalances().find(given.id()).orElseThrow().request().optimizerParameters())
                .isEqualTo(Map.of("lookbackDays", 60L, "maxWeight", 0.35, "shrinkage", "ledoit-wolf"));
    }

    @Test
    void givenWeightsAndNoTriggerRoundTripToo() {
        NewRebalance given = new NewRebalance(UUID.randomUUID().toString(), portfolioId, "bob", T1, Optional.empty(),
                RebalanceRequest.givenWeights(Map.of("BBB", 0.4, "AAA", 0.6)), proposal(), Optional.empty(), APPROVAL, ESCALATION);

        StoredRebalance stored = store.rebalances().insert(given).rebalance();

        assertThat(stored.request()).isEqualTo(RebalanceRequest.givenWeights(Map.of("AAA", 0.6, "BBB", 0.4)));
        assertThat(stored.trigger()).isEmpty();
        assertThat(stored.idempotencyKey()).isEmpty();
        assertThat(stored.history()).containsExactly(
                new RebalanceHistoryEntry(T1, "bob", Optional.empty(), RebalanceStatus.PROPOSED, "proposed"));
    }

    @Test
    void unknownIdsFindNothingAndAnUnknownPortfolioStoresNothing() {
        assertThat(store.rebalances().find(UUID.randomUUID().toString())).isEmpty();
        assertThat(store.rebalances().find("not-a-uuid")).isEmpty();
        assertThat(store.rebalances().findByIdempotencyKey("alice", "nope")).isEmpty();
        NewRebalance orphan = new NewRebalance(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "alice", T0,
                Optional.of("k"), RebalanceRequest.givenWeights(Map.of("AAA", 1.0)), proposal(), Optional.empty(), APPROVAL, ESCALATION);

        assertThatThrownBy(() -> store.rebalances().insert(orphan)).isInstanceOf(StoreException.class);

        assertThat(store.rebalances().find(orphan.id())).isEmpty();
        assertThat(countRows("SELECT COUNT(*) FROM rebalance_history")).isZero();
    }

    @Test
    void theSameKeyReturnsTheSameRebalanceForItsUserOnly() {
        StoredRebalance first = store.rebalances().insert(newRebalance("alice", Optional.of("k1"))).rebalance();

        InsertedRebalance again = store.rebalances().insert(newRebalance("alice", Optional.of("k1")));
        InsertedRebalance otherUser = store.rebalances().insert(newRebalance(anotherPortfolio(), "bob", Optional.of("k1")));
        InsertedRebalance noKey1 = store.rebalances().insert(newRebalance(anotherPortfolio(), "alice", Optional.empty()));
        InsertedRebalance noKey2 = store.rebalances().insert(newRebalance(anotherPortfolio(), "alice", Optional.empty()));

        assertThat(again).isEqualTo(new InsertedRebalance(first, false));
        assertThat(otherUser.created()).isTrue();
        assertThat(otherUser.rebalance().id()).isNotEqualTo(first.id());
        assertThat(noKey1.created()).isTrue();
        assertThat(noKey2.created()).isTrue();
        assertThat(countRows("SELECT COUNT(*) FROM rebalance")).isEqualTo(4);
    }

    @Test
    void twoProposalsRacingForOnePortfolioStoreOneAndTheOtherIsRefused() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String portfolio = anotherPortfolio();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<InsertedRebalance>> results = new ArrayList<>();
                for (String user : List.of("alice", "bob")) {
                    NewRebalance attempt = newRebalance(portfolio, user, Optional.empty());
                    results.add(threads.submit(() -> {
                        start.await();
                        return store.rebalances().insert(attempt);
                    }));
                }
                start.countDown();
                int stored = 0;
                int refused = 0;
                for (Future<InsertedRebalance> result : results) {
                    try {
                        assertThat(result.get().created()).isTrue();
                        stored++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(io.ballast.platform.problem.ConflictException.class);
                        refused++;
                    }
                }

                assertThat(List.of(stored, refused)).containsExactly(1, 1);
                assertThat(countRows("SELECT COUNT(*) FROM rebalance WHERE portfolio_id = '" + portfolio + "'")).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anExecutionIsClaimedByOneRunAtATimeUntilItsClaimLapses() {
        String id = store.rebalances().insert(newRebalance("alice", Optional.empty())).rebalance().id();
        RebalanceRepository rebalances = store.rebalances();
        Duration lease = Duration.ofSeconds(60);

        assertThat(rebalances.claimExecution(id, "run-a", T0, lease)).contains(T0.plusSeconds(60));
        assertThat(rebalances.claimExecution(id, "run-b", T0.plusSeconds(30), lease)).isEmpty();
        // renewed at +50 s: until +110 s
        assertThat(rebalances.claimExecution(id, "run-a", T0.plusSeconds(50), lease)).contains(T0.plusSeconds(110));
        assertThat(rebalances.claimExecution(id, "run-b", T0.plusSeconds(110), lease)).isEmpty();
        // lapsed: run-b takes it, and run-a's renewal is refused
        assertThat(rebalances.claimExecution(id, "run-b", T0.plusSeconds(111), lease)).contains(T0.plusSeconds(171));
        assertThat(rebalances.claimExecution(id, "run-a", T0.plusSeconds(112), lease)).isEmpty();
    }

    /**
     * A proposal stored before trades kept their lot size: its JSON has no {@code lotSize}, and it reads with none,
     * so its execution falls back to the configured lot.
     */
    @Test
    void aTradeStoredBeforeLotSizesWereKeptReadsWithoutOne() throws Exception {
        String id = store.rebalances().insert(newRebalance("alice", Optional.empty())).rebalance().id();
        String json;
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT proposal_json FROM rebalance WHERE id = ?")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                row.next();
                json = row.getString(1);
            }
        }
        String before = json.replaceAll("\"lotSize\":[0-9.]+,", "");
        assertThat(before).doesNotContain("lotSize").isNotEqualTo(json);
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE rebalance SET proposal_json = ? WHERE id = ?")) {
            update.setString(1, before);
            update.setObject(2, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        List<RebalanceTrade> trades = store.rebalances().find(id).orElseThrow().proposal().trades();

        assertThat(trades).extracting(RebalanceTrade::asset, RebalanceTrade::storedLotSize)
                .containsExactly(tuple("AAA", Optional.empty()), tuple("CCC-USD", Optional.empty()));
        assertThat(trades.get(1).quantity().toPlainString()).isEqualTo("0.12345678");
    }

    /** Fixed by the first call, kept by every later one, read with the rebalance, every digit and scale kept. */
    @Test
    void executionPricesAreFixedOnceAndReadWithTheRebalance() {
        String id = store.rebalances().insert(newRebalance("alice", Optional.empty())).rebalance().id();
        ExecutionPrices first = new ExecutionPrices(Map.of("AAA", new BigDecimal("106.50"), "CCC-USD", new BigDecimal("3010.12345678")));
        ExecutionPrices later = new ExecutionPrices(Map.of("AAA", new BigDecimal("120"), "CCC-USD", new BigDecimal("2900")));
        assertThat(store.rebalances().find(id).orElseThrow().executionPrices()).isEmpty();

        assertThat(store.rebalances().fixExecutionPrices(id, first)).isEqualTo(first);
        assertThat(store.rebalances().fixExecutionPrices(id, later)).isEqualTo(first);

        ExecutionPrices read = store.rebalances().find(id).orElseThrow().executionPrices().orElseThrow();
        assertThat(read).isEqualTo(first);
        assertThat(read.of("AAA").toPlainString()).isEqualTo("106.50");
        assertThat(read.of("CCC-USD").toPlainString()).isEqualTo("3010.12345678");
        assertThatThrownBy(() -> store.rebalances().fixExecutionPrices(UUID.randomUUID().toString(), first))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("does not exist");
    }

    /** One record per rebalance and group: the first delivery is told to send, a second one not, two racing one of them. */
    @Test
    void aReminderIsRecordedOncePerRebalanceAndGroup() throws Exception {
        RebalanceRepository rebalances = store.rebalances();
        String id = rebalances.insert(newRebalance("alice", Optional.empty())).rebalance().id();
        String other = rebalances.insert(newRebalance(anotherPortfolio(), "alice", Optional.empty())).rebalance().id();

        assertThat(rebalances.recordReminder(id, "portfolio-managers", T1)).isTrue();
        assertThat(rebalances.recordReminder(id, "portfolio-managers", T2)).isFalse();
        assertThat(rebalances.recordReminder(id, "risk-officers", T2)).isTrue();
        assertThat(rebalances.recordReminder(other, "portfolio-managers", T2)).isTrue();
        assertThatThrownBy(() -> rebalances.recordReminder(UUID.randomUUID().toString(), "portfolio-managers", T2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("does not exist");
        assertThat(countRows("SELECT COUNT(*) FROM rebalance_reminder WHERE rebalance_id = '" + id + "'")).isEqualTo(2);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String racing = rebalances.insert(newRebalance(anotherPortfolio(), "alice", Optional.empty())).rebalance().id();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> deliveries = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    deliveries.add(threads.submit(() -> {
                        start.await();
                        return rebalances.recordReminder(racing, "portfolio-managers", T3);
                    }));
                }
                start.countDown();

                assertThat(List.of(deliveries.get(0).get(), deliveries.get(1).get())).containsExactlyInAnyOrder(true, false);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * One note per rebalance and task: bob's at T1 is replaced by carol's at T2 (kept to the microsecond), the
     * other task and the other rebalance have their own, two notes racing leave one row, and deleting the
     * rebalance deletes its notes.
     */
    @Test
    void aTaskDeciderIsNotedPerRebalanceAndTaskAndReplacedByTheNextNote() throws Exception {
        RebalanceRepository rebalances = store.rebalances();
        String id = rebalances.insert(newRebalance("alice", Optional.empty())).rebalance().id();
        String other = rebalances.insert(newRebalance(anotherPortfolio(), "alice", Optional.empty())).rebalance().id();
        assertThat(rebalances.taskDecider(id, "ApproveRebalance")).isEmpty();

        rebalances.noteTaskDecider(id, "ApproveRebalance", "bob", T1);
        rebalances.noteTaskDecider(id, "ApproveRebalance", "carol", T2);
        rebalances.noteTaskDecider(id, "EscalatedApproval", "rita", T3);

        assertThat(rebalances.taskDecider(id, "ApproveRebalance")).contains("carol");
        assertThat(rebalances.taskDecider(id, "EscalatedApproval")).contains("rita");
        assertThat(rebalances.taskDecider(other, "ApproveRebalance")).isEmpty();
        assertThat(rebalances.taskDecider("not-a-uuid", "ApproveRebalance")).isEmpty();
        assertThat(countRows("SELECT COUNT(*) FROM rebalance_task_decider WHERE rebalance_id = '" + id + "'")).isEqualTo(2);
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT noted_at FROM rebalance_task_decider WHERE rebalance_id = ? AND element_id = 'ApproveRebalance'")) {
            query.setObject(1, UUID.fromString(id));
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject("noted_at", java.time.OffsetDateTime.class).toInstant()).isEqualTo(T2);
            }
        }
        assertThatThrownBy(() -> rebalances.noteTaskDecider(UUID.randomUUID().toString(), "ApproveRebalance", "bob", T1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("does not exist");

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<?>> notes = new ArrayList<>();
                for (String decider : List.of("dave", "erin")) {
                    notes.add(threads.submit(() -> {
                        start.await();
                        rebalances.noteTaskDecider(other, "ApproveRebalance", decider, T4);
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> note : notes) {
                    note.get(); // neither fails: the rebalance's row lock orders them
                }

                assertThat(countRows("SELECT COUNT(*) FROM rebalance_task_decider WHERE rebalance_id = '" + other + "'")).isEqualTo(1);
                assertThat(rebalances.taskDecider(other, "ApproveRebalance").orElseThrow()).isIn("dave", "erin");
            }
        } finally {
            threads.shutdownNow();
        }

        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM rebalance WHERE id = ?")) {
            delete.setObject(1, UUID.fromString(id));
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        assertThat(countRows("SELECT COUNT(*) FROM rebalance_task_decider WHERE rebalance_id = '" + id + "'")).isZero();
        assertThat(countRows("SELECT COUNT(*) FROM rebalance_task_decider WHERE rebalance_id = '" + other + "'")).isEqualTo(1);
    }

    @Test
    void twoRequestsRacingWithOneKeyStoreOneRebalance() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String key = "race-" + round;
                String portfolio = anotherPortfolio();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<InsertedRebalance>> results = new ArrayList<>();
                for (int thread = 0; thread < 2; thread++) {
                    NewRebalance attempt = newRebalance(portfolio, "alice", Optional.of(key));
                    Callable<InsertedRebalance> insert = () -> {
                        start.await();
                        return store.rebalances().insert(attempt);
                    };
                    results.add(threads.submit(insert));
                }
                start.countDown();
                InsertedRebalance a = results.get(0).get();
                InsertedRebalance b = results.get(1).get();

                assertThat(a.rebalance()).isEqualTo(b.rebalance());
                assertThat(List.of(a.created(), b.created())).containsExactlyInAnyOrder(true, false);
                assertThat(countRows("SELECT COUNT(*) FROM rebalance WHERE idempotency_key = '" + key + "'")).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void transitionsAreCheckedIdempotentAndRecordedInOrderWithTheirActors() {
        String id = store.rebalances().insert(newRebalance("alice", Optional.empty())).rebalance().id();
        RebalanceRepository rebalances = store.rebalances();

        assertThat(rebalances.transition(id, Optional.of(RebalanceStatus.PROPOSED), RebalanceStatus.PENDING_APPROVAL, "workflow",
                "risk check: needs approval", T1)).isTrue();
        // a retried worker: already there, nothing changes, even with the old expectation
        assertThat(rebalances.transition(id, Optional.of(RebalanceStatus.PROPOSED), RebalanceStatus.PENDING_APPROVAL, "workflow",
                "again", T2)).isFalse();
        assertThatThrownBy(() -> rebalances.transition(id, Optional.empty(), RebalanceStatus.EXECUTED, "workflow", "x", T2))
                .isInstanceOf(RebalanceTransitionException.class)
                .hasMessage("rebalance " + id + " cannot move from PENDING_APPROVAL to EXECUTED");
        assertThatThrownBy(() -> rebalances.transition(id, Optional.of(RebalanceStatus.ESCALATED), RebalanceStatus.APPROVED, "bob", "ok", T2))
                .isInstanceOf(RebalanceTransitionException.class)
                .hasMessage("rebalance " + id + " is PENDING_APPROVAL, not ESCALATED: it cannot move to APPROVED");
        assertThat(rebalances.transition(id, Optional.of(RebalanceStatus.PENDING_APPROVAL), RebalanceStatus.ESCALATED, "workflow",
                "approval window PT4H ended", T2)).isTrue();
        assertThat(rebalances.transition(id, Optional.of(RebalanceStatus.ESCALATED), RebalanceStatus.APPROVED, "olga",
                "fine by risk", T3)).isTrue();
        assertThat(rebalances.transition(id, Optional.empty(), RebalanceStatus.EXECUTED, "workflow", "2 trades filled", T4)).isTrue();
        assertThatThrownBy(() -> rebalances.transition(id, Optional.empty(), RebalanceStatus.FAILED, "workflow", "x", T4))
                .isInstanceOf(RebalanceTransitionException.class)
                .hasMessage("rebalance " + id + " cannot move from EXECUTED to FAILED: EXECUTED is final");
        assertThatThrownBy(() -> rebalances.transition(UUID.randomUUID().toString(), Optional.empty(), RebalanceStatus.FAILED, "w", "x", T4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("does not exist");

        StoredRebalance stored = rebalances.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(RebalanceStatus.EXECUTED);
        assertThat(stored.statusSince()).isEqualTo(T4);
        assertThat(stored.history()).containsExactly(
                new RebalanceHistoryEntry(T0, "alice", Optional.empty(), RebalanceStatus.PROPOSED, "DRIFT trigger: AAA is 6.2% off its target"),
                new RebalanceHistoryEntry(T1, "workflow", Optional.of(RebalanceStatus.PROPOSED), RebalanceStatus.PENDING_APPROVAL,
                        "risk check: needs approval"),
                new RebalanceHistoryEntry(T2, "workflow", Optional.of(RebalanceStatus.PENDING_APPROVAL), RebalanceStatus.ESCALATED,
                        "approval window PT4H ended"),
                new RebalanceHistoryEntry(T3, "olga", Optional.of(RebalanceStatus.ESCALATED), RebalanceStatus.APPROVED, "fine by risk"),
                new RebalanceHistoryEntry(T4, "workflow", Optional.of(RebalanceStatus.APPROVED), RebalanceStatus.EXECUTED,
                        "2 trades filled"));
    }

    @Test
    void aPortfolioHasAnUnfinishedRebalanceUntilItEndsAndItsLastProposalTimeStays() {
        RebalanceRepository rebalances = store.rebalances();
        assertThat(rebalances.hasUnfinished(portfolioId)).isFalse();
        assertThat(rebalances.lastProposedAt(portfolioId)).isEmpty();
        String first = rebalances.insert(newRebalance("alice", Optional.empty())).rebalance().id();
        assertThat(rebalances.hasUnfinished(portfolioId)).as("PROPOSED").isTrue();
        rebalances.transition(first, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "workflow", "needs approval", T1);
        rebalances.transition(first, Optional.empty(), RebalanceStatus.APPROVED, "bob", "fine", T2);
        assertThat(rebalances.hasUnfinished(portfolioId)).as("APPROVED, not executed").isTrue();
        rebalances.transition(first, Optional.empty(), RebalanceStatus.EXECUTED, "workflow", "filled", T3);
        assertThat(rebalances.hasUnfinished(portfolioId)).as("EXECUTED").isFalse();
        String second = rebalances.insert(new NewRebalance(UUID.randomUUID().toString(), portfolioId, "system", T2, Optional.empty(),
                RebalanceRequest.givenWeights(Map.of("AAA", 1.0)), proposal(), Optional.of(drift()), APPROVAL, ESCALATION)).rebalance().id();
        rebalances.transition(second, Optional.empty(), RebalanceStatus.BLOCKED, "workflow", "HALT", T4);

        assertThat(rebalances.hasUnfinished(portfolioId)).as("BLOCKED").isFalse();
        assertThat(rebalances.lastProposedAt(portfolioId)).contains(T2);
        // the latest is the one proposed last (T2, after the first's T0), as it ended: BLOCKED at T4
        assertThat(rebalances.latest(portfolioId)).contains(new LatestRebalance(second, T2, RebalanceStatus.BLOCKED, T4));
        assertThat(rebalances.hasUnfinished(UUID.randomUUID().toString())).isFalse();
        assertThat(rebalances.lastProposedAt("not-a-uuid")).isEmpty();
        assertThat(rebalances.latest("not-a-uuid")).isEmpty();
    }

    @Test
    void theLatestNavIsTheLastValuedNotTheLastRecorded() {
        store.portfolioNavs().record(portfolioId, T2, new BigDecimal("9500.5"));
        store.portfolioNavs().record(portfolioId, T0, new BigDecimal("12000"));

        assertThat(store.portfolioNavs().latest(portfolioId)).hasValueSatisfying(nav -> assertThat(nav).isEqualByComparingTo("9500.5"));
        assertThat(store.portfolioNavs().peak(portfolioId)).hasValueSatisfying(nav -> assertThat(nav).isEqualByComparingTo("12000"));
        assertThat(store.portfolioNavs().latest(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void pendingListsTheRebalancesAwaitingAPersonLongestWaitingFirstWithTheTimeLeft() {
        RebalanceRepository rebalances = store.rebalances();
        String waiting = rebalances.insert(newRebalance("alice", Optional.empty())).rebalance().id();
        String escalated = rebalances.insert(newRebalance(anotherPortfolio(), "alice", Optional.empty())).rebalance().id();
        String approved = rebalances.insert(newRebalance(anotherPortfolio(), "alice", Optional.empty())).rebalance().id();
        rebalances.insert(newRebalance(anotherPortfolio(), "alice", Optional.empty())); // still PROPOSED: not waiting for a person
        rebalances.transition(waiting, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "workflow", "needs approval", T2);
        rebalances.transition(escalated, Optional.empty(), RebalanceStatus.PENDING_APPROVAL, "workflow", "needs approval", T0);
        rebalances.transition(escalated, Optional.empty(), RebalanceStatus.ESCALATED, "workflow", "window ended", T1);
        rebalances.transition(approved, Optional.empty(), RebalanceStatus.AUTO_APPROVED, "workflow", "all ALLOW", T1);

        List<StoredRebalance> pending = rebalances.pending();

        assertThat(pending).extracting(StoredRebalance::id).containsExactly(escalated, waiting);
        assertThat(pending).extracting(StoredRebalance::statusSince).containsExactly(T1, T2);
        assertThat(pending.get(0).history()).hasSize(3);
        // escalated at 10:00:05 with PT1H30M: at 11:00:05 half an hour is left
        assertThat(pending.get(0).windowLeft(Instant.parse("2025-03-03T11:00:05Z"))).isEqualTo(Duration.ofMinutes(30));
        // pending since 14:00:05.000001 with PT4H: at 17:00:05.000001, one hour; past its end, none
        assertThat(pending.get(1).windowLeft(Instant.parse("2025-03-03T17:00:05.000001Z"))).isEqualTo(Duration.ofHours(1));
        assertThat(pending.get(1).windowLeft(Instant.parse("2025-03-04T00:00:00Z"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void fillsMovePositionsAndCashAndAreBookedOnce() {
        String id = store.rebalances().insert(newRebalance("alice", Optional.empty())).rebalance().id();
        // start: cash 10000; AAA +10 @ 100; BBB -5 @ 200
        List<RebalanceFill> first = List.of(
                // adds to the long: (10 x 100 + 5 x 107) / 15 = 1535 / 15 = 102.3333...; cash 10000 - 535 - 1.50 = 9463.50
                fill("AAA", 0, OrderSide.BUY, "5", "107", "1.5"),
                // reduces the long: AAA +9 keeps 102.33333333; cash 9463.50 + 6 x 110 - 0.66 = 10122.84
                fill("AAA", 1, OrderSide.SELL, "6", "110", "0.66"),
                // closes the short: BBB is gone; cash 10122.84 - 5 x 190 - 0.95 = 9171.89
                fill("BBB", 0, OrderSide.BUY, "5", "190", "0.95"),
                // opens a short: CCC-USD -0.25 @ 3000.5; cash 9171.89 + 0.25 x 3000.5 - 0.75 = 9171.89 + 750.125 - 0.75 = 9921.265
                fill("CCC-USD", 0, OrderSide.SELL, "0.25", "3000.5", "0.75"),
                // the same slice twice in one call: booked once
                fill("CCC-USD", 0, OrderSide.SELL, "0.25", "3000.5", "0.75"));

        assertThat(store.rebalances().bookFills(id, first)).isEqualTo(4);

        assertThat(store.portfolios().find(portfolioId).orElseThrow()).satisfies(portfolio -> {
            assertThat(portfolio.cash()).isEqualTo(new BigDecimal("9921.265"));
            assertThat(portfolio.positions()).containsExactly(
                    new Position("AAA", new BigDecimal("9"), new BigDecimal("102.33333333")),
                    new Position("CCC-USD", new BigDecimal("-0.25"), new BigDecimal("3000.5")));
        });

        List<RebalanceFill> second = List.of(
                fill("AAA", 1, OrderSide.SELL, "6", "110", "0.66"), // booked before: skipped
                // through zero: +9 - 12 = -3, opened at the fill's price 120; cash 9921.265 + 1440 - 1.44 = 11359.825
                fill("AAA", 2, OrderSide.SELL, "12", "120", "1.44"),
                // adds to the short: (0.25 x 3000.5 + 0.75 x 2999.5) / 1 = 750.125 + 2249.625 = 2999.75;
                // cash 11359.825 + 2249.625 - 2.25 = 13607.2
                fill("CCC-USD", 1, OrderSide.SELL, "0.75", "2999.5", "2.25"));

        assertThat(store.rebalances().bookFills(id, second)).isEqualTo(2);
        assertThat(store.rebalances().bookFills(id, first)).isZero();
        assertThat(store.rebalances().bookFills(id, second)).isZero();

        assertThat(store.portfolios().find(portfolioId).orElseThrow()).satisfies(portfolio -> {
            assertThat(portfolio.cash()).isEqualTo(new BigDecimal("13607.2"));
            assertThat(portfolio.positions()).containsExactly(
                    new Position("AAA", new BigDecimal("-3"), new BigDecimal("120")),
                    new Position("CCC-USD", new BigDecimal("-1"), new BigDecimal("2999.75")));
        });
        assertThat(store.rebalances().fills(id)).containsExactly(first.get(0), first.get(1), second.get(1), first.get(2), first.get(3),
                second.get(2));
    }

    @Test
    void aFillThatCannotBeBookedBooksNothingOfItsCall() {
        String id = store.rebalances().insert(newRebalance("alice", Optional.empty())).rebalance().id();
        RebalanceFill good = fill("AAA", 0, OrderSide.BUY, "1", "100", "0");

        assertThatThrownBy(() -> store.rebalances().bookFills(id, List.of(good,
                new RebalanceFill("BBB", 0, OrderSide.BUY, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO, "EUR", "v-1", T3))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("fill BBB slice 0: currency EUR is not the portfolio's base currency USD");
        assertThatThrownBy(() -> store.rebalances().bookFills(id, List.of(good, fill("ZZZ", 0, OrderSide.BUY, "1", "1", "0"))))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> store.rebalances().bookFills(UUID.randomUUID().toString(), List.of(good)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("does not exist");

        assertThat(store.rebalances().fills(id)).isEmpty();
        assertThat(store.portfolios().find(portfolioId).orElseThrow().cash()).isEqualTo(new BigDecimal("10000"));
        assertThat(store.portfolios().find(portfolioId).orElseThrow().positions()).first()
                .isEqualTo(new Position("AAA", new BigDecimal("10"), new BigDecimal("100")));
    }

    @Test
    void aFillBeyondTheCashIsStillBooked() {
        String id = store.rebalances().insert(newRebalance("alice", Optional.empty())).rebalance().id();

        // 10000 - 101 x 99.5 - 5 = 10000 - 10049.5 - 5 = -54.5
        store.rebalances().bookFills(id, List.of(fill("BBB", 3, OrderSide.BUY, "101", "99.5", "5")));

        assertThat(store.portfolios().find(portfolioId).orElseThrow().cash()).isEqualTo(new BigDecimal("-54.5"));
        // -5 + 101 = 96, flipped to a long at 99.5
        assertThat(store.portfolios().find(portfolioId).orElseThrow().positions()).contains(
                new Position("BBB", new BigDecimal("96"), new BigDecimal("99.5")));
    }

    static RebalanceFill fill(String asset, int slice, OrderSide side, String quantity, String price, String fee) {
        return new RebalanceFill(asset, slice, side, new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(fee), "USD",
                "paper-" + asset + "-" + slice, T3);
    }

    long countRows(String sql) {
        try (Connection connection = store.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(sql);
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
