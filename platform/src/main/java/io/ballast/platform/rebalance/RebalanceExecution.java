package io.ballast.platform.rebalance;

import io.ballast.api.execution.ExecutionVenue;
import io.ballast.api.execution.Fill;
import io.ballast.api.execution.Order;
import io.ballast.api.execution.OrderAck;
import io.ballast.api.execution.OrderSide;
import io.ballast.api.execution.OrderType;
import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Executes an approved rebalance's trades on an {@link ExecutionVenue}, one order at a time.
 *
 * <ul>
 *   <li>Sells first, then buys (each side in the order given): the sells bring in the cash the buys spend.</li>
 *   <li>A trade flagged for TWAP goes in {@link RebalanceTrade#sliceCount()} slices: the quantity's whole lots
 *       shared equally, rounded down, and what is left over in the last slice (1 005 units in lots of 5 over 4
 *       slices: 250, 250, 250, 255). A trade of fewer lots than slices goes in one slice per lot, the rest in the
 *       last. A trade not flagged is one slice. The lot is the one stored on the trade when it was proposed, so a
 *       configuration edited since does not re-cut an approved trade; only a trade stored before lot sizes were
 *       kept on the trade takes the settings' lot.</li>
 *   <li>Each slice is a market order whose client order id is its {@link ExecutionSlice#key() key}
 *       {@code <rebalanceId>:<asset>:<slice>} and whose reference price is the asset's {@link ExecutionPrices
 *       execution price}. The caller fixes those once for the rebalance, so an order sent again after a crash is
 *       the same order, and the venue answers it as the first time without trading twice.</li>
 *   <li>After each order the fills are polled until they reach its quantity; the slice is then handed to the
 *       caller ({@code onFilled}, to store it) before the next order goes out.</li>
 *   <li>A rejection, a venue that throws, fills that do not arrive within the timeout, or a caller that cannot
 *       store a slice stops the run: the result is {@link ExecutionStatus#FAILED} with what was filled and what
 *       was not executed, never a silent partial execution. Nothing is retried here: a run again, with the keys
 *       filled so far, goes on where this one stopped.</li>
 *   <li>Slices whose keys are in {@code alreadyFilled} (stored by an earlier run) are skipped.</li>
 * </ul>
 *
 * Slicing is the platform's: the venue sees plain orders. The run blocks its thread while it polls.
 */
public final class RebalanceExecution {

    private final ExecutionVenue venue;
    private final Map<String, Object> venueParameters;
    private final ProposalSettings settings;
    private final Duration fillTimeout;
    private final Duration pollInterval;

    /**
     * @param venue           where the orders go (e.g. {@code PluginHost.executionVenue("paper")})
     * @param venueParameters the venue's parameters, sent with every order (the paper venue's costs)
     * @param settings        the settings in force now: their lot sizes cut the slices of a trade stored without its own
     * @param fillTimeout     how long to wait for one order's fills before the run fails
     * @param pollInterval    the pause between two polls of an order's fills
     */
    public RebalanceExecution(ExecutionVenue venue, Map<String, Object> venueParameters, ProposalSettings settings, Duration fillTimeout,
                              Duration pollInterval) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.venueParameters = Map.copyOf(Objects.requireNonNull(venueParameters, "venueParameters"));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.fillTimeout = Objects.requireNonNull(fillTimeout, "fillTimeout");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        if (fillTimeout.isNegative() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("fillTimeout and pollInterval must not be negative");
        }
    }

    /**
     * Every order of the rebalance, in the order they are sent, each at its asset's price in {@code prices}.
     *
     * @throws InvalidInputException naming the field, when {@code rebalanceId} is blank, an asset is traded twice or
     *         a traded asset has no execution price
     */
    public List<ExecutionSlice> slices(String rebalanceId, List<RebalanceTrade> trades, ExecutionPrices prices) {
        if (rebalanceId == null || rebalanceId.isBlank()) {
            throw new InvalidInputException("rebalanceId", "is required");
        }
        if (trades == null) {
            throw new InvalidInputException("trades", "is missing");
        }
        Set<String> assets = new HashSet<>();
        for (int i = 0; i < trades.size(); i++) {
            if (!assets.add(trades.get(i).asset())) {
                throw new InvalidInputException("trades[" + i + "].asset",
                        trades.get(i).asset() + " is traded twice; a rebalance has one trade per asset, and its slices' keys name the asset");
            }
        }
        Objects.requireNonNull(prices, "prices");
        List<ExecutionSlice> slices = new ArrayList<>();
        for (OrderSide side : List.of(OrderSide.SELL, OrderSide.BUY)) {
            trades.stream().filter(trade -> trade.side() == side)
                    .forEach(trade -> slices.addAll(slice(rebalanceId, trade, prices.of(trade.asset()))));
        }
        return slices;
    }

    /**
     * Sends every slice not in {@code alreadyFilled} and waits for its fills.
     *
     * @param portfolioId   the portfolio the orders trade for
     * @param prices        each traded asset's execution price, the orders' reference price: the same in every run
     * @param alreadyFilled keys of slices an earlier run filled in full and stored
     * @param onFilled      told of each slice filled in full, before the next order goes out; when it throws, the
     *                      run stops as failed
     * @throws InvalidInputException as {@link #slices}
     */
    public RebalanceExecutionResult execute(String rebalanceId, String portfolioId, List<RebalanceTrade> trades, ExecutionPrices prices,
                                            Set<String> alreadyFilled, Consumer<ExecutedSlice> onFilled) {
        return execute(rebalanceId, portfolioId, trades, prices, alreadyFilled, slice -> {
        }, onFilled);
    }

    /**
     * As {@link #execute(String, String, List, ExecutionPrices, Set, Consumer)}, with {@code beforeOrder} told of each slice before
     * its order goes out (to extend the job's lock and renew the claim on the execution); when it throws, that
     * exception propagates and no further order is sent. What was filled by then was given to {@code onFilled}.
     */
    public RebalanceExecutionResult execute(String rebalanceId, String portfolioId, List<RebalanceTrade> trades, ExecutionPrices prices,
                                            Set<String> alreadyFilled, Consumer<ExecutionSlice> beforeOrder, Consumer<ExecutedSlice> onFilled) {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(beforeOrder, "beforeOrder");
        Objects.requireNonNull(alreadyFilled, "alreadyFilled");
        Objects.requireNonNull(onFilled, "onFilled");
        List<ExecutionSlice> slices = slices(rebalanceId, trades, prices);
        List<ExecutedSlice> executed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            ExecutionSlice slice = slices.get(i);
            if (alreadyFilled.contains(slice.key())) {
                skipped.add(slice.key());
                continue;
            }
            beforeOrder.accept(slice);
            Order order = new Order(slice.key(), portfolioId, slice.asset(), slice.side(), slice.quantity(), OrderType.MARKET,
                    Optional.empty(), Optional.of(slice.referencePrice()), venueParameters);
            OrderAck ack;
            try {
                ack = venue.submit(order);
            } catch (RuntimeException e) {
                return failed(rebalanceId, slice, "the venue did not take it: " + e.getMessage(), executed, skipped, slices.subList(i, slices.size()));
            }
            if (!ack.accepted()) {
                return failed(rebalanceId, slice, "rejected: " + ack.rejectionReason().orElse("no reason given"), executed, skipped,
                        slices.subList(i, slices.size()));
            }
            String venueOrderId = ack.venueOrderId().orElseThrow();
            Fills fills = awaitFills(slice, venueOrderId);
            ExecutedSlice done = new ExecutedSlice(slice, venueOrderId, fills.fills());
            if (fills.problem().isPresent()) {
                // a slice filled in part is reported with its fills; one with none is among those not executed
                if (!done.fills().isEmpty()) {
                    executed.add(done);
                }
                return failed(rebalanceId, slice, fills.problem().get(), executed, skipped,
                        slices.subList(done.fills().isEmpty() ? i : i + 1, slices.size()));
            }
            executed.add(done);
            try {
                onFilled.accept(done);
            } catch (RuntimeException e) {
                return failed(rebalanceId, slice, "it filled, but could not be recorded: " + e.getMessage(), executed, skipped,
                        slices.subList(i + 1, slices.size()));
            }
        }
        return new RebalanceExecutionResult(rebalanceId, venue.id(), ExecutionStatus.COMPLETED, executed, skipped, List.of(), Optional.empty());
    }

    private List<ExecutionSlice> slice(String rebalanceId, RebalanceTrade trade, BigDecimal price) {
        BigDecimal quantity = trade.quantity();
        BigDecimal lot = trade.storedLotSize().orElseGet(() -> settings.lotSize(trade.asset()));
        BigDecimal lots = quantity.divideToIntegralValue(lot);
        int count = trade.sliceCount();
        if (lots.compareTo(BigDecimal.valueOf(count)) < 0) {
            count = Math.max(1, lots.intValueExact());
        }
        BigDecimal share = lots.divideToIntegralValue(BigDecimal.valueOf(count)).multiply(lot);
        List<ExecutionSlice> slices = new ArrayList<>(count);
        for (int slice = 1; slice <= count; slice++) {
            BigDecimal sliceQuantity = slice < count ? share : quantity.subtract(share.multiply(BigDecimal.valueOf(count - 1L)));
            slices.add(new ExecutionSlice(ExecutionSlice.key(rebalanceId, trade.asset(), slice), trade.asset(), trade.side(), slice, count,
                    plain(sliceQuantity), price));
        }
        return slices;
    }

    /** The fills of one order, and what went wrong waiting for them, if anything. */
    private record Fills(List<Fill> fills, Optional<String> problem) {
    }

    private Fills awaitFills(ExecutionSlice slice, String venueOrderId) {
        long deadline = System.nanoTime() + fillTimeout.toNanos();
        List<Fill> fills = List.of();
        while (true) {
            try {
                fills = venue.fills(venueOrderId);
            } catch (RuntimeException e) {
                return new Fills(fills, Optional.of("the venue took it as order " + venueOrderId + " but did not report its fills: " + e.getMessage()));
            }
            BigDecimal filled = fills.stream().map(Fill::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (filled.compareTo(slice.quantity()) >= 0) {
                return new Fills(fills, Optional.empty());
            }
            if (System.nanoTime() - deadline >= 0) {
                boolean cancelled = cancel(venueOrderId);
                return new Fills(fills, Optional.of("the venue took it as order " + venueOrderId + " but filled only " + filled.toPlainString()
                        + " of " + slice.quantity().toPlainString() + " within " + fillTimeout
                        + (cancelled ? "; the rest is cancelled" : "; the rest could not be cancelled and may still fill")));
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Fills(fills, Optional.of("interrupted while waiting for the fills of order " + venueOrderId));
            }
        }
    }

    private boolean cancel(String venueOrderId) {
        try {
            return venue.cancel(venueOrderId);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private RebalanceExecutionResult failed(String rebalanceId, ExecutionSlice at, String problem, List<ExecutedSlice> executed,
                                            List<String> skipped, List<ExecutionSlice> notExecuted) {
        StringBuilder message = new StringBuilder("rebalance ").append(rebalanceId).append(" on venue ").append(venue.id())
                .append(" stopped at ").append(at.describe()).append(", order ").append(at.key()).append(": ").append(problem).append(". ");
        List<ExecutedSlice> withFills = executed.stream().filter(done -> !done.fills().isEmpty()).toList();
        message.append("Filled so far: ").append(withFills.isEmpty() ? "nothing" : withFills.stream().map(RebalanceExecution::describe)
                .collect(Collectors.joining(", ")));
        if (!skipped.isEmpty()) {
            message.append("; filled by an earlier run: ").append(String.join(", ", skipped));
        }
        message.append(". Not executed: ").append(notExecuted.isEmpty() ? "nothing" : notExecuted.stream().map(ExecutionSlice::describe)
                .collect(Collectors.joining(", "))).append('.');
        return new RebalanceExecutionResult(rebalanceId, venue.id(), ExecutionStatus.FAILED, executed, skipped, notExecuted,
                Optional.of(message.toString()));
    }

    /** e.g. {@code SELL 50 AAA (slice 1 of 1) at 99.9}, or {@code ... 40 of 100 at 40.04} for a slice filled in part. */
    private static String describe(ExecutedSlice done) {
        BigDecimal filled = done.filledQuantity();
        BigDecimal average = plain(done.filledNotional().divide(filled, MathContext.DECIMAL64));
        String part = done.complete() ? "" : " filled " + plain(filled).toPlainString() + " of " + done.slice().quantity().toPlainString();
        return done.slice().describe() + part + " at " + average.toPlainString();
    }

    /** Without trailing zeros, and never in exponent form. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
