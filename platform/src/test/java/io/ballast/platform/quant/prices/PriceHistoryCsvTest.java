package io.ballast.platform.quant.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.problem.InvalidInputException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceHistoryCsvTest {

    @TempDir
    Path folder;

    @Test
    void readsTheSharedStockPrices() {
        PriceHistory prices = SharedMarketData.stockPrices();

        // the file's README: 20 stocks, 1989-12-29 to 2018-04-11, 7,126 rows
        assertThat(prices.assets()).containsExactly(SharedMarketData.STOCK_TICKERS);
        assertThat(prices.dates()).hasSize(7126);
        assertThat(prices.dates().get(0)).isEqualTo(LocalDate.parse("1989-12-29"));
        assertThat(prices.dates().get(7125)).isEqualTo(LocalDate.parse("2018-04-11"));
        // first and last lines of the file: GOOG empty, AAPL 0.117203; SBUX 59.419998 on the last
        assertThat(prices.closes("GOOG")[0]).isNaN();
        assertThat(prices.closes("AAPL")[0]).isEqualTo(0.117203);
        assertThat(prices.closes("SBUX")[7125]).isEqualTo(59.419998);
    }

    @Test
    void readsTextWithEmptyCellsBlankLinesSpacesAndAByteOrderMark() {
        PriceHistory prices = PriceHistoryCsv.read(new StringReader(
                "\uFEFFDate, AAA ,BBB\r\n2024-01-02,10,\r\n\r\n2024-01-03, 10.5 ,20\n2024-01-04,1.1e1,21.\n"));

        assertThat(prices.assets()).containsExactly("AAA", "BBB");
        assertThat(prices.dates()).containsExactly(LocalDate.parse("2024-01-02"), LocalDate.parse("2024-01-03"),
                LocalDate.parse("2024-01-04"));
        assertThat(prices.closes("AAA")).containsExactly(10, 10.5, 11);
        assertThat(prices.closes("BBB")).containsExactly(Double.NaN, 20, 21);
    }

    @Test
    void readsAFile() throws Exception {
        Path file = folder.resolve("prices.csv");
        Files.writeString(file, "date,X\n2024-01-02,1\n2024-01-03,2\n");

        assertThat(PriceHistoryCsv.read(file).closes("X")).containsExactly(1, 2);
    }

    @Test
    void aMissingFileIsBadInputUnderTheGivenField() {
        Path missing = folder.resolve("nowhere.csv");

        assertThatThrownBy(() -> PriceHistoryCsv.read(missing, "market"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("market");
                    assertThat(e.problem()).isEqualTo("file " + missing + " does not exist");
                });
    }

    @Test
    void aFileThatIsNotUtf8IsBadInput() throws Exception {
        Path file = folder.resolve("latin1.csv");
        Files.write(file, "date,CAF\u00c9\n2024-01-02,1\n2024-01-03,2\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> PriceHistoryCsv.read(file))
                .hasMessage("prices: file " + file + " is not UTF-8 text");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''|the file is empty; expected a header date,TICKER,...",
        "day,A\\n2024-01-02,1\\n2024-01-03,2|line 1: the first column must be \"date\", found \"day\"",
        "date\\n2024-01-02\\n2024-01-03|line 1: the header names no ticker after \"date\"",
        "date,A,,B\\n2024-01-02,1,1,1|line 1, column 3: the ticker is empty",
        "date,A,B,A\\n2024-01-02,1,1,1|line 1: ticker A appears in columns 2 and 4",
        "date,A,B\\n2024-01-02,1,1\\n2024-01-03,1|line 3 has 2 cells, the header has 3",
        "date,A,B\\n2024-01-02,1,1\\n2024-01-03,1,2,3|line 3 has 4 cells, the header has 3",
        "date,A,B\\n02/01/2024,1,1\\n2024-01-03,1,2|line 2: \"02/01/2024\" is not an ISO date (yyyy-mm-dd)",
        "date,A,B\\n2024-01-02,1,1\\n2024-01-02,1,2|line 3: date 2024-01-02 repeats line 2",
        "date,A,B\\n2024-01-03,1,1\\n\\n2024-01-02,1,2|line 4: date 2024-01-02 comes before 2024-01-03 on line 2; dates must ascend",
        "date,A,AAPL\\n2024-01-02,1,1\\n2024-01-03,1,2\\n2024-01-04,1,2\\n2024-01-05,1,abc|line 5, column AAPL: \"abc\" is not a number",
        "date,A,B\\n2024-01-02,1,NaN|line 2, column B: \"NaN\" is not a number",
        "date,A,B\\n2024-01-02,1,Infinity|line 2, column B: \"Infinity\" is not a number",
        "date,A,B\\n2024-01-02,1,2d|line 2, column B: \"2d\" is not a number",
        "date,A,B\\n2024-01-02,1,1e400|line 2, column B: 1e400 is not a finite price",
        "date,A,B\\n2024-01-02,1,0|line 2, column B: price 0 must be positive",
        "date,A,B\\n2024-01-02,1,-3.5|line 2, column B: price -3.5 must be positive",
        "date,A,B\\n2024-01-02,1,2|the file has 1 date; at least two are needed",
        "date,A,B\\n|the file has 0 dates; at least two are needed",
        "date,A,B\\n2024-01-02,1,\\n2024-01-03,2,|column B has no price at all",
    })
    void refusesBadFilesNamingThePlace(String text, String problem) {
        String csv = text.replace("\\n", "\n");

        assertThatThrownBy(() -> PriceHistoryCsv.read(new StringReader(csv)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("prices");
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }
}
