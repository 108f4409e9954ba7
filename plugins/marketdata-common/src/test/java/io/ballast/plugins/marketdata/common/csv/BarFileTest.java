package io.ballast.plugins.marketdata.common.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.PriceBar;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BarFileTest {

    @TempDir
    Path folder;

    @Test
    void aWideFileGivesOneBarPerNonEmptyCellWithTheCloseAsEveryPriceAndNoVolume() throws IOException {
        Path file = write("wide.csv", """
                date,AAA,BBB
                2024-01-02,10.5,
                2024-01-03,10.25,20
                2024-01-04,11,21.50
                """);

        BarFile bars = BarFile.read(file);

        assertThat(bars.assets()).containsExactly("AAA", "BBB");
        assertThat(bars.barsByAsset().get("AAA")).containsExactly(
                closeOnly("AAA", "2024-01-02", "10.5"), closeOnly("AAA", "2024-01-03", "10.25"), closeOnly("AAA", "2024-01-04", "11"));
        // the empty cell of 2 January is a day without a bar; 21.50 keeps its written scale
        assertThat(bars.barsByAsset().get("BBB")).containsExactly(
                closeOnly("BBB", "2024-01-03", "20"), closeOnly("BBB", "2024-01-04", "21.50"));
    }

    @Test
    void aLongFileGivesItsRowsAsBarsSortedByDayPerAsset() throws IOException {
        Path file = write("long.csv", """
                Date,Asset,Open,High,Low,Close,Volume
                2024-01-03,BTC-USD,42000.5,43000,41000,42500.25,1234.5
                2024-01-02,BTC-USD,41000,42100,40900,42000.5,1000
                2024-01-02,ETH-USD,2300,2400,2250,2350,0
                """);

        BarFile bars = BarFile.read(file);

        assertThat(bars.assets()).containsExactly("BTC-USD", "ETH-USD");
        assertThat(bars.barsByAsset().get("BTC-USD")).containsExactly(
                bar("BTC-USD", "2024-01-02", "41000", "42100", "40900", "42000.5", "1000"),
                bar("BTC-USD", "2024-01-03", "42000.5", "43000", "41000", "42500.25", "1234.5"));
        assertThat(bars.barsByAsset().get("ETH-USD")).containsExactly(
                bar("ETH-USD", "2024-01-02", "2300", "2400", "2250", "2350", "0"));
    }

    @Test
    void quotesSpacesWindowsLineEndsAByteOrderMarkAndBlankLinesAreRead() throws IOException {
        Path file = folder.resolve("excel.csv");
        Files.writeString(file, "\uFEFF\"date\", \"A B\"\r\n\r\n2024-01-02, \"7.5\" \r\n", StandardCharsets.UTF_8);

        assertThat(BarFile.read(file).barsByAsset().get("A B")).containsExactly(closeOnly("A B", "2024-01-02", "7.5"));
    }

    @Test
    void aProblemAfterBlankLinesNamesTheLineAsAnEditorNumbersIt() throws IOException {
        // line 1 header, line 2 blank, line 3 good, line 4 blank, line 5 bad
        Path file = write("gaps.csv", "date,AAA\n\n2024-01-02,1\n\n2024-01-03,x\n");

        assertThatThrownBy(() -> BarFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " line 5 column 2 (AAA): not a number");
    }

    static Stream<Arguments> badFiles() {
        String wide = "date,AAA,BBB\n";
        String longHeader = "date,asset,open,high,low,close,volume\n";
        return Stream.of(
                Arguments.of(wide + "2024-01-02,1,abc\n", "line 2 column 3 (BBB): not a number"),
                Arguments.of(wide + "2024/01/02,1,2\n", "line 2 column 1 (date): not a day as yyyy-MM-dd"),
                Arguments.of(wide + "2024-01-02,0,2\n", "line 2 column 2 (AAA): a price must be above zero"),
                Arguments.of(wide + "2024-01-02,-3,2\n", "line 2 column 2 (AAA): a price must be above zero"),
                Arguments.of(wide + "2024-01-02,1\n", "line 2 column 3 (BBB): the row has 2 cells but the header has 3"),
                Arguments.of(wide + "2024-01-02,1,2,3\n", "line 2 column 4: the row has 4 cells but the header has 3"),
                Arguments.of(wide + "2024-01-02,1,2\n2024-01-02,1,2\n", "line 3 column 1 (date): day 2024-01-02 is already on line 2"),
                Arguments.of("date,AAA,AAA\n", "line 1 column 3: asset AAA is already column 2"),
                Arguments.of("date,AAA,\n", "line 1 column 3: the asset name is empty"),
                Arguments.of("day,AAA\n", "line 1 column 1: the header must start with 'date'"),
                Arguments.of("date\n", "line 1 column 2: the header names no asset after 'date'"),
                Arguments.of(longHeader + "2024-01-02,X,10,9.5,9,9.8,100\n", "line 2 column 4 (high): high 9.5 is below the bar's open, low or close 10"),
                Arguments.of(longHeader + "2024-01-02,X,10,11,10.5,10.8,100\n", "line 2 column 5 (low): low 10.5 is above the bar's open or close 10"),
                Arguments.of(longHeader + "2024-01-02,X,10,11,9,10.5,-1\n", "line 2 column 7 (volume): a volume must not be negative"),
                Arguments.of(longHeader + "2024-01-02,X,10,11,9,,100\n", "line 2 column 6 (close): the cell is empty"),
                Arguments.of(longHeader + "2024-01-02,,10,11,9,10.5,100\n", "line 2 column 2 (asset): the asset is empty"),
                Arguments.of(longHeader + "2024-01-02,X,10,11,9,10.5,100\n2024-01-02,X,10,11,9,10.5,100\n",
                        "line 3 column 1 (date): asset X already has a bar on 2024-01-02 on line 2"),
                Arguments.of("date,asset,close,open,high,low,volume\n",
                        "line 1 column 3: expected open; a long file's header is date,asset,open,high,low,close,volume"),
                Arguments.of("date,asset,open,high,low,close\n",
                        "line 1 column 7: expected volume; a long file's header is date,asset,open,high,low,close,volume"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadCellIsReportedWithTheFileTheLineAndTheColumn(String content, String problem) throws IOException {
        Path file = write("bad.csv", content);

        assertThatThrownBy(() -> BarFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + " " + problem);
    }

    @Test
    void anEmptyFileAnUnclosedQuoteAndNonUtf8TextAreRefusedNamingTheFile() throws IOException {
        Path empty = write("empty.csv", "\n\n");
        Path unclosed = write("unclosed.csv", "date,AAA\n2024-01-02,\"1\n");
        Path latin1 = folder.resolve("latin1.csv");
        Files.write(latin1, "date,CAF\u00C9\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> BarFile.read(empty))
                .hasMessage(empty + ": the file is empty; it needs a header line starting with 'date'");
        assertThatThrownBy(() -> BarFile.read(unclosed)).hasMessageStartingWith(unclosed + ": not valid CSV: ");
        assertThatThrownBy(() -> BarFile.read(latin1)).hasMessage(latin1 + ": not UTF-8 text");
        assertThatThrownBy(() -> BarFile.read(folder.resolve("missing.csv")))
                .hasMessage(folder.resolve("missing.csv") + ": not a regular file");
    }

    /** A caller may point a source at any path: no device, no file past the cap, and no error quoting what the file holds. */
    @Test
    void onlyRegularFilesUpTo256MiBAreReadAndNoErrorQuotesTheirContent() throws IOException {
        Path devZero = Path.of("/dev/zero");
        Path huge = folder.resolve("huge.csv");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(256L * 1024 * 1024 + 1); // sparse: no disk used, and never read
        }
        Path secret = write("secret.csv", "root:s3cret-hash:0:0\n");

        assertThatThrownBy(() -> BarFile.read(devZero)).hasMessage("/dev/zero: not a regular file");
        assertThatThrownBy(() -> BarFile.read(huge)).hasMessage(huge + ": larger than 268435456 bytes (256 MiB), the most a CSV file may have");
        assertThatThrownBy(() -> BarFile.read(secret)).hasMessage(secret + " line 1 column 1: the header must start with 'date'");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private static PriceBar closeOnly(String asset, String day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, Instant.parse(day + "T00:00:00Z"), price, price, price, price, BigDecimal.ZERO);
    }

    private static PriceBar bar(String asset, String day, String open, String high, String low, String close, String volume) {
        return new PriceBar(asset, Instant.parse(day + "T00:00:00Z"), new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), new BigDecimal(volume));
    }
}
