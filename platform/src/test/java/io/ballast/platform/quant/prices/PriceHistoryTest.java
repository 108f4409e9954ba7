package io.ballast.platform.quant.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    private static final double NA = Double.NaN;
    private static final LocalDate D1 = LocalDate.parse("2024-01-02");
    private static final LocalDate D2 = LocalDate.parse("2024-01-03");
    private static final LocalDate D3 = LocalDate.parse("2024-01-04");
    private static final LocalDate D4 = LocalDate.parse("2024-01-06");

    private static PriceHistory threeAssets() {
        return new PriceHistory(List.of(D1, D2, D3, D4), List.of("AAA", "BBB", "CCC"), new double[][] {
            {10, NA, 100},
            {11, 20, NA},
            {12, 21, NA},
            {NA, NA, 104},
        });
    }

    @Test
    void keepsDatesAssetsAndClosesAsGiven() {
        PriceHistory prices = threeAssets();

        assertThat(prices.dates()).containsExactly(D1, D2, D3, D4);
        assertThat(prices.assets()).containsExactly("AAA", "BBB", "CCC");
        assertThat(prices.dateCount()).isEqualTo(4);
        assertThat(prices.assetCount()).isEqualTo(3);
        assertThat(prices.close(1, 1)).isEqualTo(20.0);
        assertThat(prices.close(0, 1)).isNaN();
        assertThat(prices.closes()[3]).containsExactly(NA, NA, 104.0);
    }

    @Test
    void isNotChangedThroughWhatItWasBuiltFromOrWhatItReturns() {
        double[][] closes = {{1, 2}, {3, 4}};
        PriceHistory prices = new PriceHistory(List.of(D1, D2), List.of("A", "B"), closes);

        closes[0][0] = 99;
        prices.closes()[1][1] = 99;

        assertThat(prices.close(0, 0)).isEqualTo(1.0);
        assertThat(prices.close(1, 1)).isEqualTo(4.0);
    }

    @Test
    void selectsASubUniverseInTheGivenOrderAndDropsDatesWithoutAnyOfItsPrices() {
        PriceHistory selected = threeAssets().select(List.of("BBB", "AAA"));

        assertThat(selected.assets()).containsExactly("BBB", "AAA");
        // D4 has a price of CCC only
        assertThat(selected.dates()).containsExactly(D1, D2, D3);
        assertThat(Arrays.deepToString(selected.closes())).isEqualTo(Arrays.deepToString(new double[][] {{NA, 10}, {20, 11}, {21, 12}}));
    }

    @Test
    void selectingUnknownRepeatedOrNoAssetsIsRefused() {
        assertThatThrownBy(() -> threeAssets().select(List.of("AAA", "ZZZ")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("assets");
                    assertThat(e.problem()).isEqualTo("unknown asset ZZZ; the prices have AAA, BBB, CCC");
                });
        assertThatThrownBy(() -> threeAssets().select(List.of("AAA", "AAA")))
                .hasMessage("assets: asset AAA is selected twice");
        assertThatThrownBy(() -> threeAssets().select(List.of()))
                .hasMessage("assets: no assets were selected");
    }

    @Test
    void takesAWindowOfDatesInclusiveAtBothEnds() {
        PriceHistory window = threeAssets().between(D2, D4);
        PriceHistory toADateWithoutPrices = threeAssets().between(D1, LocalDate.parse("2024-01-05"));

        assertThat(window.dates()).containsExactly(D2, D3, D4);
        assertThat(Arrays.deepToString(window.closes()))
                .isEqualTo(Arrays.deepToString(new double[][] {{11, 20, NA}, {12, 21, NA}, {NA, NA, 104}}));
        assertThat(toADateWithoutPrices.dates()).containsExactly(D1, D2, D3);
    }

    @Test
    void aWindowThatIsInvertedTooShortOrLeavesAnAssetWithoutPricesIsRefused() {
        assertThatThrownBy(() -> threeAssets().between(D3, D2))
                .hasMessage("prices: the window starts on 2024-01-04, after it ends on 2024-01-03");
        assertThatThrownBy(() -> threeAssets().between(D4, D4))
                .hasMessage("prices: the window 2024-01-06 to 2024-01-06 holds 1 date; at least two are needed");
        assertThatThrownBy(() -> threeAssets().between(D2, D3))
                .hasMessage("prices: asset CCC has no price at all");
    }

    @Test
    void refusesHistoriesThatBreakItsRules() {
        assertInvalid(List.of(D1), List.of("A"), new double[][] {{1}},
                "the prices cover 1 date; at least two are needed");
        assertInvalid(List.of(D2, D1), List.of("A"), new double[][] {{1}, {2}},
                "date 2024-01-02 follows 2024-01-03; dates must ascend without repeats");
        assertInvalid(List.of(D1, D1), List.of("A"), new double[][] {{1}, {2}},
                "date 2024-01-02 follows 2024-01-02; dates must ascend without repeats");
        assertInvalid(List.of(D1, D2), List.of("A", "A"), new double[][] {{1, 1}, {2, 2}},
                "asset A appears twice");
        assertInvalid(List.of(D1, D2), List.of("A", " "), new double[][] {{1, 1}, {2, 2}},
                "an asset has a blank name");
        assertInvalid(List.of(D1, D2), List.of(), new double[][] {{}, {}},
                "there are no assets");
        assertInvalid(List.of(D1, D2), List.of("A"), new double[][] {{1}},
                "1 rows of prices for 2 dates");
        assertInvalid(List.of(D1, D2), List.of("A", "B"), new double[][] {{1, 2}, {3}},
                "the prices of 2024-01-03 have 1 entries for 2 assets");
        assertInvalid(List.of(D1, D2), List.of("A", "B"), new double[][] {{1, 2}, {3, 0}},
                "B on 2024-01-03: price 0.0 must be positive and finite");
        assertInvalid(List.of(D1, D2), List.of("A", "B"), new double[][] {{1, -2}, {3, 4}},
                "B on 2024-01-02: price -2.0 must be positive and finite");
        assertInvalid(List.of(D1, D2), List.of("A", "B"), new double[][] {{1, Double.POSITIVE_INFINITY}, {3, 4}},
                "B on 2024-01-02: price Infinity must be positive and finite");
        assertInvalid(List.of(D1, D2), List.of("A", "B"), new double[][] {{1, NA}, {3, NA}},
                "asset B has no price at all");
    }

    @Test
    void alignsStoredBarsOnTheUnionOfTheirDatesUsingTheClose() {
        Map<String, List<PriceBar>> bars = new LinkedHashMap<>();
        bars.put("BTC", List.of(bar("BTC", "2024-01-06", "42000.5"), bar("BTC", "2024-01-05", "41000")));
        bars.put("AAPL", List.of(bar("AAPL", "2024-01-05", "185.25"), bar("AAPL", "2024-01-08", "187")));

        PriceHistory prices = PriceHistory.fromBars(bars);

        assertThat(prices.assets()).containsExactly("BTC", "AAPL");
        assertThat(prices.dates()).containsExactly(LocalDate.parse("2024-01-05"), LocalDate.parse("2024-01-06"),
                LocalDate.parse("2024-01-08"));
        assertThat(Arrays.deepToString(prices.closes())).isEqualTo(Arrays.deepToString(new double[][] {{41000, 185.25}, {42000.5, NA}, {NA, 187}}));
    }

    @Test
    void barsThatCannotBeAlignedAreRefused() {
        assertThatThrownBy(() -> PriceHistory.fromBars(Map.of()))
                .hasMessage("prices: no assets were given");
        assertThatThrownBy(() -> PriceHistory.fromBars(Map.of("A", List.of())))
                .hasMessage("prices: asset A has no bars");
        assertThatThrownBy(() -> PriceHistory.fromBars(Map.of("A", List.of(bar("B", "2024-01-05", "1")))))
                .hasMessage("prices: a bar of B is listed under A");
        assertThatThrownBy(() -> PriceHistory.fromBars(Map.of("A", List.of(bar("A", "2024-01-05", "1"), bar("A", "2024-01-05", "2")))))
                .hasMessage("prices: asset A has two bars on 2024-01-05");
        assertThatThrownBy(() -> PriceHistory.fromBars(Map.of("A", List.of(bar("A", "2024-01-05", "1")))))
                .hasMessage("prices: the prices cover 1 date; at least two are needed");
    }

    private static PriceBar bar(String asset, String day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, Instant.parse(day + "T00:00:00Z"), price, price, price, price, BigDecimal.ONE);
    }

    private static void assertInvalid(List<LocalDate> dates, List<String> assets, double[][] closes, String problem) {
        assertThatThrownBy(() -> new PriceHistory(dates, assets, closes))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("prices");
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }
}
