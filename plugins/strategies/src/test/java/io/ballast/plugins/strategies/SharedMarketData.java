package io.ballast.plugins.strategies;

import io.ballast.api.marketdata.PriceHistory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public market data of {@code ballast.shared.data}, read where it is: the 20 stocks of
 * {@code stock_prices.csv} and SPY of {@code spy_prices.csv}, on the union of their dates (an empty
 * cell or a date a file does not have is NaN).
 */
final class SharedMarketData {

    private static PriceHistory loaded;

    private SharedMarketData() {
    }

    static synchronized PriceHistory stocksAndSpy() {
        if (loaded == null) {
            Path folder = Path.of(System.getProperty("ballast.shared.data"));
            Map<String, Map<LocalDate, Double>> columns = new LinkedHashMap<>();
            read(folder.resolve("stock_prices.csv"), columns);
            read(folder.resolve("spy_prices.csv"), columns);
            TreeSet<LocalDate> dates = new TreeSet<>();
            columns.values().forEach(column -> dates.addAll(column.keySet()));
            Map<String, double[]> closes = new LinkedHashMap<>();
            columns.forEach((asset, column) ->
                    closes.put(asset, dates.stream().mapToDouble(date -> column.getOrDefault(date, Double.NaN)).toArray()));
            loaded = new PriceHistory(new ArrayList<>(dates), closes);
        }
        return loaded;
    }

    private static void read(Path file, Map<String, Map<LocalDate, Double>> columns) {
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.getFirst().split(",", -1);
            for (int column = 1; column < header.length; column++) {
                columns.put(header[column], new TreeMap<>());
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                LocalDate date = LocalDate.parse(cells[0]);
                for (int column = 1; column < header.length; column++) {
                    if (!cells[column].isEmpty()) {
                        columns.get(header[column]).put(date, Double.parseDouble(cells[column]));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
