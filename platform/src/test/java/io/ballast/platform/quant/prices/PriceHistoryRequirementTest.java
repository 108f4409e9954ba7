package io.ballast.platform.quant.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.problem.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceHistoryRequirementTest {

    private static final double NA = Double.NaN;
    private static final LocalDate D1 = LocalDate.parse("2024-01-02");
    private static final LocalDate D2 = LocalDate.parse("2024-01-03");

    @Test
    void aHistoryOfTwoDaysAndAssetsWithAPriceEachIsMeasurable() {
        // B lists on the second day: one price is enough here; the estimators ask for more returns
        PriceHistory prices = PriceTables.byDay(List.of(D1, D2), List.of("A", "B"), new double[][] {{1, NA}, {2, 3}});

        assertThat(PriceHistoryRequirement.requireMeasurable(prices, "prices")).isSameAs(prices);
    }

    @Test
    void refusesHistoriesTheQuantStagesCannotMeasureReturnsFrom() {
        assertRefused(PriceHistory.empty(), "there are no assets");
        assertRefused(new PriceHistory(List.of(D1, D2), Map.of()), "there are no assets");
        assertRefused(PriceTables.byDay(List.of(D1, D2), List.of("A", " "), new double[][] {{1, 1}, {2, 2}}),
                "an asset has a blank name");
        assertRefused(PriceTables.byDay(List.of(D1), List.of("A"), new double[][] {{1}}),
                "the prices cover 1 date; at least two are needed");
        assertRefused(PriceTables.byDay(List.of(), List.of("A"), new double[][] {}),
                "the prices cover 0 dates; at least two are needed");
        assertRefused(PriceTables.byDay(List.of(D1, D2), List.of("A", "B"), new double[][] {{1, NA}, {3, NA}}),
                "asset B has no price at all");
    }

    @Test
    void namesTheFieldThePricesCameFrom() {
        assertThatThrownBy(() -> PriceHistoryRequirement.requireMeasurable(PriceHistory.empty(), "--market"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("--market"));
    }

    private static void assertRefused(PriceHistory prices, String problem) {
        assertThatThrownBy(() -> PriceHistoryRequirement.requireMeasurable(prices, "prices"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("prices");
                    assertThat(e.problem()).isEqualTo(problem);
                });
    }
}
