package io.ballast.plugins.execution.paper;

import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.execution.OrderType;
import io.ballast.api.plugin.ParameterSpec;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.pf4j.Extension;

/**
 * A venue that trades nothing real: it fills each order at once and in full at the price the
 * platform sized it at ({@link Order#referencePrice()}, the last close), moved against the trader by
 * the slippage, and charges a fee ({@link PaperCosts} has the arithmetic). A limit order fills only
 * when that slipped price is within its limit (a buy at or below it, a sell at or above it);
 * otherwise it is rejected with both prices in the reason, because the paper venue prices an order
 * once, when it arrives, and sees no later prices to fill it at.
 *
 * <p>Costs come from each order's parameters ({@link PaperCosts#SPECS}), so one venue serves
 * portfolios with different cost models. A client order id seen again answers as the first time
 * and never trades twice; a different order under a used id is rejected.
 *
 * <p>It is the one extension here that holds state: the orders it answered, in memory, for
 * {@link #fills} to find. They live as long as the plugin runs; after a restart of the plugin or
 * the platform the venue knows none of them (the platform keeps the fills it booked).
 * Thread-safe: each client order id is executed once, whichever thread submits it.
 */
@Extension
public class PaperExecutionVenue implements ExecutionVenue {

    private final Clock clock;
    private final ConcurrentMap<String, PaperExecution> byClientOrderId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, PaperExecution> byVenueOrderId = new ConcurrentHashMap<>();

    public PaperExecutionVenue() {
        this(Clock.systemUTC());
    }

    /** @param clock the time acks and fills carry */
    PaperExecutionVenue(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String id() {
        return "paper";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Paper trading: fills each order at once at its reference price (the last close) moved against the trader by"
                + " slippageBps, with a fee of feeBps of the notional but at least minimumFee; a limit order fills only when"
                + " that price is within its limit.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PaperCosts.SPECS;
    }

    /**
     * @throws IllegalArgumentException when the order has no reference price (the paper venue has no
     *         other source of prices) or a parameter is unknown or out of range; the message names it
     */
    @Override
    public OrderAck submit(Order order) {
        Objects.requireNonNull(order, "order");
        PaperCosts costs = PaperCosts.from(order.parameters());
        BigDecimal referencePrice = order.referencePrice().orElseThrow(() -> new IllegalArgumentException("order "
                + order.clientOrderId() + ": referencePrice is missing; the paper venue fills at the price the order was sized at"
                + " (the last close) and has no other source of prices"));
        PaperExecution execution = byClientOrderId.computeIfAbsent(order.clientOrderId(),
                clientOrderId -> execute(order, costs, referencePrice));
        if (!sameOrder(execution.order(), order)) {
            return OrderAck.rejected(order.clientOrderId(), "client order id " + order.clientOrderId()
                    + " was already used for a different order; the paper venue does not reuse it", clock.instant());
        }
        return execution.ack();
    }

    /**
     * Whether a resubmission is the order seen before: numbers compared by value, so 100.00 is 100
     * ({@link BigDecimal#equals} would tell them apart by their scale).
     */
    static boolean sameOrder(Order seen, Order again) {
        return seen.clientOrderId().equals(again.clientOrderId()) && seen.portfolioId().equals(again.portfolioId())
                && seen.asset().equals(again.asset()) && seen.side() == again.side() && seen.type() == again.type()
                && seen.quantity().compareTo(again.quantity()) == 0
                && samePrice(seen.limitPrice(), again.limitPrice()) && samePrice(seen.referencePrice(), again.referencePrice())
                && sameParameters(seen.parameters(), again.parameters());
    }

    private static boolean samePrice(Optional<BigDecimal> seen, Optional<BigDecimal> again) {
        return seen.isPresent() == again.isPresent() && seen.map(price -> price.compareTo(again.orElseThrow()) == 0).orElse(true);
    }

    private static boolean sameParameters(Map<String, Object> seen, Map<String, Object> again) {
        if (!seen.keySet().equals(again.keySet())) {
            return false;
        }
        return seen.keySet().stream().allMatch(name -> {
            Object a = seen.get(name);
            Object b = again.get(name);
            if (a instanceof Number x && b instanceof Number y) {
                return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
            }
            return Objects.equals(a, b);
        });
    }

    @Override
    public List<Fill> fills(String venueOrderId) {
        PaperExecution execution = byVenueOrderId.get(Objects.requireNonNull(venueOrderId, "venueOrderId"));
        if (execution == null) {
            throw new IllegalArgumentException("venueOrderId " + venueOrderId + ": the paper venue has no such order"
                    + " (it keeps its orders in memory only while the plugin runs)");
        }
        return execution.fills();
    }

    /** Nothing is ever left to cancel: an accepted order filled in full when it arrived. */
    @Override
    public boolean cancel(String venueOrderId) {
        return false;
    }

    private PaperExecution execute(Order order, PaperCosts costs, BigDecimal referencePrice) {
        Instant now = clock.instant();
        BigDecimal fillPrice = costs.fillPrice(order.side(), referencePrice);
        if (order.type() == OrderType.LIMIT) {
            BigDecimal limit = order.limitPrice().orElseThrow();
            boolean buy = order.side() == OrderSide.BUY;
            int comparison = fillPrice.compareTo(limit);
            if (buy ? comparison > 0 : comparison < 0) {
                return PaperExecution.rejected(order, OrderAck.rejected(order.clientOrderId(), "limit " + order.side()
                        + " of " + order.asset() + " at " + limit.toPlainString() + ": the fill price " + fillPrice.toPlainString()
                        + " (reference " + referencePrice.toPlainString() + (buy ? " plus " : " minus ")
                        + PaperCosts.plain(costs.slippageBps()).toPlainString() + " bp slippage) is " + (buy ? "above" : "below")
                        + " the limit, and the paper venue prices an order only when it arrives", now));
            }
        }
        String venueOrderId = "paper-" + UUID.randomUUID();
        BigDecimal notional = order.quantity().multiply(fillPrice);
        Fill fill = new Fill(venueOrderId + "-1", venueOrderId, order.clientOrderId(), order.asset(), order.side(), order.quantity(),
                fillPrice, costs.fee(notional), costs.currency().getCurrencyCode(), now);
        PaperExecution execution = new PaperExecution(order, OrderAck.accepted(order.clientOrderId(), venueOrderId, now), List.of(fill));
        byVenueOrderId.put(venueOrderId, execution);
        return execution;
    }
}
