package io.ballast.plugins.marketdata.common.csv;

import io.ballast.api.marketdata.PriceBar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The daily bars of one CSV file, in either of two layouts told apart by the header:
 * <ul>
 *   <li><b>wide closes</b>, {@code date,AAPL,MSFT,...}: one row a day, one column an asset, each
 *       cell that day's close; an empty cell is a day without a bar (before listing). A bar's open,
 *       high and low are its close and its volume is zero, as the file knows only closes.</li>
 *   <li><b>long OHLCV</b>, {@code date,asset,open,high,low,close,volume}: one row a bar, any
 *       number of assets in one file (or one file an asset), rows in any order.</li>
 * </ul>
 * Header names are matched ignoring case; days are ISO {@code yyyy-MM-dd}; prices and volumes
 * are decimal numbers kept exactly as written. A bar's time is midnight UTC of its day.
 *
 * @param file         the file read
 * @param barsByAsset  each asset's bars, oldest first; assets in the order the file first names them
 */
public record BarFile(Path file, Map<String, List<PriceBar>> barsByAsset) {

    public BarFile {
        Objects.requireNonNull(file, "file");
        Map<String, List<PriceBar>> copy = new LinkedHashMap<>();
        barsByAsset.forEach((asset, bars) -> copy.put(asset, List.copyOf(bars)));
        barsByAsset = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads and checks the whole file.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds anything but bars in
     *                                  one of the two layouts; the message names the file, the line
     *                                  and the column (number and name) and says what is wrong
     */
    public static BarFile read(Path file) {
        CsvTable table = CsvTable.read(file);
        Map<String, List<PriceBar>> bars = LongOhlcvLayout.matches(table.header())
                ? LongOhlcvLayout.bars(table)
                : WideCloseLayout.bars(table);
        Map<String, List<PriceBar>> sorted = new LinkedHashMap<>();
        bars.forEach((asset, assetBars) -> {
            List<PriceBar> ordered = new ArrayList<>(assetBars);
            ordered.sort(Comparator.comparing(PriceBar::time));
            sorted.put(asset, ordered);
        });
        return new BarFile(file, sorted);
    }

    /** The assets of the file, in the order it first names them. */
    public List<String> assets() {
        return List.copyOf(barsByAsset.keySet());
    }
}
