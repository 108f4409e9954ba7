package io.ballast.plugins.strategies;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.StrategyContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.DoubleStream;

/**
 * The daily closes a strategy measures, oldest first, ending with the last close on or before the
 * context's {@code asOf}: one asset's closes with its missing days left out, or an index built from
 * several assets. Windows are counted in these closes ("252 days" is the last 252 observed closes).
 */
final class CloseSeries {

    private final String label;
    private final LocalDate asOf;
    private final double[] closes;
    private final Optional<LocalDate> lastCloseDay;
    private final Optional<LocalDate> historyLastDay;

    CloseSeries(String label, LocalDate asOf, double[] closes) {
        this(label, asOf, closes, Optional.empty(), Optional.empty());
    }

    private CloseSeries(String label, LocalDate asOf, double[] closes, Optional<LocalDate> lastCloseDay, Optional<LocalDate> historyLastDay) {
        this.label = label;
        this.asOf = asOf;
        this.closes = closes;
        this.lastCloseDay = lastCloseDay;
        this.historyLastDay = historyLastDay;
    }

    /**
     * The asset's observed closes up to {@code asOf}. A missing close (before listing, a gap) is left
     * out rather than filled, so a window never spans made-up prices.
     */
    static CloseSeries of(StrategyContext context, String asset) {
        // the context already refuses a history past asOf; cutting again keeps that true whoever built it
        PriceHistory history = context.prices().until(context.asOf());
        double[] all = history.closes(asset);
        List<LocalDate> dates = history.dates();
        int last = all.length - 1;
        while (last >= 0 && Double.isNaN(all[last])) {
            last--;
        }
        double[] closes = Arrays.stream(all).filter(close -> !Double.isNaN(close)).toArray();
        return new CloseSeries("asset " + asset, context.asOf(), closes,
                last >= 0 ? Optional.of(dates.get(last)) : Optional.empty(), dates.isEmpty() ? Optional.empty() : Optional.of(dates.getLast()));
    }

    /**
     * The universe held in equal weights, rebalanced daily: the index starts at 1 on the first day
     * any universe asset has a close, and each later day moves by the mean simple return of the
     * assets that have one that day (a close that day and the day before). A day on which no asset
     * has a return is left out; an asset joins the index once it is listed.
     */
    static CloseSeries equalWeightedIndex(StrategyContext context) {
        PriceHistory prices = context.prices().until(context.asOf());
        List<double[]> closesByAsset = context.universe().stream().map(prices::closes).toList();
        DoubleStream.Builder levels = DoubleStream.builder();
        double level = Double.NaN;
        for (int day = 0; day < prices.dates().size(); day++) {
            if (Double.isNaN(level)) {
                int today = day;
                if (closesByAsset.stream().anyMatch(closes -> !Double.isNaN(closes[today]))) {
                    level = 1;
                    levels.add(level);
                }
                continue;
            }
            double sumOfReturns = 0;
            int returns = 0;
            for (double[] closes : closesByAsset) {
                if (!Double.isNaN(closes[day]) && !Double.isNaN(closes[day - 1])) {
                    sumOfReturns += closes[day] / closes[day - 1] - 1;
                    returns++;
                }
            }
            if (returns > 0) {
                level *= 1 + sumOfReturns / returns;
                levels.add(level);
            }
        }
        return new CloseSeries("equal-weighted index of the universe " + context.universe(), context.asOf(), levels.build().toArray());
    }

    /** What the series is, for a person: {@code asset AAPL}, or the index it is. */
    String label() {
        return label;
    }

    /**
     * Why the series' last close is too old to act on: more than {@code maxStaleDays} calendar days
     * before the history's last day (a delisted or suspended asset, a feed that stopped); empty when
     * it is recent enough, or for an index (built from whichever assets have prices each day).
     */
    Optional<String> staleness(int maxStaleDays) {
        if (lastCloseDay.isEmpty() || historyLastDay.isEmpty()) {
            return Optional.empty();
        }
        long staleDays = ChronoUnit.DAYS.between(lastCloseDay.get(), historyLastDay.get());
        return staleDays <= maxStaleDays ? Optional.empty() : Optional.of(label + ": its last close is on " + lastCloseDay.get()
                + ", " + staleDays + " calendar days before the history's last day " + historyLastDay.get()
                + " (maxStaleDays " + maxStaleDays + "); a stale price gives no signal");
    }

    int count() {
        return closes.length;
    }

    /**
     * @param why how the need follows from the parameters, e.g. {@code lookbackDays 252 + 1}
     * @throws IllegalArgumentException naming the series and how many closes it needs, when it has fewer
     */
    CloseSeries requireAtLeast(int needed, String strategyId, String why) {
        if (closes.length < needed) {
            throw new IllegalArgumentException(label + " has " + closes.length + " closes up to " + asOf + "; "
                    + strategyId + " needs at least " + needed + " (" + why + ")");
        }
        return this;
    }

    /** The close {@code daysAgo} closes before the last one (0 is the last close). */
    double daysAgo(int daysAgo) {
        return closes[closes.length - 1 - daysAgo];
    }

    /** The last {@code count} closes, oldest first. */
    double[] last(int count) {
        return Arrays.copyOfRange(closes, closes.length - count, closes.length);
    }

    /**
     * The simple daily returns {@code p_t / p_(t-1) - 1} of the closes from {@code fromDaysAgo} to
     * {@code toDaysAgo} closes before the last one: {@code fromDaysAgo - toDaysAgo} returns, oldest first.
     */
    double[] simpleReturns(int fromDaysAgo, int toDaysAgo) {
        double[] returns = new double[fromDaysAgo - toDaysAgo];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = daysAgo(fromDaysAgo - i - 1) / daysAgo(fromDaysAgo - i) - 1;
        }
        return returns;
    }

    /** The log daily returns {@code ln(p_t / p_(t-1))}, over the same span as {@link #simpleReturns}. */
    double[] logReturns(int fromDaysAgo, int toDaysAgo) {
        double[] returns = new double[fromDaysAgo - toDaysAgo];
        for (int i = 0; i < returns.length; i++) {
            returns[i] = Math.log(daysAgo(fromDaysAgo - i - 1) / daysAgo(fromDaysAgo - i));
        }
        return returns;
    }
}
