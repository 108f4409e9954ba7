package io.ballast.api.marketdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    private static final LocalDate MON = LocalDate.parse("2024-03-04");
    private static final LocalDate TUE = LocalDate.parse("2024-03-05");
    private static final LocalDate WED = LocalDate.parse("2024-03-06");

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

    @Test
    void badHistoriesAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> new PriceHistory(List.of(TUE, MON), Map.of()))
                .hasMessage("price history dates must be strictly increasing: 2024-03-05 is followed by 2024-03-04");
        assertThatThrownBy(() -> new PriceHistory(List.of(MON), Map.of("AAA", new double[] {1, 2})))
                .hasMessage("price history of AAA has 2 closes for 1 dates");
        assertThatThrownBy(() -> new PriceHistory(List.of(MON), Map.of("AAA", new double[] {0})))
                .hasMessage("price history of AAA on 2024-03-04: a close must be positive (or NaN when missing), got 0.0");
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
}
