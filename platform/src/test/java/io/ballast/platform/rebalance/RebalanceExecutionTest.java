package io.ballast.platform.rebalance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Executions on the bundled paper venue, loaded from {@code target/plugins} by the real plugin host.
 *
 * <pre>
 * venue parameters: slippage 10 bp, fee 5 bp of the notional, minimum fee 1 (USD, cents, half-up)
 * proposed at AAA 95 and CCC 38, executed at the execution prices AAA 100 and CCC 40 (the orders' reference prices)
 * SELL 50 AAA at 100:  fill 100 x (1 - 0.001) = 99.9;  notional 4 995;     fee 2.4975 -> 2.50
 * BUY 1005 CCC at 40, lots of 5, 4 slices: 201 lots / 4 = 50 lots = 250 units a slice, the last 1005 - 750 = 255
 *   fill 40 x 1.001 = 40.04; 250 x 40.04 = 10 010, fee 5.005 -> 5.01; 255 x 40.04 = 10 210.2, fee 5.1051 -> 5.11
 * </pre>
 */
class RebalanceExecutionTest {

    static final Map<String, Object> COSTS = Map.of("slippageBps", 10, "feeBps", 5, "minimumFee", 1);
    static final ProposalSettings SETTINGS = ProposalSettings.defaults().withLotSize("CCC", new BigDecimal("5"))
            .withLotSize("BTC", new BigDecimal("0.0001"));
    /** Not the trades' last prices (95 and 38): the orders must carry these. */
    static final ExecutionPrices PRICES = new ExecutionPrices(Map.of("AAA", new BigDecimal("100"), "CCC", new BigDecimal("40")));

    static PluginHost host;
    static ExecutionVenue paper;

    String rebalanceId;
    List<ExecutedSlice> recorded;

    @BeforeAll
    static void startPlugins() {
        host = PluginHost.start(Path.of("target", "plugins"));
        paper = host.executionVenue("paper").orElseThrow();
    }

    @AfterAll
    static void stopPlugins() {
        host.close();
    }

    @BeforeEach
    void newRebalance() {
        rebalanceId = UUID.randomUUID().toString();
        recorded = new ArrayList<>();
    }

    /** The buy listed first; the sell still goes first. Proposed at 38 and 95, each with its lot of {@link #SETTINGS}. */
    static List<RebalanceTrade> buyCccSellAaa() {
        return List.of(twap("CCC", OrderSide.BUY, "1005", "38", 4), trade("AAA", OrderSide.SELL, "50", "95"));
    }

    @Test
    void sellsGoFirstAndATwapTradeGoesInLotRoundedSlicesWithTheRemainderLast() {
        RebalanceExecutionResult result = execution(paper).execute(rebalanceId, "p-1", buyCccSellAaa(), PRICES, Set.of(), recorded::add);

        assertThat(result.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(result.venueId()).isEqualTo("paper");
        assertThat(result.failure()).isEmpty();
        assertThat(result.alreadyFilled()).isEmpty();
        assertThat(result.notExecuted()).isEmpty();
        assertThat(result.executed()).extracting(done -> done.slice().key(), done -> done.slice().side(), done -> done.slice().quantity())
                .containsExactly(
                        tuple(rebalanceId + ":AAA:1", OrderSide.SELL, new BigDecimal("50")),
                        tuple(rebalanceId + ":CCC:1", OrderSide.BUY, new BigDecimal("250")),
                        tuple(rebalanceId + ":CCC:2", OrderSide.BUY, new BigDecimal("250")),
                        tuple(rebalanceId + ":CCC:3", OrderSide.BUY, new BigDecimal("250")),
                        tuple(rebalanceId + ":CCC:4", OrderSide.BUY, new BigDecimal("255")));
        List<Fill> fills = result.executed().stream().flatMap(done -> done.fills().stream()).toList();
        assertThat(fills).extracting(Fill::clientOrderId, Fill::quantity, Fill::price, Fill::fee, Fill::feeCurrency).containsExactly(
                tuple(rebalanceId + ":AAA:1", new BigDecimal("50"), new BigDecimal("99.9"), new BigDecimal("2.50"), "USD"),
                tuple(rebalanceId + ":CCC:1", new BigDecimal("250"), new BigDecimal("40.04"), new BigDecimal("5.01"), "USD"),
                tuple(rebalanceId + ":CCC:2", new BigDecimal("250"), new BigDecimal("40.04"), new BigDecimal("5.01"), "USD"),
                tuple(rebalanceId + ":CCC:3", new BigDecimal("250"), new BigDecimal("40.04"), new BigDecimal("5.01"), "USD"),
                tuple(rebalanceId + ":CCC:4", new BigDecimal("255"), new BigDecimal("40.04"), new BigDecimal("5.11"), "USD"));
        // 2.50 + 3 x 5.01 + 5.11
        assertThat(result.executed().stream().map(ExecutedSlice::fees).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("22.64");
        // 1005 x 40.04
        assertThat(result.executed().stream().filter(done -> done.slice().asset().equals("CCC")).map(ExecutedSlice::filledNotional)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("40240.2");
        assertThat(recorded).isEqualTo(result.executed());
        assertThat(recorded).allMatch(ExecutedSlice::complete);
    }

    @Test
    void slicesAreWholeLotsAndAFewLotTradeGoesInOneSlicePerLot() {
        RebalanceExecution execution = execution(paper);

        // 0.0105 BTC = 105 lots of 0.0001; 105 / 4 = 26 lots = 0.0026 a slice, the last 0.0105 - 0.0078 = 0.0027
        List<RebalanceTrade> btc = List.of(twap("BTC", OrderSide.BUY, "0.0105", "60000", 4));
        assertThat(execution.slices("r", btc, ExecutionPrices.asProposed(btc)))
                .extracting(ExecutionSlice::key, ExecutionSlice::quantity, ExecutionSlice::sliceCount)
                .containsExactly(tuple("r:BTC:1", new BigDecimal("0.0026"), 4), tuple("r:BTC:2", new BigDecimal("0.0026"), 4),
                        tuple("r:BTC:3", new BigDecimal("0.0026"), 4), tuple("r:BTC:4", new BigDecimal("0.0027"), 4));
        // 3 lots of 1 flagged for 10 slices: 3 slices of one lot
        List<RebalanceTrade> aaa = List.of(twap("AAA", OrderSide.SELL, "3", "100", 10));
        assertThat(execution.slices("r", aaa, ExecutionPrices.asProposed(aaa)))
                .extracting(ExecutionSlice::key, ExecutionSlice::quantity, ExecutionSlice::sliceCount)
                .containsExactly(tuple("r:AAA:1", BigDecimal.ONE, 3), tuple("r:AAA:2", BigDecimal.ONE, 3), tuple("r:AAA:3", BigDecimal.ONE, 3));
        // proposed at 100, executed at 101: the order carries 101
        assertThat(execution.slices("r", List.of(trade("AAA", OrderSide.SELL, "7", "100")),
                new ExecutionPrices(Map.of("AAA", new BigDecimal("101")))))
                .extracting(ExecutionSlice::key, ExecutionSlice::quantity, ExecutionSlice::referencePrice)
                .containsExactly(tuple("r:AAA:1", new BigDecimal("7"), new BigDecimal("101")));
    }

    /** Slice 3's client order id was used before for another order: the paper venue rejects it. */
    @Test
    void aRejectedOrderStopsTheRunAndTheFailureSaysWhatWasFilled() {
        paper.submit(Order.market(rebalanceId + ":CCC:3", "p-1", "CCC", OrderSide.BUY, BigDecimal.ONE, Optional.of(new BigDecimal("40"))));

        RebalanceExecutionResult result = execution(paper).execute(rebalanceId, "p-1", buyCccSellAaa(), PRICES, Set.of(), recorded::add);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.executed()).extracting(done -> done.slice().key())
                .containsExactly(rebalanceId + ":AAA:1", rebalanceId + ":CCC:1", rebalanceId + ":CCC:2");
        assertThat(recorded).isEqualTo(result.executed());
        assertThat(result.notExecuted()).extracting(ExecutionSlice::key).containsExactly(rebalanceId + ":CCC:3", rebalanceId + ":CCC:4");
        assertThat(result.failure()).contains("rebalance " + rebalanceId + " on venue paper stopped at BUY 250 CCC (slice 3 of 4), order "
                + rebalanceId + ":CCC:3: rejected: client order id " + rebalanceId + ":CCC:3 was already used for a different order;"
                + " the paper venue does not reuse it. Filled so far: SELL 50 AAA (slice 1 of 1) at 99.9, BUY 250 CCC (slice 1 of 4) at 40.04,"
                + " BUY 250 CCC (slice 2 of 4) at 40.04. Not executed: BUY 250 CCC (slice 3 of 4), BUY 255 CCC (slice 4 of 4).");
    }

    @Test
    void aVenueThatRefusesTheOrderFailsTheRunWithNothingFilled() {
        RebalanceExecution execution = new RebalanceExecution(paper, Map.of("feeBps", 2000), SETTINGS, Duration.ofSeconds(5), Duration.ofMillis(10));

        RebalanceExecutionResult result = execution.execute(rebalanceId, "p-1", buyCccSellAaa(), PRICES, Set.of(), recorded::add);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.executed()).isEmpty();
        assertThat(recorded).isEmpty();
        assertThat(result.notExecuted()).hasSize(5);
        assertThat(result.failure().orElseThrow())
                .startsWith("rebalance " + rebalanceId + " on venue paper stopped at SELL 50 AAA (slice 1 of 1), order " + rebalanceId
                        + ":AAA:1: the venue did not take it: ")
                .contains("feeBps")
                .endsWith(". Filled so far: nothing. Not executed: SELL 50 AAA (slice 1 of 1), BUY 250 CCC (slice 1 of 4),"
                        + " BUY 250 CCC (slice 2 of 4), BUY 250 CCC (slice 3 of 4), BUY 255 CCC (slice 4 of 4).");
    }

    /**
     * A second run after a crash: slices 1 and 2 of CCC and AAA's were stored, slice 3 was sent but its fill not
     * stored. The run skips the stored ones and sends 3 and 4 again; the venue answers them as the first time,
     * with the same fills, and trades nothing twice. A third run with every key stored sends nothing.
     */
    @Test
    void aRunAgainSkipsTheStoredSlicesAndTheVenueDoesNotTradeASliceTwice() {
        RebalanceExecution execution = execution(paper);
        RebalanceExecutionResult first = execution.execute(rebalanceId, "p-1", buyCccSellAaa(), PRICES, Set.of(), slice -> { });
        Set<String> stored = Set.of(rebalanceId + ":AAA:1", rebalanceId + ":CCC:1", rebalanceId + ":CCC:2");

        RebalanceExecutionResult again = execution.execute(rebalanceId, "p-1", buyCccSellAaa(), PRICES, stored, recorded::add);
        RebalanceExecutionResult third = execution.execute(rebalanceId, "p-1", buyCccSellAaa(), PRICES,
                Set.copyOf(first.executed().stream().map(done -> done.slice().key()).toList()), recorded::add);

        assertThat(again.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(again.alreadyFilled()).containsExactly(rebalanceId + ":AAA:1", rebalanceId + ":CCC:1", rebalanceId + ":CCC:2");
        assertThat(again.executed()).extracting(done -> done.slice().key()).containsExactly(rebalanceId + ":CCC:3", rebalanceId + ":CCC:4");
        assertThat(again.executed()).isEqualTo(first.executed().subList(3, 5)); // same venue order ids, same fill ids
        assertThat(third.status()).isEqualTo(ExecutionStatus.COMPLETED);
        assertThat(third.executed()).isEmpty();
        assertThat(third.alreadyFilled()).hasSize(5);
        assertThat(recorded).hasSize(2);
    }

    @Test
    void aSliceThatCannotBeRecordedStopsTheRunBeforeTheNextOrder() {
        RebalanceExecutionResult result = execution(paper).execute(rebalanceId, "p-1", buyCccSellAaa(), PRICES, Set.of(), slice -> {
            if (slice.slice().asset().equals("CCC")) {
                throw new IllegalStateException("the store is down");
            }
        });

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.executed()).extracting(done -> done.slice().key()).containsExactly(rebalanceId + ":AAA:1", rebalanceId + ":CCC:1");
        assertThat(result.notExecuted()).extracting(ExecutionSlice::key)
                .containsExactly(rebalanceId + ":CCC:2", rebalanceId + ":CCC:3", rebalanceId + ":CCC:4");
        assertThat(result.failure().orElseThrow()).contains("order " + rebalanceId + ":CCC:1: it filled, but could not be recorded: the store is down.");
    }

    /** A venue that fills 40 of an order of 100 and no more: with no time to wait, the run fails and reports the 40. */
    @Test
    void fillsShortOfTheOrderAtTheTimeoutFailTheRunAndAreReported() {
        ExecutionVenue partial = new PartialVenue(new BigDecimal("40"));
        RebalanceExecution execution = new RebalanceExecution(partial, Map.of(), SETTINGS, Duration.ZERO, Duration.ZERO);

        RebalanceExecutionResult result = execution.execute("r", "p-1", List.of(trade("AAA", OrderSide.SELL, "100", "10")), PRICES, Set.of(),
                recorded::add);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(recorded).isEmpty();
        assertThat(result.executed()).singleElement().satisfies(done -> {
            assertThat(done.complete()).isFalse();
            assertThat(done.filledQuantity()).isEqualByComparingTo("40");
        });
        assertThat(result.notExecuted()).isEmpty();
        assertThat(result.failure()).contains("rebalance r on venue partial stopped at SELL 100 AAA (slice 1 of 1), order r:AAA:1: the venue"
                + " took it as order v-1 but filled only 40 of 100 within PT0S; the rest could not be cancelled and may still fill."
                + " Filled so far: SELL 100 AAA (slice 1 of 1) filled 40 of 100 at 9.5. Not executed: nothing.");
    }

    @Test
    void anAssetTradedTwiceIsRefusedNamingTheTrade() {
        assertThatThrownBy(() -> execution(paper).slices("r", List.of(trade("AAA", OrderSide.SELL, "1", "10"), trade("AAA", OrderSide.BUY, "1", "10")),
                PRICES))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("trades[1].asset"));
        assertThatThrownBy(() -> execution(paper).slices(" ", List.of(), PRICES))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("rebalanceId"));
    }

    /** BBB has no execution price: refused before any order, naming it. */
    @Test
    void aTradeWithoutAnExecutionPriceIsRefusedBeforeAnyOrder() {
        List<RebalanceTrade> trades = List.of(trade("AAA", OrderSide.SELL, "1", "10"), trade("BBB", OrderSide.BUY, "1", "10"));
        List<String> aboutToBeSent = new ArrayList<>();

        assertThatThrownBy(() -> execution(paper).execute(rebalanceId, "p-1", trades, PRICES, Set.of(),
                slice -> aboutToBeSent.add(slice.key()), recorded::add))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("executionPrices.BBB"));
        assertThat(aboutToBeSent).isEmpty();
        assertThat(recorded).isEmpty();
    }

    /**
     * The configuration's CCC lot went from 5 to 100 after the proposal: the trade still goes in lots of 5 it was
     * stored with (250, 250, 250, 255, not 200, 200, 200, 405). A trade stored before lot sizes were kept on the
     * trade takes the configured lot: 1 005 in lots of 100 over 4 slices is 10 lots, 2 a slice: 200, 200, 200, 405.
     */
    @Test
    void slicesAreCutInTheLotStoredOnTheTradeAndOnlyATradeWithoutOneTakesTheConfiguredLot() {
        RebalanceExecution execution = new RebalanceExecution(paper, COSTS, SETTINGS.withLotSize("CCC", new BigDecimal("100")),
                Duration.ofSeconds(5), Duration.ofMillis(10));
        List<RebalanceTrade> stored = List.of(twap("CCC", OrderSide.BUY, "1005", "38", 4));
        List<RebalanceTrade> legacy = List.of(new RebalanceTrade("CCC", OrderSide.BUY, new BigDecimal("1005"), null, new BigDecimal("38"),
                new BigDecimal("38190"), new TradeCost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), true, 4));

        assertThat(execution.slices("r", stored, PRICES)).extracting(ExecutionSlice::quantity).containsExactly(new BigDecimal("250"),
                new BigDecimal("250"), new BigDecimal("250"), new BigDecimal("255"));
        assertThat(execution.slices("r", legacy, PRICES)).extracting(ExecutionSlice::quantity).containsExactly(new BigDecimal("200"),
                new BigDecimal("200"), new BigDecimal("200"), new BigDecimal("405"));
    }

    static RebalanceExecution execution(ExecutionVenue venue) {
        return new RebalanceExecution(venue, COSTS, SETTINGS, Duration.ofSeconds(5), Duration.ofMillis(10));
    }

    /** Each with the lot {@link #SETTINGS} gives its asset, as the proposal stores it. */
    static RebalanceTrade trade(String asset, OrderSide side, String quantity, String lastPrice) {
        return new RebalanceTrade(asset, side, new BigDecimal(quantity), SETTINGS.lotSize(asset), new BigDecimal(lastPrice),
                new BigDecimal(quantity).multiply(new BigDecimal(lastPrice)), new TradeCost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                false, 1);
    }

    static RebalanceTrade twap(String asset, OrderSide side, String quantity, String lastPrice, int slices) {
        return new RebalanceTrade(asset, side, new BigDecimal(quantity), SETTINGS.lotSize(asset), new BigDecimal(lastPrice),
                new BigDecimal(quantity).multiply(new BigDecimal(lastPrice)), new TradeCost(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                true, slices);
    }

    /** Accepts every order as {@code v-1} and fills {@code filled} units of it at 9.5, never more. */
    private record PartialVenue(BigDecimal filled) implements ExecutionVenue {

        @Override
        public String id() {
            return "partial";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "fills part of an order";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }

        @Override
        public OrderAck submit(Order order) {
            return OrderAck.accepted(order.clientOrderId(), "v-1", Instant.EPOCH);
        }

        @Override
        public List<Fill> fills(String venueOrderId) {
            return List.of(new Fill("f-1", venueOrderId, "r:AAA:1", "AAA", OrderSide.SELL, filled, new BigDecimal("9.5"), BigDecimal.ONE, "USD",
                    Instant.EPOCH));
        }
    }
}
