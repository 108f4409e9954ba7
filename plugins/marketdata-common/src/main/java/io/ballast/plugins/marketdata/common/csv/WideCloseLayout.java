package io.ballast.plugins.marketdata.common.csv;

import io.ballast.api.marketdata.PriceBar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wide layout {@code date,AAPL,MSFT,...}: each cell a close; see {@link BarFile}. */
final class WideCloseLayout {

    private WideCloseLayout() {
    }

    static Map<String, List<PriceBar>> bars(CsvTable table) {
        CsvRow header = table.header();
        if (!header.cell(0).equalsIgnoreCase("date")) {
            throw header.error(0, "the header must start with 'date'");
        }
        if (header.cells().size() < 2) {
            throw header.error(1, "the header names no asset after 'date'");
        }
        Map<String, List<PriceBar>> barsByAsset = new LinkedHashMap<>();
        Map<String, Integer> columnByAsset = new HashMap<>();
        for (int column = 1; column < header.cells().size(); column++) {
            String asset = header.cell(column);
            if (asset.isEmpty()) {
                throw header.error(column, "the asset name is empty");
            }
            Integer earlier = columnByAsset.putIfAbsent(asset, column);
            if (earlier != null) {
                throw header.error(column, "asset " + asset + " is already column " + (earlier + 1));
            }
            barsByAsset.put(asset, new ArrayList<>());
        }
        Map<LocalDate, Long> lineByDay = new HashMap<>();
        for (CsvRow row : table.rows()) {
            int width = header.cells().size();
            if (row.cells().size() != width) {
                int column = Math.min(row.cells().size(), width);
                throw row.error(column, "the row has " + row.cells().size() + " cells but the header has " + width);
            }
            LocalDate day = row.day(0);
            Long earlier = lineByDay.putIfAbsent(day, row.line());
            if (earlier != null) {
                throw row.error(0, "day " + day + " is already on line " + earlier);
            }
            Instant time = day.atStartOfDay(ZoneOffset.UTC).toInstant();
            for (int column = 1; column < width; column++) {
                if (!row.cell(column).isEmpty()) {
                    String asset = header.cell(column);
                    BigDecimal close = row.price(column);
                    barsByAsset.get(asset).add(new PriceBar(asset, time, close, close, close, close, BigDecimal.ZERO));
                }
            }
        }
        return barsByAsset;
    }
}
