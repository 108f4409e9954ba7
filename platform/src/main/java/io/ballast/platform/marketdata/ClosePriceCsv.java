package io.ballast.platform.marketdata;

import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes closing prices as a wide CSV: header {@code date,TICK1,TICK2,...} in instrument order, then
 * one row per day that has any bar, ISO dates, plain decimals, and an empty cell where an asset has no
 * bar that day (an equity on a weekend). The layout of common price-history files, so the sample
 * can be read by the same tools.
 */
public final class ClosePriceCsv {

    private ClosePriceCsv() {
    }

    public static void write(SampleMarket market, Appendable out) throws IOException {
        List<Instrument> instruments = market.instruments();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            column.put(instruments.get(i).id(), i);
        }
        Map<LocalDate, BigDecimal[]> rows = new TreeMap<>();
        for (PriceBar bar : market.bars()) {
            Integer index = column.get(bar.asset());
            if (index == null) {
                throw new IllegalArgumentException("bar of " + bar.asset() + ", which is not among the instruments");
            }
            LocalDate day = LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
            rows.computeIfAbsent(day, d -> new BigDecimal[instruments.size()])[index] = bar.close();
        }

        out.append("date");
        for (Instrument instrument : instruments) {
            out.append(',').append(instrument.id());
        }
        out.append('\n');
        for (Map.Entry<LocalDate, BigDecimal[]> row : rows.entrySet()) {
            out.append(row.getKey().toString());
            for (BigDecimal close : row.getValue()) {
                out.append(',');
                if (close != null) {
                    out.append(close.toPlainString());
                }
            }
            out.append('\n');
        }
    }
}
