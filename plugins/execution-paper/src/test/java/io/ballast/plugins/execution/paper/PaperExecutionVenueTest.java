package io.ballast.plugins.execution.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.execution.OrderType;
import io.ballast.api.plugin.ParameterSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Prices and fees worked out by hand (shown in each test): fill price = reference × (1 ± bps / 10 000),
 * fee = max(notional × feeBps / 10 000, minimumFee) rounded half-up to the currency's minor unit.
 * BigDecimals are compared by value and scale as the venue returns them.
 */
class PaperExecutionVenueTest {

    private static final Instant NOW = Instant.parse("2024-03-01T14:30:00Z");

    private final PaperExecutionVenue venue = new PaperExecutionVenue(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aMarketBuyPaysTheReferencePlusSlippageAndTheProportionalFee() {
        // 50.00 × (1 + 5/10 000) = 50.025; notional 100 × 50.025 = 5002.50; fee 10 bp = 5.0025 → 5.00 (above the minimum 1)
        OrderAck ack = venue.submit(market("c-1", OrderSide.BUY, "100", "50.00", Map.of()));

        assertThat(ack.accepted()).isTrue();
        assertThat(ack.time()).isEqualTo(NOW);
        String venueOrderId = ack.venueOrderId().orElseThrow();
        assertThat(venueOrderId).startsWith("paper-");
        Fill fill = single(venue.fills(venueOrderId));
        assertThat(fill).isEqualTo(new Fill(venueOrderId + "-1", venueOrderId, "c-1", "AAA", OrderSide.BUY, new BigDecimal("100"),
                new BigDecimal("50.025"), new BigDecimal("5.00"), "USD", NOW));
    }

    @Test
    void aMarketSellReceivesTheReferenceLessSlippage() {
        // 250.00 × (1 − 8/10 000) = 249.80; notional 40 × 249.80 = 9992.00; fee 10 bp = 9.992 → 9.99
        Fill fill = filled(market("c-2", OrderSide.SELL, "40", "250.00", Map.of("slippageBps", 8)));

        assertThat(fill.price()).isEqualTo(new BigDecimal("249.8"));
        assertThat(fill.fee()).isEqualTo(new BigDecimal("9.99"));
        assertThat(fill.side()).isEqualTo(OrderSide.SELL);
    }

    @Test
    void aSmallOrderPaysTheMinimumFee() {
        // 10.00 × 1.0005 = 10.005; notional 2 × 10.005 = 20.01; 10 bp = 0.02001, below the minimum 1 → 1.00
        Fill fill = filled(market("c-3", OrderSide.BUY, "2", "10.00", Map.of()));

        assertThat(fill.price()).isEqualTo(new BigDecimal("10.005"));
        assertThat(fill.fee()).isEqualTo(new BigDecimal("1.00"));
    }

    @Test
    void theFeeIsRoundedHalfUpToTheMinorUnitOfTheCurrency() {
        // no slippage: 1 × 125 = 125; 10 bp = 0.125 exactly → 0.13 half-up (half-even would give 0.12)
        Fill cents = filled(market("c-4", OrderSide.BUY, "1", "125", Map.of("slippageBps", 0, "minimumFee", 0)));
        // JPY has no minor unit: 10 × 1234 = 12 340; 10 bp = 12.34 → 12 yen
        Fill yen = filled(market("c-5", OrderSide.BUY, "10", "1234", Map.of("slippageBps", 0, "minimumFee", 0, "currency", "JPY")));

        assertThat(cents.fee()).isEqualTo(new BigDecimal("0.13"));
        assertThat(yen.fee()).isEqualTo(new BigDecimal("12"));
        assertThat(yen.feeCurrency()).isEqualTo("JPY");
        assertThat(yen.price()).isEqualTo(new BigDecimal("1234"));
    }

    @Test
    void fractionalCryptoQuantitiesAndFractionalBasisPointsStayExact() {
        // 64 000.00 × (1 + 2.5/10 000) = 64 016; notional 0.015 × 64 016 = 960.24; 7.5 bp = 0.72018 → 0.72
        Fill fill = filled(market("c-6", OrderSide.BUY, "0.015", "64000.00",
                Map.of("slippageBps", 2.5, "feeBps", new BigDecimal("7.5"), "minimumFee", "0.10")));

        assertThat(fill.price()).isEqualTo(new BigDecimal("64016"));
        assertThat(fill.quantity()).isEqualTo(new BigDecimal("0.015"));
        assertThat(fill.fee()).isEqualTo(new BigDecimal("0.72"));
    }

    @Test
    void aLimitBuyFillsAtTheSlippedPriceWhenItIsAtOrBelowTheLimit() {
        // 50.00 × 1.0005 = 50.025: within a limit of 50.03, and exactly at a limit of 50.025
        Fill below = filled(limit("l-1", OrderSide.BUY, "100", "50.03", "50.00"));
        Fill atLimit = filled(limit("l-2", OrderSide.BUY, "100", "50.025", "50.00"));

        assertThat(below.price()).isEqualTo(new BigDecimal("50.025"));
        assertThat(atLimit.price()).isEqualTo(new BigDecimal("50.025"));
        assertThat(atLimit.fee()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void aLimitBuyWhoseSlippedPriceIsAboveTheLimitIsRejectedWithBothPrices() {
        OrderAck ack = venue.submit(limit("l-3", OrderSide.BUY, "100", "50.02", "50.00"));

        assertThat(ack.accepted()).isFalse();
        assertThat(ack.venueOrderId()).isEmpty();
        assertThat(ack.rejectionReason()).hasValue("limit BUY of AAA at 50.02: the fill price 50.025 (reference 50.00 plus 5 bp"
                + " slippage) is above the limit, and the paper venue prices an order only when it arrives");
    }

    @Test
    void aLimitSellFillsOnlyAtOrAboveItsLimit() {
        // 250.00 × (1 − 8/10 000) = 249.80
        Map<String, Object> eightBp = Map.of("slippageBps", 8);
        Fill atLimit = filled(limitWith("l-4", OrderSide.SELL, "40", "249.80", "250.00", eightBp));
        OrderAck above = venue.submit(limitWith("l-5", OrderSide.SELL, "40", "249.81", "250.00", eightBp));

        assertThat(atLimit.price()).isEqualTo(new BigDecimal("249.8"));
        assertThat(above.rejectionReason()).hasValue("limit SELL of AAA at 249.81: the fill price 249.8 (reference 250.00 minus 8 bp"
                + " slippage) is below the limit, and the paper venue prices an order only when it arrives");
    }

    @Test
    void fillsArePolledAgainWithTheSameIds() {
        String venueOrderId = venue.submit(market("p-1", OrderSide.BUY, "3", "20", Map.of())).venueOrderId().orElseThrow();

        List<Fill> first = venue.fills(venueOrderId);
        List<Fill> second = venue.fills(venueOrderId);

        assertThat(second).isEqualTo(first).hasSize(1);
        assertThat(first.getFirst().fillId()).isEqualTo(venueOrderId + "-1");
        assertThat(venue.cancel(venueOrderId)).as("filled in full: nothing to cancel").isFalse();
    }

    @Test
    void aClientOrderIdSeenAgainAnswersAsBeforeAndNeverTradesTwice() {
        Order order = market("dup-1", OrderSide.BUY, "5", "100", Map.of());
        OrderAck first = venue.submit(order);
        OrderAck again = venue.submit(market("dup-1", OrderSide.BUY, "5", "100", Map.of()));
        OrderAck different = venue.submit(market("dup-1", OrderSide.BUY, "6", "100", Map.of()));

        assertThat(again).isEqualTo(first);
        assertThat(venue.fills(first.venueOrderId().orElseThrow())).hasSize(1);
        assertThat(different.accepted()).isFalse();
        assertThat(different.rejectionReason())
                .hasValue("client order id dup-1 was already used for a different order; the paper venue does not reuse it");
    }

    /** The same numbers written with another scale are the same order: 5.00 units at 100.00 is 5 at 100. */
    @Test
    void aResubmissionWithTheSameNumbersAtAnotherScaleIsTheSameOrder() {
        OrderAck first = venue.submit(market("scale-1", OrderSide.BUY, "5", "100", Map.of("feeBps", 10)));
        OrderAck again = venue.submit(market("scale-1", OrderSide.BUY, "5.00", "100.00", Map.of("feeBps", new BigDecimal("10.0"))));

        assertThat(again).isEqualTo(first);
        assertThat(again.accepted()).isTrue();
        assertThat(venue.fills(first.venueOrderId().orElseThrow())).hasSize(1);
    }

    @Test
    void concurrentSubmissionsOfOneOrderExecuteItOnce() throws Exception {
        Order order = market("race-1", OrderSide.SELL, "1", "10", Map.of());
        List<Callable<OrderAck>> submissions = IntStream.range(0, 16).<Callable<OrderAck>>mapToObj(i -> () -> venue.submit(order)).toList();
        Set<String> venueOrderIds = new HashSet<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (Future<OrderAck> ack : threads.invokeAll(submissions)) {
                venueOrderIds.add(ack.get().venueOrderId().orElseThrow());
            }
        }

        assertThat(venueOrderIds).hasSize(1);
    }

    @Test
    void anOrderWithoutAReferencePriceCannotBeTradedHere() {
        Order order = Order.market("n-1", "pf-1", "AAA", OrderSide.BUY, BigDecimal.TEN, Optional.empty());

        assertThatThrownBy(() -> venue.submit(order)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order n-1: referencePrice is missing; the paper venue fills at the price the order was sized at"
                        + " (the last close) and has no other source of prices");
    }

    @Test
    void anUnknownVenueOrderIdIsNamed() {
        assertThatThrownBy(() -> venue.fills("paper-nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("venueOrderId paper-nope: the paper venue has no such order (it keeps its orders in memory only while the plugin runs)");
    }

    @Test
    void badParametersAreRefusedNamingTheParameterAndNothingTrades() {
        assertRefused(Map.of("slippageBps", -1), "parameter slippageBps: must be at least 0.0, got -1.0");
        assertRefused(Map.of("feeBps", 1000.5), "parameter feeBps: must be at most 1000.0, got 1000.5");
        assertRefused(Map.of("minimumFee", "-0.01"), "parameter minimumFee: must be at least 0.0, got -0.01");
        assertRefused(Map.of("minimumFee", "one"), "parameter minimumFee: must be a finite number, got 'one'");
        assertRefused(Map.of("feeBps", Double.NaN), "parameter feeBps: must be a finite number, got NaN");
        assertRefused(Map.of("feeBps", true), "parameter feeBps: must be a finite number, got true");
        assertRefused(Map.of("currency", "XYZ"), "parameter currency: XYZ is not an ISO 4217 currency code");
        assertRefused(Map.of("currency", 840), "parameter currency: must be text, got 840");
        assertRefused(Map.of("currency", "XAU"), "parameter currency: XAU has no minor unit to round fees to");
        assertRefused(Map.of("slipageBps", 5), "parameter slipageBps: is not a parameter of paper; it takes"
                + " [slippageBps, feeBps, minimumFee, currency]");

        OrderAck later = venue.submit(market("bad", OrderSide.BUY, "1", "10", Map.of()));
        assertThat(later.accepted()).as("a refused order leaves its id unused").isTrue();
    }

    @Test
    void itDescribesItselfAndItsParametersWithDefaultsAndRanges() {
        assertThat(venue.id()).isEqualTo("paper");
        assertThat(venue.version()).isEqualTo("1.0.0");
        assertThat(venue.parameters()).extracting(ParameterSpec::name, ParameterSpec::defaultValue, ParameterSpec::minimum, ParameterSpec::maximum)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("slippageBps", Optional.of(5.0), Optional.of(0.0), Optional.of(1000.0)),
                        org.assertj.core.groups.Tuple.tuple("feeBps", Optional.of(10.0), Optional.of(0.0), Optional.of(1000.0)),
                        org.assertj.core.groups.Tuple.tuple("minimumFee", Optional.of(1.0), Optional.of(0.0), Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("currency", Optional.of("USD"), Optional.empty(), Optional.empty()));
    }

    private void assertRefused(Map<String, Object> parameters, String message) {
        assertThatThrownBy(() -> venue.submit(market("bad", OrderSide.BUY, "1", "10", parameters)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private Fill filled(Order order) {
        OrderAck ack = venue.submit(order);
        assertThat(ack.accepted()).as("accepted: %s", ack).isTrue();
        return single(venue.fills(ack.venueOrderId().orElseThrow()));
    }

    private static Fill single(List<Fill> fills) {
        assertThat(fills).hasSize(1);
        return fills.getFirst();
    }

    private static Order market(String clientOrderId, OrderSide side, String quantity, String referencePrice, Map<String, Object> parameters) {
        return new Order(clientOrderId, "pf-1", "AAA", side, new BigDecimal(quantity), OrderType.MARKET, Optional.empty(),
                Optional.of(new BigDecimal(referencePrice)), parameters);
    }

    private static Order limit(String clientOrderId, OrderSide side, String quantity, String limitPrice, String referencePrice) {
        return limitWith(clientOrderId, side, quantity, limitPrice, referencePrice, Map.of());
    }

    private static Order limitWith(String clientOrderId, OrderSide side, String quantity, String limitPrice, String referencePrice,
            Map<String, Object> parameters) {
        return new Order(clientOrderId, "pf-1", "AAA", side, new BigDecimal(quantity), OrderType.LIMIT,
                Optional.of(new BigDecimal(limitPrice)), Optional.of(new BigDecimal(referencePrice)), parameters);
    }
}
