package io.ballast.api.marketdata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

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
}
