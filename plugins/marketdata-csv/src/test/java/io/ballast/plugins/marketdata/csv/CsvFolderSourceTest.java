package io.ballast.plugins.marketdata.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFolderSourceTest {

    private static final Path SHARED_DATA = Path.of(System.getProperty("ballast.shared.data"));

    private final CsvFolderSource source = new CsvFolderSource();

    @TempDir
    Path folder;

    @Test
    void theSharedDataFolderListsSpyAndTheTwentyStocksWithTheDefaultClassSectorAndCurrency() {
        List<Instrument> instruments = source.instruments(Map.of("folder", SHARED_DATA.toString()));

        // spy_prices.csv sorts before stock_prices.csv; the stocks in the order of that file's header; README.md is no CSV
        assertThat(instruments).extracting(Instrument::id).containsExactly("SPY",
                "GOOG", "AAPL", "FB", "BABA", "AMZN", "GE", "AMD", "WMT", "BAC", "GM",
                "T", "UAA", "SHLD", "XOM", "RRC", "BBY", "MA", "PFE", "JPM", "SBUX");
        assertThat(instruments.getFirst()).isEqualTo(new Instrument("SPY", "SPY", AssetClass.EQUITY, "Unclassified", "USD"));
    }

    @Test
    void sharedStockPricesGiveTheClosesOfTheFileForADayRangeAndNothingBeforeAListing() {
        // expected rows read from stock_prices.csv with python's csv module, not with this code
        List<PriceBar> bars = source.bars(new BarRequest(List.of("AAPL", "BABA"),
                LocalDate.of(2014, 9, 18), LocalDate.of(2014, 9, 22), Map.of("folder", SHARED_DATA.toString())));

        assertThat(bars).containsExactly(
                close("AAPL", "2014-09-18", "95.551292"),
                close("AAPL", "2014-09-19", "94.772141"),
                close("AAPL", "2014-09-22", "94.866035"),
                // BABA's first price is on 2014-09-19 (its listing); the empty cell of the 18th is no bar
                close("BABA", "2014-09-19", "93.889999"),
                close("BABA", "2014-09-22", "89.889999"));
    }

    @Test
    void wholeSharedHistoriesHaveOneBarPerNonEmptyCell() {
        // counts of non-empty cells, by python: AAPL 7126, GOOG 3435 (from 2004-08-19), SPY 6765 (spy_prices.csv)
        List<PriceBar> bars = source.bars(new BarRequest(List.of("GOOG", "AAPL", "SPY"),
                LocalDate.of(1900, 1, 1), LocalDate.of(2100, 1, 1), Map.of("folder", SHARED_DATA.toString())));

        assertThat(bars.stream().filter(bar -> bar.asset().equals("AAPL"))).hasSize(7126);
        assertThat(bars.stream().filter(bar -> bar.asset().equals("SPY"))).hasSize(6765);
        List<PriceBar> goog = bars.stream().filter(bar -> bar.asset().equals("GOOG")).toList();
        assertThat(goog).hasSize(3435);
        assertThat(goog.getFirst()).isEqualTo(close("GOOG", "2004-08-19", "49.845802"));
        assertThat(goog.getLast()).isEqualTo(close("GOOG", "2018-04-11", "1019.969971"));
        // ordered by asset as requested, then by time
        assertThat(bars.getFirst().asset()).isEqualTo("GOOG");
        assertThat(bars.getLast()).isEqualTo(close("SPY", "2019-12-09", "313.880005"));
    }

    @Test
    void aFolderMayMixWideAndLongFilesAndTheParametersSetClassSectorAndCurrency() throws IOException {
        Files.writeString(folder.resolve("b-closes.csv"), """
                date,SOL-USD
                2024-03-01,120.5
                2024-03-02,125
                """);
        Files.writeString(folder.resolve("a-btc.csv"), """
                date,asset,open,high,low,close,volume
                2024-03-02,BTC-USD,62000,62500,61000,62100.75,10.5
                2024-03-01,BTC-USD,61000,62100,60500,62000,12
                """);
        Files.writeString(folder.resolve("notes.txt"), "not read");
        Map<String, Object> parameters = Map.of("folder", folder.toString(), "assetClass", "CRYPTO",
                "sector", "Layer 1", "currency", "usd");

        assertThat(source.instruments(parameters)).containsExactly(
                new Instrument("BTC-USD", "BTC-USD", AssetClass.CRYPTO, "Layer 1", "USD"),
                new Instrument("SOL-USD", "SOL-USD", AssetClass.CRYPTO, "Layer 1", "USD"));
        assertThat(source.bars(new BarRequest(List.of("SOL-USD", "BTC-USD"),
                LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 2), parameters))).containsExactly(
                close("SOL-USD", "2024-03-02", "125"),
                new PriceBar("BTC-USD", Instant.parse("2024-03-02T00:00:00Z"), new BigDecimal("62000"),
                        new BigDecimal("62500"), new BigDecimal("61000"), new BigDecimal("62100.75"), new BigDecimal("10.5")));
    }

    @Test
    void everyCallReadsTheFolderAfreshSoAnEditedFileCountsAtOnce() throws IOException {
        Path file = Files.writeString(folder.resolve("p.csv"), "date,AAA\n2024-01-02,1\n");
        BarRequest request = new BarRequest(List.of("AAA"), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31),
                Map.of("folder", folder.toString()));
        assertThat(source.bars(request)).containsExactly(close("AAA", "2024-01-02", "1"));

        Files.writeString(file, "date,AAA\n2024-01-02,1\n2024-01-03,2\n");

        assertThat(source.bars(request)).containsExactly(close("AAA", "2024-01-02", "1"), close("AAA", "2024-01-03", "2"));
    }

    @Test
    void aBadFileInTheFolderIsReportedWithItsLineAndColumn() throws IOException {
        Files.writeString(folder.resolve("good.csv"), "date,AAA\n2024-01-02,1\n");
        Path bad = Files.writeString(folder.resolve("prices.csv"), "date,BBB,CCC\n2024-01-02,1,2\n2024-01-03,1,two\n");

        assertThatThrownBy(() -> source.instruments(Map.of("folder", folder.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(bad + " line 3 column 3 (CCC): not a number");
    }

    @Test
    void anAssetInTwoFilesIsRefusedNamingBoth() throws IOException {
        Path first = Files.writeString(folder.resolve("a.csv"), "date,AAA\n2024-01-02,1\n");
        Path second = Files.writeString(folder.resolve("b.csv"), "date,asset,open,high,low,close,volume\n2024-01-03,AAA,1,1,1,1,0\n");

        assertThatThrownBy(() -> source.instruments(Map.of("folder", folder.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(second + ": asset AAA is also in " + first + "; an asset's bars must all be in one file");
    }

    @Test
    void badParametersAndUnknownAssetsAreNamed() throws IOException {
        Files.writeString(folder.resolve("a.csv"), "date,AAA,BBB\n2024-01-02,1,2\n");
        Path missing = folder.resolve("missing");
        Path empty = Files.createDirectory(folder.resolve("empty"));

        assertThatThrownBy(() -> source.instruments(Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("parameter folder: is required");
        assertThatThrownBy(() -> source.instruments(Map.of("folder", missing.toString())))
                .hasMessage("parameter folder: " + missing + " is not a folder");
        assertThatThrownBy(() -> source.instruments(Map.of("folder", empty.toString())))
                .hasMessage("parameter folder: folder " + empty + " holds no .csv file");
        assertThatThrownBy(() -> source.instruments(Map.of("folder", "a\0b")))
                .hasMessageStartingWith("parameter folder: 'a\0b' is not a path");
        assertThatThrownBy(() -> source.instruments(Map.of("folder", folder.toString(), "currency", "dollars")))
                .hasMessage("parameter currency: 'dollars' is not an ISO 4217 currency code");
        assertThatThrownBy(() -> source.instruments(Map.of("folder", folder.toString(), "assetClass", "BOND")))
                .hasMessage("parameter assetClass: must be one of [equity, crypto] (any case), got 'BOND'");
        assertThatThrownBy(() -> source.bars(new BarRequest(List.of("AAA", "ZZZ"), LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 1, 2), Map.of("folder", folder.toString()))))
                .hasMessage("asset ZZZ is in no file of folder " + folder + "; it has [AAA, BBB]");
    }

    @Test
    void itDescribesItselfAndItsParameters() {
        assertThat(source.id()).isEqualTo("csv-folder");
        assertThat(source.version()).isEqualTo("1.0.0");
        assertThat(source.parameters()).extracting(spec -> spec.name())
                .containsExactly("folder", "assetClass", "sector", "currency");
        assertThat(source.parameters().getFirst().defaultValue()).isEmpty();
    }

    private static PriceBar close(String asset, String day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, Instant.parse(day + "T00:00:00Z"), price, price, price, price, BigDecimal.ZERO);
    }
}
