package io.ballast.plugins.marketdata.synthetic;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceHistory;
import io.ballast.plugins.marketdata.common.csv.BarFile;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The historical daily simple returns a bootstrap draws from: from a price file's closes aligned
 * by day (the file's days, all assets together), {@code r_t = p_t / p_(t-1) - 1} between one day
 * of the file and the one before it; only the days on which every asset has a return are kept, so
 * one drawn day moves every asset the way that day moved them together.
 *
 * @param assets       the file's assets, in its order
 * @param days         the days kept, oldest first
 * @param returnsByDay {@code returnsByDay[d][a]}: the return of {@code assets[a]} on {@code days[d]}
 */
record ReturnSample(List<String> assets, List<LocalDate> days, double[][] returnsByDay) {

    /**
     * @param parameter the parameter that named the file, for messages
     * @throws IllegalArgumentException when the file is bad (naming its line and column) or has no day on which every asset has a return
     */
    static ReturnSample read(Path file, String parameter) {
        BarFile bars;
        try {
            bars = BarFile.read(file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + parameter + ": " + e.getMessage(), e);
        }
        PriceHistory history = history(bars);
        List<String> assets = history.assets();
        double[][] closes = assets.stream().map(history::closes).toArray(double[][]::new);
        List<LocalDate> days = new ArrayList<>();
        List<double[]> returns = new ArrayList<>();
        for (int d = 1; d < history.dates().size(); d++) {
            double[] dayReturns = new double[assets.size()];
            for (int a = 0; a < assets.size(); a++) {
                // a missing price on either day is NaN here, and so is the return
                dayReturns[a] = closes[a][d] / closes[a][d - 1] - 1;
            }
            if (Arrays.stream(dayReturns).noneMatch(Double::isNaN)) {
                days.add(history.dates().get(d));
                returns.add(dayReturns);
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("parameter " + parameter + ": " + file + " has no day on which every asset "
                    + assets + " has a return (a close that day and on the file's day before)");
        }
        return new ReturnSample(assets, days, returns.toArray(double[][]::new));
    }

    private static PriceHistory history(BarFile bars) {
        TreeSet<LocalDate> allDays = new TreeSet<>();
        bars.barsByAsset().values().forEach(assetBars -> assetBars.forEach(bar -> allDays.add(day(bar))));
        List<LocalDate> days = List.copyOf(allDays);
        Map<String, double[]> closesByAsset = new LinkedHashMap<>();
        bars.barsByAsset().forEach((asset, assetBars) -> {
            double[] closes = new double[days.size()];
            Arrays.fill(closes, Double.NaN);
            assetBars.forEach(bar -> closes[Collections.binarySearch(days, day(bar))] = bar.close().doubleValue());
            closesByAsset.put(asset, closes);
        });
        return new PriceHistory(days, closesByAsset);
    }

    private static LocalDate day(PriceBar bar) {
        return LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
    }
}
