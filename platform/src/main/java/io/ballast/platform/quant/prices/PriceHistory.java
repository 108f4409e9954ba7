package io.ballast.platform.quant.prices;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.platform.problem.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Closing prices of a universe of assets on ascending, unique dates: {@code closes[date][asset]}
 * in the price currency per unit, NaN where an asset has no price that day (before it listed,
 * after it delisted, or a day it did not trade). Every price is positive and finite, there are
 * at least two dates, and every asset has at least one price. Immutable: accessors return copies.
 */
public final class PriceHistory {

    static final String FIELD = "prices";

    private final List<LocalDate> dates;
    private final List<String> assets;
    private final double[][] closes;

    /**
     * @param dates ascending and unique
     * @param assets unique, non-blank identifiers (tickers)
     * @param closes one row per date, one column per asset; NaN for no price
     * @throws InvalidInputException (field {@code prices}) when any of the above does not hold
     */
    public PriceHistory(List<LocalDate> dates, List<String> assets, double[][] closes) {
        this(deepCopy(Objects.requireNonNull(closes, "closes")), dates, assets);
    }

    /** Takes ownership of {@code closes}: the factories build it fresh, so it is not copied again. */
    PriceHistory(double[][] closes, List<LocalDate> dates, List<String> assets) {
        this.dates = List.copyOf(Objects.requireNonNull(dates, "dates"));
        this.assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        requireAscending(FIELD, this.dates);
        requireUniqueAssets(FIELD, this.assets);
        if (this.dates.size() < 2) {
            throw new InvalidInputException(FIELD, "the prices cover " + this.dates.size()
                    + (this.dates.size() == 1 ? " date" : " dates") + "; at least two are needed");
        }
        if (closes.length != this.dates.size()) {
            throw new InvalidInputException(FIELD, closes.length + " rows of prices for " + this.dates.size() + " dates");
        }
        this.closes = new double[closes.length][];
        for (int d = 0; d < closes.length; d++) {
            if (closes[d].length != this.assets.size()) {
                throw new InvalidInputException(FIELD, "the prices of " + this.dates.get(d) + " have " + closes[d].length
                        + " entries for " + this.assets.size() + " assets");
            }
            this.closes[d] = closes[d];
            for (int a = 0; a < this.assets.size(); a++) {
                double close = this.closes[d][a];
                if (!Double.isNaN(close) && !(close > 0 && Double.isFinite(close))) {
                    throw new InvalidInputException(FIELD, this.assets.get(a) + " on " + this.dates.get(d) + ": price " + close
                            + " must be positive and finite");
                }
            }
        }
        for (int a = 0; a < this.assets.size(); a++) {
            if (!hasAnyPrice(a)) {
                throw new InvalidInputException(FIELD, "asset " + this.assets.get(a) + " has no price at all");
            }
        }
    }

    /**
     * Aligns stored daily bars on the union of their dates (the UTC date of each bar's time),
     * using the close; an asset without a bar on a date has no price there. Assets come in the
     * map's iteration order (pass a {@code LinkedHashMap} or {@code TreeMap} for a stable one).
     */
    public static PriceHistory fromBars(Map<String, List<PriceBar>> barsByAsset) {
        Objects.requireNonNull(barsByAsset, "barsByAsset");
        if (barsByAsset.isEmpty()) {
            throw new InvalidInputException(FIELD, "no assets were given");
        }
        List<String> assets = new ArrayList<>(barsByAsset.keySet());
        TreeMap<LocalDate, double[]> rows = new TreeMap<>();
        for (int a = 0; a < assets.size(); a++) {
            String asset = assets.get(a);
            List<PriceBar> bars = barsByAsset.get(asset);
            if (bars == null || bars.isEmpty()) {
                throw new InvalidInputException(FIELD, "asset " + asset + " has no bars");
            }
            for (PriceBar bar : bars) {
                if (!bar.asset().equals(asset)) {
                    throw new InvalidInputException(FIELD, "a bar of " + bar.asset() + " is listed under " + asset);
                }
                LocalDate day = LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
                double[] row = rows.computeIfAbsent(day, d -> nanRow(assets.size()));
                if (!Double.isNaN(row[a])) {
                    throw new InvalidInputException(FIELD, "asset " + asset + " has two bars on " + day);
                }
                row[a] = bar.close().doubleValue();
            }
        }
        return new PriceHistory(rows.values().toArray(double[][]::new), new ArrayList<>(rows.keySet()), assets);
    }

    public List<LocalDate> dates() {
        return dates;
    }

    public List<String> assets() {
        return assets;
    }

    public int dateCount() {
        return dates.size();
    }

    public int assetCount() {
        return assets.size();
    }

    /** The close of one asset on one date (indices into {@link #dates()} and {@link #assets()}); NaN for none. */
    public double close(int date, int asset) {
        return closes[date][asset];
    }

    /** A copy of all closes, {@code [date][asset]}. */
    public double[][] closes() {
        return deepCopy(closes);
    }

    /**
     * The sub-universe of the given assets, in the given order. Dates on which none of them has a
     * price are left out: they are not trading days of the sub-universe, and keeping them would
     * break the returns around them.
     *
     * @throws InvalidInputException (field {@code assets}) for an unknown or repeated asset or an empty list
     */
    public PriceHistory select(List<String> selected) {
        Objects.requireNonNull(selected, "selected");
        if (selected.isEmpty()) {
            throw new InvalidInputException("assets", "no assets were selected");
        }
        Map<String, Integer> column = new HashMap<>();
        for (int a = 0; a < assets.size(); a++) {
            column.put(assets.get(a), a);
        }
        int[] columns = new int[selected.size()];
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < selected.size(); s++) {
            String asset = selected.get(s);
            Integer index = column.get(asset);
            if (index == null) {
                throw new InvalidInputException("assets", "unknown asset " + asset + "; the prices have " + String.join(", ", assets));
            }
            if (!seen.add(asset)) {
                throw new InvalidInputException("assets", "asset " + asset + " is selected twice");
            }
            columns[s] = index;
        }
        List<LocalDate> keptDates = new ArrayList<>();
        List<double[]> keptRows = new ArrayList<>();
        for (int d = 0; d < closes.length; d++) {
            double[] row = new double[columns.length];
            boolean anyPrice = false;
            for (int s = 0; s < columns.length; s++) {
                row[s] = closes[d][columns[s]];
                anyPrice |= !Double.isNaN(row[s]);
            }
            if (anyPrice) {
                keptDates.add(dates.get(d));
                keptRows.add(row);
            }
        }
        return new PriceHistory(keptRows.toArray(double[][]::new), keptDates, selected);
    }

    /**
     * The dates from {@code from} to {@code to}, both inclusive.
     *
     * @throws InvalidInputException (field {@code prices}) when the window is inverted, holds fewer
     *     than two dates, or leaves an asset without any price
     */
    public PriceHistory between(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new InvalidInputException(FIELD, "the window starts on " + from + ", after it ends on " + to);
        }
        List<LocalDate> keptDates = new ArrayList<>();
        List<double[]> keptRows = new ArrayList<>();
        for (int d = 0; d < closes.length; d++) {
            LocalDate date = dates.get(d);
            if (!date.isBefore(from) && !date.isAfter(to)) {
                keptDates.add(date);
                keptRows.add(closes[d]);
            }
        }
        if (keptDates.size() < 2) {
            throw new InvalidInputException(FIELD, "the window " + from + " to " + to + " holds " + keptDates.size()
                    + (keptDates.size() == 1 ? " date" : " dates") + "; at least two are needed");
        }
        return new PriceHistory(keptRows.toArray(double[][]::new), keptDates, assets);
    }

    private boolean hasAnyPrice(int asset) {
        for (double[] row : closes) {
            if (!Double.isNaN(row[asset])) {
                return true;
            }
        }
        return false;
    }

    private static double[] nanRow(int length) {
        double[] row = new double[length];
        Arrays.fill(row, Double.NaN);
        return row;
    }

    static double[][] deepCopy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int row = 0; row < matrix.length; row++) {
            copy[row] = matrix[row].clone();
        }
        return copy;
    }

    static void requireAscending(String field, List<LocalDate> dates) {
        for (int d = 1; d < dates.size(); d++) {
            if (!dates.get(d).isAfter(dates.get(d - 1))) {
                throw new InvalidInputException(field, "date " + dates.get(d) + " follows " + dates.get(d - 1)
                        + "; dates must ascend without repeats");
            }
        }
    }

    static void requireUniqueAssets(String field, List<String> assets) {
        if (assets.isEmpty()) {
            throw new InvalidInputException(field, "there are no assets");
        }
        Set<String> seen = new HashSet<>();
        for (String asset : assets) {
            if (asset == null || asset.isBlank()) {
                throw new InvalidInputException(field, "an asset has a blank name");
            }
            if (!seen.add(asset)) {
                throw new InvalidInputException(field, "asset " + asset + " appears twice");
            }
        }
    }
}
