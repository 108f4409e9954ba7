package io.ballast.plugins.marketdata.common.csv;

import io.ballast.api.marketdata.PriceBar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The long layout {@code date,asset,open,high,low,close,volume}: one row a bar; see {@link BarFile}. */
final class LongOhlcvLayout {

    static final List<String> COLUMNS = List.of("date", "asset", "open", "high", "low", "close", "volume");
    private static final int DATE = 0;
    private static final int ASSET = 1;
    private static final int OPEN = 2;
    private static final int HIGH = 3;
    private static final int LOW = 4;
    private static final int CLOSE = 5;
    private static final int VOLUME = 6;

    private LongOhlcvLayout() {
    }

    /** A header whose second column is {@code asset} is the long layout's (a wide file has no asset named so). */
    static boolean matches(CsvRow header) {
        return header.cells().size() > ASSET && header.cell(ASSET).equalsIgnoreCase(COLUMNS.get(ASSET));
    }

    static Map<String, List<PriceBar>> bars(CsvTable table) {
        CsvRow header = table.header();
        for (int column = 0; column < Math.max(COLUMNS.size(), header.cells().size()); column++) {
            String expected = column < COLUMNS.size() ? COLUMNS.get(column) : "nothing";
            String found = column < header.cells().size() ? header.cell(column) : "nothing";
            if (!expected.equalsIgnoreCase(found)) {
                throw header.error(column, "expected " + expected + "; a long file's header is " + String.join(",", COLUMNS));
            }
        }
        Map<String, List<PriceBar>> barsByAsset = new LinkedHashMap<>();
        Map<String, Map<LocalDate, Long>> lineByDayByAsset = new HashMap<>();
        for (CsvRow row : table.rows()) {
            if (row.cells().size() != COLUMNS.size()) {
                int column = Math.min(row.cells().size(), COLUMNS.size());
                throw row.error(column, "the row has " + row.cells().size() + " cells but the header has " + COLUMNS.size());
            }
            LocalDate day = row.day(DATE);
            String asset = row.cell(ASSET);
            if (asset.isEmpty()) {
                throw row.error(ASSET, "the asset is empty");
            }
            Long earlier = lineByDayByAsset.computeIfAbsent(asset, a -> new HashMap<>()).putIfAbsent(day, row.line());
            if (earlier != null) {
                throw row.error(DATE, "asset " + asset + " already has a bar on " + day + " on line " + earlier);
            }
            barsByAsset.computeIfAbsent(asset, a -> new ArrayList<>()).add(bar(row, asset, day));
        }
        return barsByAsset;
    }

    private static PriceBar bar(CsvRow row, String asset, LocalDate day) {
        BigDecimal open = row.price(OPEN);
        BigDecimal high = row.price(HIGH);
        BigDecimal low = row.price(LOW);
        BigDecimal close = row.price(CLOSE);
        BigDecimal volume = row.volume(VOLUME);
        BigDecimal highest = open.max(close).max(low);
        if (high.compareTo(highest) < 0) {
            throw row.error(HIGH, "high " + high + " is below the bar's open, low or close " + highest);
        }
        BigDecimal lowest = open.min(close);
        if (low.compareTo(lowest) > 0) {
            throw row.error(LOW, "low " + low + " is above the bar's open or close " + lowest);
        }
        return new PriceBar(asset, day.atStartOfDay(ZoneOffset.UTC).toInstant(), open, high, low, close, volume);
    }
}
