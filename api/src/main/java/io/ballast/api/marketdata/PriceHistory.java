package io.ballast.api.marketdata;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Daily closes of a set of assets over a run of trading days, aligned by day:
 * {@code closes(asset)[i]} is the asset's close on {@code dates().get(i)}, in the asset's price
 * currency per unit. A day on which an asset has no price (before its listing, after its
 * delisting, a gap in the data) holds {@link Double#NaN}: a missing price, never a zero.
 */
public final class PriceHistory {

    private static final PriceHistory EMPTY = new PriceHistory(List.of(), Map.of());

    private final List<LocalDate> dates;
    private final Map<String, double[]> closesByAsset;

    /**
     * @param dates         the trading days, strictly increasing
     * @param closesByAsset each asset's closes, one per day of {@code dates}; positive, or NaN where missing
     */
    public PriceHistory(List<LocalDate> dates, Map<String, double[]> closesByAsset) {
        this.dates = List.copyOf(Objects.requireNonNull(dates, "dates"));
        for (int i = 1; i < this.dates.size(); i++) {
            if (!this.dates.get(i).isAfter(this.dates.get(i - 1))) {
                throw new IllegalArgumentException("price history dates must be strictly increasing: "
                        + this.dates.get(i - 1) + " is followed by " + this.dates.get(i));
            }
        }
        Map<String, double[]> copy = new LinkedHashMap<>();
        Objects.requireNonNull(closesByAsset, "closesByAsset").forEach((asset, closes) -> {
            Objects.requireNonNull(asset, "asset");
            Objects.requireNonNull(closes, () -> "closes of " + asset);
            if (closes.length != this.dates.size()) {
                throw new IllegalArgumentException("price history of " + asset + " has " + closes.length
                        + " closes for " + this.dates.size() + " dates");
            }
            for (int i = 0; i < closes.length; i++) {
                double close = closes[i];
                if (!Double.isNaN(close) && !(close > 0 && Double.isFinite(close))) {
                    throw new IllegalArgumentException("price history of " + asset + " on " + this.dates.get(i)
                            + ": a close must be positive (or NaN when missing), got " + close);
                }
            }
            copy.put(asset, closes.clone());
        });
        this.closesByAsset = Collections.unmodifiableMap(copy);
    }

    /** A history of no days and no assets. */
    public static PriceHistory empty() {
        return EMPTY;
    }

    /**
     * Aligns daily bars on the union of their days, using the close: a bar's day is the UTC date
     * of its {@link PriceBar#time()}, and an asset without a bar on a day has no price there (NaN),
     * as has an asset given no bars at all. Assets come in the map's iteration order (pass a
     * {@code LinkedHashMap} or {@code TreeMap} for a stable one); bars may come in any order.
     *
     * @throws IllegalArgumentException when a bar is listed under another asset than its own, or
     *                                  an asset has two bars on one day
     */
    public static PriceHistory ofBars(Map<String, List<PriceBar>> barsByAsset) {
        Objects.requireNonNull(barsByAsset, "barsByAsset");
        TreeSet<LocalDate> days = new TreeSet<>();
        barsByAsset.forEach((asset, bars) -> Objects.requireNonNull(bars, () -> "bars of " + asset)
                .forEach(bar -> days.add(dayOf(bar))));
        Map<LocalDate, Integer> indexOfDay = new HashMap<>();
        for (LocalDate day : days) {
            indexOfDay.put(day, indexOfDay.size());
        }
        Map<String, double[]> closesByAsset = new LinkedHashMap<>();
        barsByAsset.forEach((asset, bars) -> {
            double[] closes = new double[days.size()];
            Arrays.fill(closes, Double.NaN);
            for (PriceBar bar : bars) {
                if (!bar.asset().equals(asset)) {
                    throw new IllegalArgumentException("a bar of " + bar.asset() + " is listed under " + asset);
                }
                int index = indexOfDay.get(dayOf(bar));
                if (!Double.isNaN(closes[index])) {
                    throw new IllegalArgumentException("asset " + asset + " has two bars on " + dayOf(bar));
                }
                closes[index] = bar.close().doubleValue();
            }
            closesByAsset.put(asset, closes);
        });
        return new PriceHistory(new ArrayList<>(days), closesByAsset);
    }

    private static LocalDate dayOf(PriceBar bar) {
        return LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
    }

    /** The trading days, oldest first. */
    public List<LocalDate> dates() {
        return dates;
    }

    /** The assets, in the order they were given. */
    public List<String> assets() {
        return List.copyOf(closesByAsset.keySet());
    }

    /**
     * A copy of the asset's closes, one per day of {@link #dates()}, NaN where missing.
     *
     * @throws IllegalArgumentException when the history has no such asset
     */
    public double[] closes(String asset) {
        double[] closes = closesByAsset.get(asset);
        if (closes == null) {
            throw new IllegalArgumentException("asset " + asset + " is not in the price history; it has " + assets());
        }
        return closes.clone();
    }

    /** The asset's newest close that is not missing; empty when it has none (or is not in the history). */
    public OptionalDouble lastClose(String asset) {
        double[] closes = closesByAsset.get(asset);
        if (closes != null) {
            for (int i = closes.length - 1; i >= 0; i--) {
                if (!Double.isNaN(closes[i])) {
                    return OptionalDouble.of(closes[i]);
                }
            }
        }
        return OptionalDouble.empty();
    }

    /** The same assets over the days up to and including {@code lastDay} only, for a look-ahead-free view. */
    public PriceHistory until(LocalDate lastDay) {
        int end = 0;
        while (end < dates.size() && !dates.get(end).isAfter(lastDay)) {
            end++;
        }
        if (end == dates.size()) {
            return this;
        }
        Map<String, double[]> cut = new LinkedHashMap<>();
        int days = end;
        closesByAsset.forEach((asset, closes) -> cut.put(asset, Arrays.copyOf(closes, days)));
        return new PriceHistory(new ArrayList<>(dates.subList(0, end)), cut);
    }

    /**
     * The days from {@code firstDay} to {@code lastDay}, both included, of the same assets. The
     * result may hold no day at all.
     *
     * @throws IllegalArgumentException when {@code firstDay} is after {@code lastDay}
     */
    public PriceHistory between(LocalDate firstDay, LocalDate lastDay) {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
        if (firstDay.isAfter(lastDay)) {
            throw new IllegalArgumentException("the window starts on " + firstDay + ", after it ends on " + lastDay);
        }
        int start = 0;
        while (start < dates.size() && dates.get(start).isBefore(firstDay)) {
            start++;
        }
        int end = start;
        while (end < dates.size() && !dates.get(end).isAfter(lastDay)) {
            end++;
        }
        if (start == 0 && end == dates.size()) {
            return this;
        }
        Map<String, double[]> cut = new LinkedHashMap<>();
        int from = start;
        int to = end;
        closesByAsset.forEach((asset, closes) -> cut.put(asset, Arrays.copyOfRange(closes, from, to)));
        return new PriceHistory(new ArrayList<>(dates.subList(start, end)), cut);
    }

    /**
     * The history of the given assets only, in the given order. Days on which none of them has a
     * close are left out: they are not trading days of that set of assets, and keeping them would
     * put a day without any price between two that have one.
     *
     * @throws IllegalArgumentException when {@code assets} is empty, repeats an asset or names one
     *                                  that is not in the history
     */
    public PriceHistory select(List<String> assets) {
        Objects.requireNonNull(assets, "assets");
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("no assets were selected");
        }
        Map<String, double[]> selected = new LinkedHashMap<>();
        for (String asset : assets) {
            double[] closes = closesByAsset.get(asset);
            if (closes == null) {
                throw new IllegalArgumentException("asset " + asset + " is not in the price history; it has " + assets());
            }
            if (selected.put(asset, closes) != null) {
                throw new IllegalArgumentException("asset " + asset + " is selected twice");
            }
        }
        boolean[] kept = new boolean[dates.size()];
        int keptCount = 0;
        for (int day = 0; day < dates.size(); day++) {
            for (double[] closes : selected.values()) {
                if (!Double.isNaN(closes[day])) {
                    kept[day] = true;
                    keptCount++;
                    break;
                }
            }
        }
        List<LocalDate> keptDates = new ArrayList<>(keptCount);
        for (int day = 0; day < dates.size(); day++) {
            if (kept[day]) {
                keptDates.add(dates.get(day));
            }
        }
        Map<String, double[]> keptCloses = new LinkedHashMap<>();
        selected.forEach((asset, closes) -> {
            double[] column = new double[keptDates.size()];
            int next = 0;
            for (int day = 0; day < closes.length; day++) {
                if (kept[day]) {
                    column[next++] = closes[day];
                }
            }
            keptCloses.put(asset, column);
        });
        return new PriceHistory(keptDates, keptCloses);
    }
}
