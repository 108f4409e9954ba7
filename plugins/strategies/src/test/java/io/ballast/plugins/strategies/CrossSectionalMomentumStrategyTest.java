package io.ballast.plugins.strategies;

import static io.ballast.plugins.strategies.MarketFixtures.alternating;
import static io.ballast.plugins.strategies.MarketFixtures.context;
import static io.ballast.plugins.strategies.MarketFixtures.geometric;
import static io.ballast.plugins.strategies.MarketFixtures.history;
import static io.ballast.plugins.strategies.MarketFixtures.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.StrategyOutput;
import io.ballast.api.strategy.WeightTilt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ten assets A0..A9 whose daily log returns are {@code a_i + b} and {@code a_i - b} in turn, with
 * {@code a_i = 0.001 (i - 4)} and {@code b = 0.02}; lookback 12, skip 2. The formation window holds 10
 * returns, 5 of each sign, so the log 12-1 return is exactly {@code L_i = 10 a_i} (A9 best, A0 worst), its
 * daily sample sd is {@code b sqrt(10/9)} and its standard error {@code b sqrt(10/9) sqrt(10) = 10 b / 3}
 * for every asset.
 */
class CrossSectionalMomentumStrategyTest {

    private static final double STANDARD_ERROR = 10 * 0.02 / 3;

    private final CrossSectionalMomentumStrategy strategy = new CrossSectionalMomentumStrategy();

    private static PriceHistory tenAssets() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            closes.put("A" + i, alternating(40, 0.001 * (i - 4), 0.02));
        }
        return history(closes);
    }

    @Test
    void longOnlyBuysTheTopThirtyPercentFundedByTheRest() {
        StrategyOutput output = strategy.evaluate(context(tenAssets(), parameters("lookbackDays", 12, "skipDays", 2)));

        // k = floor(0.3 x 10) = 3 winners get +0.10 / 3 each; the 7 others give 0.10 / 7 each
        assertThat(output.tilts()).extracting(WeightTilt::asset).containsExactly("A9", "A8", "A7", "A6", "A5", "A4", "A3", "A2", "A1", "A0");
        assertThat(output.tilts().stream().mapToDouble(WeightTilt::weightChange).toArray()).containsExactly(
                new double[] {0.1 / 3, 0.1 / 3, 0.1 / 3, -0.1 / 7, -0.1 / 7, -0.1 / 7, -0.1 / 7, -0.1 / 7, -0.1 / 7, -0.1 / 7}, within(1e-15));
        assertThat(output.tilts().stream().mapToDouble(WeightTilt::weightChange).sum()).isCloseTo(0, within(1e-15));
        // the spread: mean L of the legs 10 x 0.001 x (4 - (-1)) = 0.05, over 10b/3 x sqrt(1/3 + 1/7):
        // z = 1.0868532559642081, erf(z / sqrt 2) = 0.7228983327306153 (python: math.erf and 2 scipy.stats.norm.cdf(z) - 1 agree)
        double z = 0.05 / (STANDARD_ERROR * Math.sqrt(1.0 / 3 + 1.0 / 7));
        assertThat(z).isCloseTo(1.0868532559642081, within(1e-12));
        assertThat(output.tilts()).allSatisfy(tilt -> assertThat(tilt.confidence()).isCloseTo(0.7228983327306153, within(1e-12)));
        assertThat(output.views()).isEmpty();
        assertThat(output.regime()).isEmpty();
    }

    @Test
    void shortBottomSellsTheWorstThirtyPercentAndLeavesTheMiddleAlone() {
        StrategyOutput output = strategy.evaluate(context(tenAssets(),
                parameters("lookbackDays", 12, "skipDays", 2, "shortBottom", true, "tiltWeight", 0.3)));

        assertThat(output.tilts()).extracting(WeightTilt::asset).containsExactly("A9", "A8", "A7", "A2", "A1", "A0");
        assertThat(output.tilts().stream().mapToDouble(WeightTilt::weightChange).toArray())
                .containsExactly(new double[] {0.1, 0.1, 0.1, -0.1, -0.1, -0.1}, within(1e-15));
        // legs 10 x 0.001 x (4 - (-3)) = 0.07 apart, over 10b/3 x sqrt(2/3): z = 1.2859821149611685,
        // erf(z / sqrt 2) = 0.8015506964079877 (python)
        assertThat(output.tilts()).allSatisfy(tilt -> assertThat(tilt.confidence()).isCloseTo(0.8015506964079877, within(1e-12)));
    }

    @Test
    void signalsRankEveryAssetFromPlusOneToMinusOneWithConfidenceFromTheDistanceToTheMedian() {
        List<Signal> signals = strategy.evaluate(context(tenAssets(), parameters("lookbackDays", 12, "skipDays", 2))).signals();

        // strength 1 - 2 (rank - 1) / 9
        assertThat(signals).extracting(Signal::asset).containsExactly("A9", "A8", "A7", "A6", "A5", "A4", "A3", "A2", "A1", "A0");
        assertThat(signals.stream().mapToDouble(Signal::strength).toArray()).containsExactly(
                new double[] {1.0, 7.0 / 9, 5.0 / 9, 3.0 / 9, 1.0 / 9, -1.0 / 9, -3.0 / 9, -5.0 / 9, -7.0 / 9, -1.0}, within(1e-15));
        // the median L is (L4 + L5) / 2 = 0.005; A9: (0.05 - 0.005) / (10b/3) = 0.675, 2 Phi(0.675) - 1 = 0.5003242350564459;
        // A5 and A4: 0.075 standard errors, 0.059785288105789425 (python, scipy.stats.norm)
        assertThat(signals.getFirst().confidence()).isCloseTo(0.5003242350564459, within(1e-12));
        assertThat(signals.get(4).confidence()).isCloseTo(0.059785288105789425, within(1e-12));
        assertThat(signals.get(5).confidence()).isCloseTo(0.059785288105789425, within(1e-12));
        assertThat(signals.getLast().confidence()).isCloseTo(0.5003242350564459, within(1e-12));
        // 12-1 return of A9: exp(10 x 0.005) - 1 = 5.1%
        assertThat(signals.getFirst().rationale()).isEqualTo("12-1 return +5.1%, rank 1 of 10 (long leg); 0.68 standard errors from the median");
        assertThat(signals.getLast().rationale()).startsWith("12-1 return -3.9%, rank 10 of 10 (funding leg)");
    }

    @Test
    void aSmallUniverseStillHasALongLegOfOne() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("LOW", alternating(40, -0.001, 0.02));
        closes.put("HIGH", alternating(40, 0.002, 0.02));
        closes.put("MID", alternating(40, 0.0, 0.02));

        StrategyOutput output = strategy.evaluate(context(history(closes), parameters("lookbackDays", 12, "skipDays", 2)));

        // floor(0.3 x 3) = 0, raised to 1: HIGH +0.10, LOW and MID -0.05 each
        assertThat(output.tilts()).extracting(WeightTilt::asset, WeightTilt::weightChange).containsExactly(
                tuple("HIGH", 0.1),
                tuple("MID", -0.05),
                tuple("LOW", -0.05));
    }

    @Test
    void equalReturnsKeepTheUniverseOrder() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("FIRST", geometric(40, 1.001));
        closes.put("SECOND", geometric(40, 1.001));

        StrategyOutput output = strategy.evaluate(context(history(closes), parameters("lookbackDays", 12, "skipDays", 2)));

        assertThat(output.signals()).extracting(Signal::asset).containsExactly("FIRST", "SECOND");
        // no gap between the legs: nothing to be confident about
        assertThat(output.tilts()).allSatisfy(tilt -> assertThat(tilt.confidence()).isZero());
    }

    /**
     * GONE rose fastest but has no close for its last 10 weekdays (14 calendar days): it is left out of
     * the ranking with the reason, and the two assets with current closes are ranked between themselves.
     */
    @Test
    void anAssetWithAStaleLastCloseIsLeftOutOfTheRanking() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("GONE", geometric(40, 1.01));
        closes.put("UP", geometric(40, 1.002));
        closes.put("FLAT", geometric(40, 1.001));
        java.util.Arrays.fill(closes.get("GONE"), 30, 40, Double.NaN);
        PriceHistory prices = history(closes);

        StrategyOutput output = strategy.evaluate(context(prices, parameters("lookbackDays", 12, "skipDays", 2)));

        assertThat(output.signals()).extracting(Signal::asset, Signal::strength)
                .containsExactly(tuple("UP", 1.0), tuple("FLAT", -1.0), tuple("GONE", 0.0));
        assertThat(output.signals().getLast().rationale()).isEqualTo("left out of the ranking: asset GONE: its last close is on "
                + prices.dates().get(29) + ", 14 calendar days before the history's last day " + prices.dates().getLast()
                + " (maxStaleDays 5); a stale price gives no signal");
        assertThat(output.tilts()).extracting(WeightTilt::asset).containsExactly("UP", "FLAT");
    }

    @Test
    void aSingleAssetCannotBeRanked() {
        assertThatThrownBy(() -> strategy.evaluate(context(history("ONLY", geometric(300, 1.001)), Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("universe has 1 asset with a recent close (of 1); cross-sectional-momentum ranks at least 2");
    }

    @Test
    void tooShortAHistoryNamesTheAssetAndTheDaysItNeeds() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("A", geometric(40, 1.001));
        closes.put("B", geometric(40, 1.002));
        PriceHistory prices = history(closes);

        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("lookbackDays", 40, "skipDays", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset A has 40 closes up to " + prices.dates().getLast()
                        + "; cross-sectional-momentum needs at least 41 (lookbackDays 40 + 1)");
    }

    @Test
    void aTopFractionAboveHalfIsRefused() {
        assertThatThrownBy(() -> strategy.evaluate(context(tenAssets(), parameters("lookbackDays", 12, "skipDays", 2, "topFraction", 0.6))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter topFraction: must be at most 0.5, got 0.6");
        assertThatThrownBy(() -> strategy.evaluate(context(tenAssets(), parameters("shortBottom", "yes"))))
                .hasMessage("parameter shortBottom: must be true or false, got 'yes'");
    }
}
