package io.ballast.plugins.marketdata.common.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * One line of a bar file: its cells, and where it stands so that a problem in a cell is reported
 * with the file, the line, the column and the column's name.
 *
 * @param file   the file, as the caller named it
 * @param line   the line number in the file, from 1
 * @param header the file's header cells
 * @param cells  this line's cells, trimmed
 */
record CsvRow(String file, long line, List<String> header, List<String> cells) {

    String cell(int column) {
        return cells.get(column);
    }

    /** A problem in the cell at {@code column} (from 0), or just past the last cell when a row is short. */
    IllegalArgumentException error(int column, String problem) {
        // the header row's own cells are not quoted: the file may be any file a caller pointed at, not yet known to be CSV
        boolean headerRow = cells == header;
        String name = !headerRow && column < header.size() && !header.get(column).isEmpty() ? " (" + header.get(column) + ")" : "";
        return new IllegalArgumentException(file + " line " + line + " column " + (column + 1) + name + ": " + problem);
    }

    LocalDate day(int column) {
        String text = cell(column);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(column, "not a day as yyyy-MM-dd");
        }
    }

    /** A price: a decimal number above zero. */
    BigDecimal price(int column) {
        BigDecimal price = decimal(column);
        if (price.signum() <= 0) {
            throw error(column, "a price must be above zero");
        }
        return price;
    }

    /** A volume: a decimal number, zero or more. */
    BigDecimal volume(int column) {
        BigDecimal volume = decimal(column);
        if (volume.signum() < 0) {
            throw error(column, "a volume must not be negative");
        }
        return volume;
    }

    private BigDecimal decimal(int column) {
        String text = cell(column);
        if (text.isEmpty()) {
            throw error(column, "the cell is empty");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error(column, "not a number");
        }
    }
}
