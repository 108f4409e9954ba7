package io.ballast.plugins.marketdata.common.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read whole: its header and its rows, each knowing its line number. Commons CSV does
 * the parsing (quotes, line ends); empty lines are skipped, spaces around cells dropped, and so
 * is a byte-order mark.
 *
 * <p>The path comes from a parameter (a source's {@code folder}, the synthetic source's
 * {@code historyCsv}), which the operator, not every caller, should set; so that a caller cannot use
 * it to read the machine's other files, only a regular file of at most {@value #MAX_FILE_BYTES}
 * bytes is read (no device such as {@code /dev/zero}, no pipe), and no error message quotes the
 * file's content (CsvRow and the layouts name line and column only).
 *
 * @param header the first non-empty line, as a row (its line number is the header's)
 * @param rows   the non-empty lines after the header
 */
record CsvTable(CsvRow header, List<CsvRow> rows) {

    /** 256 MiB: some decades of daily closes of a few thousand assets, and a bound on the memory one call may take. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();

    /** @throws IllegalArgumentException naming the file when it cannot be read, is not UTF-8, not CSV or empty */
    static CsvTable read(Path path) {
        String file = path.toString();
        String text = text(path, file);
        LineNumbers lines = new LineNumbers(text);
        CsvRow header = null;
        List<CsvRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                long line = lines.lineAt(record.getCharacterPosition());
                List<String> cells = record.toList();
                if (header == null) {
                    header = new CsvRow(file, line, cells, cells);
                } else {
                    rows.add(new CsvRow(file, line, header.cells(), cells));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Commons CSV's message says where, e.g. the line of an unclosed quote
            throw new IllegalArgumentException(file + ": not valid CSV: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new IllegalArgumentException(file + ": the file is empty; it needs a header line starting with 'date'");
        }
        return new CsvTable(header, List.copyOf(rows));
    }

    private static String text(Path path, String file) {
        String text;
        try {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(file + ": not a regular file");
            }
            if (Files.size(path) > MAX_FILE_BYTES) {
                throw tooLarge(file);
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                // read one byte past the cap, so a file that grew after a size check is refused too
                bytes = in.readNBytes(Math.toIntExact(MAX_FILE_BYTES + 1));
            }
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(file);
            }
            // a strict decoder: a file in another encoding is refused rather than read as replacement characters
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read: " + e.getClass().getSimpleName(), e);
        }
        // a byte-order mark becomes a space, which trimming drops, so character positions stay as they are
        return text.startsWith("\uFEFF") ? " " + text.substring(1) : text;
    }

    private static IllegalArgumentException tooLarge(String file) {
        return new IllegalArgumentException(file + ": larger than " + MAX_FILE_BYTES + " bytes (256 MiB), the most a CSV file may have");
    }

    /**
     * Maps a character position in the text to its line number (from 1): Commons CSV tells where a
     * record starts in characters, not on which line.
     */
    private static final class LineNumbers {

        private final String text;
        private final int[] lineStarts;

        LineNumbers(String text) {
            this.text = text;
            int[] starts = new int[64];
            int count = 1;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean lineEnd = c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
                if (lineEnd) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                    }
                    starts[count++] = i + 1;
                }
            }
            this.lineStarts = Arrays.copyOf(starts, count);
        }

        /** The line of the first character at or after {@code position} that is no line end. */
        long lineAt(long position) {
            int start = Math.toIntExact(position);
            // a record after empty lines starts, for Commons CSV, where the skipped empty lines start
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            int found = Arrays.binarySearch(lineStarts, start);
            return (found >= 0 ? found : -found - 2) + 1;
        }
    }
}
