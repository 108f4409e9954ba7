package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class HistoricalStressReplayTest {

    private static final double NaN = Double.NaN;
    private static final Offset<Double> EXACT = within(1e-15);
    private static final List<String> ASSETS = List.of("A", "B", "C");
    private static final List<LocalDate> DATES = List.of(
            LocalDate.parse("2020-02-18"), LocalDate.parse("2020-02-19"), LocalDate.parse("2020-02-20"),
            LocalDate.parse("2020-02-21"), LocalDate.parse("2020-02-24"));
    private static final double[][] RETURNS = {
        {0.05, 0.01, 0.0},
        {-0.10, 0.02, NaN},
        {-0.20, NaN, 0.0},
        {0.10, 0.03, 0.0},
        {0.50, 0.50, 0.0},
    };
    private static final double[] WEIGHTS = {0.7, 0.3, 0.0};

    @Test
    void replaysAWindowOnTodaysWeights() {
        HistoricalWindow window = new HistoricalWindow("sell-off", LocalDate.parse("2020-02-19"), LocalDate.parse("2020-02-21"));

        HistoricalReplayResult result = HistoricalStressReplay.of(ASSETS, DATES, RETURNS, WEIGHTS).replay(window);

        // A: 0.9 * 0.8 * 1.1 - 1 = -0.208; B: 1.02 * 1.03 - 1 = 0.0506 (its missing 02-20 counts as no move)
        // P&L 0.7 * -0.208 + 0.3 * 0.0506 = -0.1456 + 0.01518 = -0.13042
        assertThat(result.window()).isEqualTo("sell-off");
        assertThat(result.periodCount()).isEqualTo(3);
        assertThat(result.cumulativeReturnByAsset()).containsOnlyKeys("A", "B");
        assertThat(result.cumulativeReturnByAsset().get("A")).isCloseTo(-0.208, EXACT);
        assertThat(result.cumulativeReturnByAsset().get("B")).isCloseTo(0.0506, EXACT);
        assertThat(result.pnlContributionByAsset().get("A")).isCloseTo(-0.1456, EXACT);
        assertThat(result.pnlContributionByAsset().get("B")).isCloseTo(0.01518, EXACT);
        assertThat(result.portfolioPnlFraction()).isCloseTo(-0.13042, EXACT);
        // complete periods in the window: 02-19 (0.7 * -0.1 + 0.3 * 0.02 = -0.064) and 02-21 (0.07 + 0.009 = 0.079);
        // 02-20 lacks B
        assertThat(result.worstPeriodDate()).isEqualTo(LocalDate.parse("2020-02-19"));
        assertThat(result.worstPeriodReturn()).isCloseTo(-0.064, EXACT);
    }

    @Test
    void aWindowWithoutACompletePeriodHasNoWorstPeriod() {
        // A trades only on the first day, B only on the second: each has a move, no day has both
        double[][] staggered = {{0.0, 0.0, 0.0}, {-0.2, NaN, 0.0}, {NaN, 0.1, 0.0}, {0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}};
        HistoricalWindow twoDays = new HistoricalWindow("staggered", LocalDate.parse("2020-02-19"), LocalDate.parse("2020-02-20"));

        HistoricalReplayResult result = HistoricalStressReplay.of(ASSETS, DATES, staggered, WEIGHTS).replay(twoDays);

        assertThat(result.worstPeriodDate()).isNull();
        assertThat(result.worstPeriodReturn()).isNull();
        // 0.7 * -0.2 + 0.3 * 0.1 = -0.14 + 0.03 = -0.11
        assertThat(result.pnlContributionByAsset()).containsOnlyKeys("A", "B");
        assertThat(result.pnlContributionByAsset().get("A")).isCloseTo(-0.14, EXACT);
        assertThat(result.pnlContributionByAsset().get("B")).isCloseTo(0.03, EXACT);
        assertThat(result.portfolioPnlFraction()).isCloseTo(-0.11, EXACT);
    }

    @Test
    void refusesWindowsItCannotReplay() {
        HistoricalStressReplay replay = HistoricalStressReplay.of(ASSETS, DATES, RETURNS, WEIGHTS);

        assertRejected(() -> replay.replay(new HistoricalWindow("before", LocalDate.parse("2019-01-01"), LocalDate.parse("2019-12-31"))),
                "historicalWindows", "window 'before' (2019-01-01 to 2019-12-31) holds no period of the return series (2020-02-18 to 2020-02-24)");
        double[][] bMissing = {{0.0, 0.0, 0.0}, {0.0, NaN, 0.0}, {0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}};
        assertRejected(() -> HistoricalStressReplay.of(ASSETS, DATES, bMissing, WEIGHTS)
                        .replay(new HistoricalWindow("hole", LocalDate.parse("2020-02-19"), LocalDate.parse("2020-02-19"))),
                "historicalWindows", "asset 'B' has no return in window 'hole'");
        assertRejected(() -> new HistoricalWindow("backwards", LocalDate.parse("2020-03-01"), LocalDate.parse("2020-02-01")),
                "historicalWindows", "window 'backwards' ends (2020-02-01) before it starts (2020-03-01)");
    }

    @Test
    void refusesDatesThatDoNotMatchThePeriods() {
        assertRejected(() -> HistoricalStressReplay.of(ASSETS, DATES.subList(0, 4), RETURNS, WEIGHTS), "periodDates",
                "one date per period (5), got 4");
        List<LocalDate> unordered = List.of(DATES.get(0), DATES.get(2), DATES.get(1), DATES.get(3), DATES.get(4));
        assertRejected(() -> HistoricalStressReplay.of(ASSETS, unordered, RETURNS, WEIGHTS), "periodDates",
                "strictly increasing; 2020-02-19 follows 2020-02-20");
    }
}
