package io.ballast.platform.quant.prices;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.problem.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a wide price CSV into a {@link PriceHistory} that meets the {@link PriceHistoryRequirement}:
 * a header {@code date,TICKER,...}, then one line per date with an ISO date ({@code yyyy-mm-dd})
 * and one close per ticker; an empty cell means no price that day. Dates must ascend without
 * repeats. Cells are trimmed and blank lines skipped; quoting is not supported (tickers and
 * numbers need none). Every problem is reported as an {@link InvalidInputException} that names
 * the line and, where there is one, the column.
 */
public final class PriceHistoryCsv {

    private PriceHistoryCsv() {
    }

    /** Reads a file, reporting problems under the field {@code prices}. */
    public static PriceHistory read(Path file) {
        return read(file, PriceHistoryRequirement.FIELD);
    }

    /** Reads a file, reporting problems under {@code field} (the option or JSON path the file came from). */
    public static PriceHistory read(Path file, String field) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, field);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(field, "file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new InvalidInputException(field, "file " + file + " cannot be read: access denied");
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(field, "file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads CSV text, reporting problems under the field {@code prices}. */
    public static PriceHistory read(Reader reader) {
        return read(reader, PriceHistoryRequirement.FIELD);
    }

    /** Reads CSV text, reporting problems under {@code field}. The reader is not closed. */
    public static PriceHistory read(Reader reader, String field) {
        try {
            return parse(reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader), field);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prices", e);
        }
    }

    private static PriceHistory parse(BufferedReader in, String field) throws IOException {
        String headerLine = in.readLine();
        int lineNumber = 1;
        while (headerLine != null && headerLine.isBlank()) {
            headerLine = in.readLine();
            lineNumber++;
        }
        if (headerLine == null) {
            throw new InvalidInputException(field, "the file is empty; expected a header date,TICKER,...");
        }
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> tickers = tickers(headerLine.split(",", -1), lineNumber, field);

        List<LocalDate> dates = new ArrayList<>();
        List<Integer> dateLines = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != tickers.size() + 1) {
                throw new InvalidInputException(field, "line " + lineNumber + " has " + cells.length + " cells, the header has "
                        + (tickers.size() + 1));
            }
            LocalDate date = date(cells[0].trim(), lineNumber, field);
            if (!dates.isEmpty()) {
                LocalDate previous = dates.get(dates.size() - 1);
                int previousLine = dateLines.get(dateLines.size() - 1);
                if (date.equals(previous)) {
                    throw new InvalidInputException(field, "line " + lineNumber + ": date " + date + " repeats line " + previousLine);
                }
                if (date.isBefore(previous)) {
                    throw new InvalidInputException(field, "line " + lineNumber + ": date " + date + " comes before " + previous
                            + " on line " + previousLine + "; dates must ascend");
                }
            }
            double[] row = new double[tickers.size()];
            for (int a = 0; a < row.length; a++) {
                row[a] = price(cells[a + 1].trim(), lineNumber, tickers.get(a), field);
            }
            dates.add(date);
            dateLines.add(lineNumber);
            rows.add(row);
        }

        if (dates.size() < 2) {
            throw new InvalidInputException(field, "the file has " + dates.size() + (dates.size() == 1 ? " date" : " dates")
                    + "; at least two are needed");
        }
        Map<String, double[]> closesByTicker = new LinkedHashMap<>();
        for (int a = 0; a < tickers.size(); a++) {
            double[] closes = new double[rows.size()];
            boolean anyPrice = false;
            for (int d = 0; d < closes.length; d++) {
                closes[d] = rows.get(d)[a];
                anyPrice |= !Double.isNaN(closes[d]);
            }
            if (!anyPrice) {
                throw new InvalidInputException(field, "column " + tickers.get(a) + " has no price at all");
            }
            closesByTicker.put(tickers.get(a), closes);
        }
        // every rule of PriceHistory and PriceHistoryRequirement is checked above, naming the line
        return new PriceHistory(dates, closesByTicker);
    }

    private static List<String> tickers(String[] header, int lineNumber, String field) {
        String first = header[0].trim();
        if (!first.equalsIgnoreCase("date")) {
            throw new InvalidInputException(field, "line " + lineNumber + ": the first column must be \"date\", found \"" + first + "\"");
        }
        if (header.length < 2) {
            throw new InvalidInputException(field, "line " + lineNumber + ": the header names no ticker after \"date\"");
        }
        List<String> tickers = new ArrayList<>();
        Map<String, Integer> columnOf = new HashMap<>();
        for (int c = 1; c < header.length; c++) {
            String ticker = header[c].trim();
            if (ticker.isEmpty()) {
                throw new InvalidInputException(field, "line " + lineNumber + ", column " + (c + 1) + ": the ticker is empty");
            }
            Integer earlier = columnOf.putIfAbsent(ticker, c + 1);
            if (earlier != null) {
                throw new InvalidInputException(field, "line " + lineNumber + ": ticker " + ticker + " appears in columns " + earlier
                        + " and " + (c + 1));
            }
            tickers.add(ticker);
        }
        return tickers;
    }

    private static LocalDate date(String cell, int lineNumber, String field) {
        try {
            return LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "line " + lineNumber + ": \"" + cell + "\" is not an ISO date (yyyy-mm-dd)");
        }
    }

    private static double price(String cell, int lineNumber, String ticker, String field) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        double price;
        try {
            price = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            price = Double.NaN;
        }
        // parseDouble also takes "NaN", "Infinity" and Java suffixes such as "1d": a price ends in a digit or a point
        char last = cell.charAt(cell.length() - 1);
        if (Double.isNaN(price) || !(Character.isDigit(last) || last == '.')) {
            throw new InvalidInputException(field, "line " + lineNumber + ", column " + ticker + ": \"" + cell + "\" is not a number");
        }
        if (!Double.isFinite(price)) {
            throw new InvalidInputException(field, "line " + lineNumber + ", column " + ticker + ": " + cell + " is not a finite price");
        }
        if (price <= 0) {
            throw new InvalidInputException(field, "line " + lineNumber + ", column " + ticker + ": price " + cell + " must be positive");
        }
        return price;
    }
}
