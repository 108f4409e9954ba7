package io.ballast.platform.quant.risk.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Close prices of a CSV in the shared market data folder ({@code date,TICKER,...}, empty cell =
 * no price), read where it is. A test fixture: it knows only that format and assumes it is well formed.
 */
record SharedCloses(List<LocalDate> dates, Map<String, double[]> closesByTicker) {

    static SharedCloses read(String fileName) {
        Path file = Path.of(System.getProperty("ballast.shared.data"), fileName);
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.getFirst().split(",", -1);
            List<LocalDate> dates = new ArrayList<>();
            double[][] columns = new double[header.length][lines.size() - 1];
            for (int row = 1; row < lines.size(); row++) {
                String[] cells = lines.get(row).split(",", -1);
                dates.add(LocalDate.parse(cells[0]));
                for (int column = 1; column < header.length; column++) {
                    columns[column][row - 1] = cells[column].isEmpty() ? Double.NaN : Double.parseDouble(cells[column]);
                }
            }
            Map<String, double[]> closes = new HashMap<>();
            for (int column = 1; column < header.length; column++) {
                closes.put(header[column], columns[column]);
            }
            return new SharedCloses(List.copyOf(dates), closes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** End dates of the return periods: every date but the first. */
    List<LocalDate> periodDates() {
        return dates.subList(1, dates.size());
    }

    /** Simple returns {@code [period][ticker]}; NaN where either close is missing. */
    double[][] returns(List<String> tickers) {
        double[][] returns = new double[dates.size() - 1][tickers.size()];
        for (int i = 0; i < tickers.size(); i++) {
            double[] closes = closesByTicker.get(tickers.get(i));
            for (int t = 1; t < closes.length; t++) {
                returns[t - 1][i] = closes[t] / closes[t - 1] - 1;
            }
        }
        return returns;
    }

    /** This file's returns of {@code ticker} between the given consecutive dates, NaN where a date is not in the file. */
    double[] returnsOn(String ticker, List<LocalDate> fromDates, List<LocalDate> toDates) {
        Map<LocalDate, Double> closeByDate = new HashMap<>();
        double[] closes = closesByTicker.get(ticker);
        for (int t = 0; t < dates.size(); t++) {
            closeByDate.put(dates.get(t), closes[t]);
        }
        double[] returns = new double[toDates.size()];
        Arrays.fill(returns, Double.NaN);
        for (int t = 0; t < toDates.size(); t++) {
            Double from = closeByDate.get(fromDates.get(t));
            Double to = closeByDate.get(toDates.get(t));
            if (from != null && to != null) {
                returns[t] = to / from - 1;
            }
        }
        return returns;
    }
}
