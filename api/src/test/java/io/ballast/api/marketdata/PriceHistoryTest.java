package io.ballast.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    private static final LocalDate MON = LocalDate.parse("2024-03-04");
    private static final LocalDate TUE = LocalDate.parse("2024-03-05");
    private static final LocalDate WED = LocalDate.parse("2024-03-06");
    private static final LocalDate THU = LocalDate.parse("2024-03-07");
    private static final LocalDate FRI = LocalDate.parse("2024-03-08");

    private static PriceHistory threeDays() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("AAA", new double[] {10, 11, Double.NaN});
        closes.put("NEW", new double[] {Double.NaN, Double.NaN, 5});
        return new PriceHistory(List.of(MON, TUE, WED), closes);
    }

    @Test
    void closesAreAlignedByDayWithNaNWhereMissing() {
        PriceHistory history = threeDays();

        assertThat(history.assets()).containsExactly("AAA", "NEW");
        assertThat(history.closes("AAA")).containsExactly(10, 11, Double.NaN);
        assertThat(history.lastClose("AAA")).hasValue(11);
        assertThat(history.lastClose("NEW")).hasValue(5);
        assertThat(history.lastClose("ZZZ")).isEmpty();
    }

    @Test
    void itIsImmutable() {
        double[] aaa = {10, 11};
        PriceHistory history = new PriceHistory(List.of(MON, TUE), Map.of("AAA", aaa));

        aaa[0] = 99;
        history.closes("AAA")[1] = 99;

        assertThat(history.closes("AAA")).containsExactly(10, 11);
    }

    @Test
    void untilCutsOffTheLaterDays() {
        PriceHistory cut = threeDays().until(TUE);

        assertThat(cut.dates()).containsExactly(MON, TUE);
        assertThat(cut.closes("NEW")).containsExactly(Double.NaN, Double.NaN);
        assertThat(cut.lastClose("NEW")).isEmpty();
        assertThat(threeDays().until(WED).dates()).hasSize(3);
    }

    /** AAA trades Mon-Wed; BBB lists on Tue; CCC has a price on Mon and Fri only; nothing trades on Thu. */
    private static PriceHistory fiveDays() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("AAA", new double[] {10, 11, 12, Double.NaN, Double.NaN});
        closes.put("BBB", new double[] {Double.NaN, 20, 21, Double.NaN, Double.NaN});
        closes.put("CCC", new double[] {100, Double.NaN, Double.NaN, Double.NaN, 104});
        return new PriceHistory(List.of(MON, TUE, WED, THU, FRI), closes);
    }

    @Test
    void selectKeepsTheGivenAssetsInTheGivenOrderAndDropsTheDaysNoneOfThemHasAPrice() {
        PriceHistory selected = fiveDays().select(List.of("BBB", "AAA"));

        // Thu and Fri have no price of AAA or BBB (Fri has one of CCC only)
        assertThat(selected.assets()).containsExactly("BBB", "AAA");
        assertThat(selected.dates()).containsExactly(MON, TUE, WED);
        assertThat(selected.closes("BBB")).containsExactly(Double.NaN, 20, 21);
        assertThat(selected.closes("AAA")).containsExactly(10, 11, 12);
        assertThat(fiveDays().select(List.of("CCC")).dates()).containsExactly(MON, FRI);
    }

    @Test
    void selectingNoRepeatedOrUnknownAssetsIsRefused() {
        assertThatThrownBy(() -> fiveDays().select(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no assets were selected");
        assertThatThrownBy(() -> fiveDays().select(List.of("AAA", "AAA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("asset AAA is selected twice");
        assertThatThrownBy(() -> fiveDays().select(List.of("AAA", "ZZZ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset ZZZ is not in the price history; it has [AAA, BBB, CCC]");
    }

    @Test
    void betweenKeepsTheDaysOfTheWindowBothEndsIncluded() {
        PriceHistory window = fiveDays().between(TUE, THU);
        PriceHistory fromADayWithoutTrading = fiveDays().between(LocalDate.parse("2024-03-03"), TUE);

        assertThat(window.assets()).containsExactly("AAA", "BBB", "CCC");
        assertThat(window.dates()).containsExactly(TUE, WED, THU);
        assertThat(window.closes("AAA")).containsExactly(11, 12, Double.NaN);
        assertThat(window.closes("CCC")).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        assertThat(fromADayWithoutTrading.dates()).containsExactly(MON, TUE);
        assertThat(fiveDays().between(FRI, FRI).closes("CCC")).containsExactly(104);
        assertThat(fiveDays().between(LocalDate.parse("2024-03-09"), LocalDate.parse("2024-03-10")).dates()).isEmpty();
    }

    @Test
    void anInvertedWindowIsRefused() {
        assertThatThrownBy(() -> fiveDays().between(WED, TUE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the window starts on 2024-03-06, after it ends on 2024-03-05");
    }

    @Test
    void barsAreAlignedOnTheUnionOfTheirUtcDaysUsingTheClose() {
        Map<String, List<PriceBar>> bars = new LinkedHashMap<>();
        // out of order, and one bar late in the UTC day: its day is still the 5th
        bars.put("BTC", List.of(bar("BTC", "2024-03-06T00:00:00Z", "42000.5"), bar("BTC", "2024-03-05T23:30:00Z", "41000")));
        bars.put("AAPL", List.of(bar("AAPL", "2024-03-05T00:00:00Z", "185.25"), bar("AAPL", "2024-03-08T00:00:00Z", "187")));
        bars.put("NONE", List.of());

        PriceHistory history = PriceHistory.ofBars(bars);

        assertThat(history.assets()).containsExactly("BTC", "AAPL", "NONE");
        assertThat(history.dates()).containsExactly(TUE, WED, FRI);
        assertThat(history.closes("BTC")).containsExactly(41000, 42000.5, Double.NaN);
        assertThat(history.closes("AAPL")).containsExactly(185.25, Double.NaN, 187);
        assertThat(history.closes("NONE")).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        assertThat(PriceHistory.ofBars(Map.of()).dates()).isEmpty();
    }

    @Test
    void barsThatCannotBeAlignedAreRefused() {
        assertThatThrownBy(() -> PriceHistory.ofBars(Map.of("A", List.of(bar("B", "2024-03-05T00:00:00Z", "1")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a bar of B is listed under A");
        assertThatThrownBy(() -> PriceHistory.ofBars(Map.of("A", List.of(bar("A", "2024-03-05T00:00:00Z", "1"),
                bar("A", "2024-03-05T16:00:00Z", "2")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("asset A has two bars on 2024-03-05");
    }

    @Test
    void badHistoriesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new PriceHistory(List.of(TUE, MON), Map.of()))
                .hasMessage("price history dates must be strictly increasing: 2024-03-05 is followed by 2024-03-04");
        assertThatThrownBy(() -> new PriceHistory(List.of(MON), Map.of("AAA", new double[] {1, 2})))
                .hasMessage("price history of AAA has 2 closes for 1 dates");
        assertThatThrownBy(() -> new PriceHistory(List.of(MON), Map.of("AAA", new double[] {0})))
                .hasMessage("price history of AAA on 2024-03-04: a close must be positive (or NaN when missing), got 0.0");
        assertThatThrownBy(() -> new PriceHistory(List.of(MON), Map.of("AAA", new double[] {-2})))
                .hasMessage("price history of AAA on 2024-03-04: a close must be positive (or NaN when missing), got -2.0");
        assertThatThrownBy(() -> new PriceHistory(List.of(MON), Map.of("AAA", new double[] {Double.POSITIVE_INFINITY})))
                .hasMessage("price history of AAA on 2024-03-04: a close must be positive (or NaN when missing), got Infinity");
        assertThatThrownBy(() -> new PriceHistory(List.of(MON, MON), Map.of()))
                .hasMessage("price history dates must be strictly increasing: 2024-03-04 is followed by 2024-03-04");
        assertThatThrownBy(() -> threeDays().closes("ZZZ"))
                .hasMessage("asset ZZZ is not in the price history; it has [AAA, NEW]");
    }

    @Test
    void aBarRequestNeedsAssetsInOrderedDays() {
        assertThatThrownBy(() -> new BarRequest(List.of(), MON, TUE, Map.of())).hasMessage("assets must not be empty");
        assertThatThrownBy(() -> new BarRequest(List.of("A", "A"), MON, TUE, Map.of())).hasMessage("assets must be unique: [A, A]");
        assertThatThrownBy(() -> new BarRequest(List.of("A"), TUE, MON, Map.of()))
                .hasMessage("lastDay 2024-03-04 is before firstDay 2024-03-05");
        assertThat(new BarRequest(List.of("A"), MON, MON, Map.of()).lastDay()).isEqualTo(MON);
    }

    private static PriceBar bar(String asset, String time, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar(asset, Instant.parse(time), price, price, price, price, BigDecimal.ONE);
    }
}
