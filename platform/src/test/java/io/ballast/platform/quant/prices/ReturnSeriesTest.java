package io.ballast.platform.quant.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.problem.InvalidInputException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnSeriesTest {

    private static final double NA = Double.NaN;
    private static final List<LocalDate> DATES = List.of(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-01-02"),
            LocalDate.parse("2024-01-03"), LocalDate.parse("2024-01-04"), LocalDate.parse("2024-01-05"));

    /** A trades throughout; B lists on day 2 and misses day 4; C has no price on days 2 and 3. */
    private static PriceHistory prices() {
        return PriceTables.byDay(DATES, List.of("A", "B", "C"), new double[][] {
            {100, NA, 10},
            {110, 50, NA},
            {99, 55, NA},
            {108.9, NA, 12},
            {119.79, 66, 12.6},
        });
    }

    @Test
    void simpleReturnsAreMissingWithoutAPriceAndNeverZeroAndSpanAGapOnceTradingResumes() {
        ReturnSeries returns = ReturnSeries.simple(prices());

        assertThat(returns.dates()).containsExactlyElementsOf(DATES.subList(1, 5));
        assertThat(returns.assets()).containsExactly("A", "B", "C");
        double[][] r = returns.returns();
        // A: 110/100 - 1, 99/110 - 1, 108.9/99 - 1, 119.79/108.9 - 1
        assertThat(r[0][0]).isCloseTo(0.10, within(1e-15));
        assertThat(r[1][0]).isCloseTo(-0.10, within(1e-15));
        assertThat(r[2][0]).isCloseTo(0.10, within(1e-15));
        assertThat(r[3][0]).isCloseTo(0.10, within(1e-15));
        // B: none before listing; 55/50 - 1 on day 3; none on day 4 (no price); 66/55 - 1 on day 5, across the gap
        assertThat(r[0][1]).isNaN();
        assertThat(r[1][1]).isCloseTo(0.10, within(1e-15));
        assertThat(r[2][1]).isNaN();
        assertThat(r[3][1]).isCloseTo(0.20, within(1e-15));
        // C: none on days 2 and 3 (no price); 12/10 - 1 on day 4, across the gap; 12.6/12 - 1 on day 5
        assertThat(r[0][2]).isNaN();
        assertThat(r[1][2]).isNaN();
        assertThat(r[2][2]).isCloseTo(0.20, within(1e-15));
        assertThat(r[3][2]).isCloseTo(0.05, within(1e-15));
        assertThat(returns.observationCount(0)).isEqualTo(4);
        assertThat(returns.observationCount(1)).isEqualTo(2);
        assertThat(returns.isComplete()).isFalse();
    }

    @Test
    void logReturnsAreTheLogarithmsOfThePriceRatios() {
        double[][] r = ReturnSeries.logarithmic(prices()).returns();

        assertThat(r[0][0]).isCloseTo(Math.log(1.1), within(1e-15));
        assertThat(r[1][0]).isCloseTo(Math.log(0.9), within(1e-15));
        assertThat(r[0][1]).isNaN();
        assertThat(r[3][2]).isCloseTo(Math.log(1.05), within(1e-15));
    }

    @Test
    void periodsInWhichNoAssetHasAReturnAreLeftOut() {
        PriceHistory prices = PriceTables.byDay(DATES.subList(0, 4), List.of("A", "B"), new double[][] {
            {1, 2}, {NA, 2.2}, {NA, NA}, {3, 4.4}});

        ReturnSeries returns = ReturnSeries.simple(prices);

        // day 3 has no price at all; day 4's returns span it: A 3/1 - 1, B 4.4/2.2 - 1
        assertThat(returns.dates()).containsExactly(DATES.get(1), DATES.get(3));
        assertThat(returns.returnAt(0, 0)).isNaN();
        assertThat(returns.returnAt(0, 1)).isCloseTo(0.1, within(1e-15));
        assertThat(returns.returnAt(1, 0)).isEqualTo(2.0);
        assertThat(returns.returnAt(1, 1)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void matchesPyPortfolioOptOnTheSharedStockPrices() {
        PriceHistory prices = SharedMarketData.stockPrices();

        ReturnSeries returns = ReturnSeries.simple(prices);
        ReturnSeries logReturns = ReturnSeries.logarithmic(prices);

        // tests/test_expected_returns.py, test_returns_dataframe: 7125 rows of returns
        assertThat(returns.periodCount()).isEqualTo(7125);
        // test_log_returns_from_prices: the last log return of the last column, and as many
        // missing returns as missing prices (the dropped first row stands for each asset's first price)
        assertThat(logReturns.returnAt(7124, 19)).isCloseTo(0.0001682740081102576, within(1e-18));
        assertThat(missingCount(logReturns.returns())).isEqualTo(missingCount(prices));
    }

    @Test
    void pricesWithoutAReturnToMeasureAreRefusedUnderPrices() {
        PriceHistory oneDay = PriceTables.byDay(DATES.subList(0, 1), List.of("A"), new double[][] {{100}});
        PriceHistory neverPriced = PriceTables.byDay(DATES.subList(0, 2), List.of("A", "B"), new double[][] {{100, NA}, {101, NA}});

        assertThatThrownBy(() -> ReturnSeries.simple(oneDay))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("prices: the prices cover 1 date; at least two are needed");
        assertThatThrownBy(() -> ReturnSeries.logarithmic(neverPriced))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("prices: asset B has no price at all");
    }

    @Test
    void isImmutableAndRefusesMalformedInput() {
        double[][] values = {{0.1}, {0.2}};
        ReturnSeries returns = new ReturnSeries(DATES.subList(0, 2), List.of("A"), values);
        values[0][0] = 9;
        returns.returns()[1][0] = 9;
        returns.periodReturns(0)[0] = 9;
        assertThat(Arrays.deepToString(returns.returns())).isEqualTo(Arrays.deepToString(new double[][] {{0.1}, {0.2}}));

        assertInvalid(() -> new ReturnSeries(List.of(DATES.get(1), DATES.get(0)), List.of("A"), values),
                "date 2024-01-01 follows 2024-01-02; dates must ascend without repeats");
        assertInvalid(() -> new ReturnSeries(DATES.subList(0, 2), List.of("A", "A"), new double[][] {{1, 1}, {1, 1}}),
                "asset A appears twice");
        assertInvalid(() -> new ReturnSeries(DATES.subList(0, 2), List.of("A"), new double[][] {{1}}),
                "1 rows of returns for 2 dates");
        assertInvalid(() -> new ReturnSeries(DATES.subList(0, 2), List.of("A"), new double[][] {{1}, {1, 2}}),
                "the returns of 2024-01-02 have 2 entries for 1 assets");
        assertInvalid(() -> new ReturnSeries(DATES.subList(0, 2), List.of("A"), new double[][] {{1}, {Double.NEGATIVE_INFINITY}}),
                "A on 2024-01-02: the return is infinite");
    }

    private static void assertInvalid(Runnable construction, String problem) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("returns");
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    private static long missingCount(PriceHistory prices) {
        return missingCount(prices.assets().stream().map(prices::closes).toArray(double[][]::new));
    }

    private static long missingCount(double[][] matrix) {
        long count = 0;
        for (double[] row : matrix) {
            for (double value : row) {
                if (Double.isNaN(value)) {
                    count++;
                }
            }
        }
        return count;
    }
}
