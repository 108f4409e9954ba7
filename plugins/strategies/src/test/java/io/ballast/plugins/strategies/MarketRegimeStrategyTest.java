package io.ballast.plugins.strategies;

import static io.ballast.plugins.strategies.MarketFixtures.calmMarket;
import static io.ballast.plugins.strategies.MarketFixtures.context;
import static io.ballast.plugins.strategies.MarketFixtures.fromLogReturns;
import static io.ballast.plugins.strategies.MarketFixtures.history;
import static io.ballast.plugins.strategies.MarketFixtures.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.MarketRegime;
import io.ballast.api.strategy.RegimeCall;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Constructed markets of 1,000 closes: daily log returns {@code mu + A_i} on even days and
 * {@code mu - A_i} on odd days; calm markets are {@link MarketFixtures#calmMarket}. The expected measures and confidences were computed independently in
 * python with numpy from the same construction: mean of the last 200 closes, {@code numpy.polyfit} of the
 * log of the last 50 closes, {@code std(ddof=1)} of every 21-return window, and the rules as documented.
 */
class MarketRegimeStrategyTest {

    private final MarketRegimeStrategy strategy = new MarketRegimeStrategy();

    private RegimeCall regimeOf(PriceHistory prices, List<String> universe, Map<String, Object> parameters) {
        return strategy.evaluate(context(prices, universe, parameters)).regime().orElseThrow();
    }

    @Test
    void aSteadyFifteenPercentRiseIsBull() {
        RegimeCall call = regimeOf(history("MKT", calmMarket(0.15)), List.of("MKT"), parameters("benchmark", "MKT"));

        // numpy: gap +0.057735 (margin capped at 1), slope 0.1484495798319212 a year (margin 0.484...), percentile 0 (calm 1)
        assertThat(call.regime()).isEqualTo(MarketRegime.BULL);
        assertThat(call.confidence()).isCloseTo(0.4844957983192119, within(1e-9));
        assertThat(call.rationale()).isEqualTo("close +5.8% from its 200-day average (band 2.0%), 50-day slope +14.8% a year"
                + " (threshold 10.0%), 21-day volatility 8.2% a year, above 0.0% of the last 756 days' (high from 80%)");
    }

    @Test
    void aSteadyFifteenPercentFallIsBear() {
        RegimeCall call = regimeOf(history("MKT", calmMarket(-0.15)), List.of("MKT"), parameters("benchmark", "MKT"));

        // numpy: gap -0.060421, slope -0.15155042016806577 a year: margin 0.5155...
        assertThat(call.regime()).isEqualTo(MarketRegime.BEAR);
        assertThat(call.confidence()).isCloseTo(0.5155042016806577, within(1e-9));
    }

    @Test
    void aFivePercentDriftIsSidewaysBelowTheSlopeThreshold() {
        RegimeCall call = regimeOf(history("MKT", calmMarket(0.05)), List.of("MKT"), parameters("benchmark", "MKT"));

        // numpy: gap +0.017319 (inside the 2% band), slope 0.04844957983192758: not bull by max(0.134, 0.5155),
        // not bear by 1, calm 1: confidence 0.5155042016807242
        assertThat(call.regime()).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(call.confidence()).isCloseTo(0.5155042016807242, within(1e-9));
    }

    @Test
    void aVolatilitySpikeIsHighVolatilityWhateverTheTrend() {
        // calm at +-0.5% a day for 960 days, then 40 days at +-(2% + 0.05% per day): today's 21-day volatility
        // is the highest of the last 756, so 755 / 756 of them lie below it
        double[] closes = fromLogReturns(1000, day -> (day % 2 == 0 ? 1 : -1) * (day < 960 ? 0.005 : 0.02 + 0.0005 * (day - 960)));

        RegimeCall call = regimeOf(history("MKT", closes), List.of("MKT"), parameters("benchmark", "MKT"));

        // (755/756 - 0.8) / (1 - 0.8) = 0.9933862433862434
        assertThat(call.regime()).isEqualTo(MarketRegime.HIGH_VOLATILITY);
        assertThat(call.confidence()).isCloseTo((755.0 / 756 - 0.8) / 0.2, within(1e-12));
        assertThat(call.rationale()).contains("above 99.9% of the last 756 days' (high from 80%)");
    }

    @Test
    void aHigherPercentileThresholdNeedsARarerSpike() {
        // the calm bull market's volatility is the lowest: still calm at a 0.99 threshold, confidence still the slope's
        RegimeCall call = regimeOf(history("MKT", calmMarket(0.15)), List.of("MKT"),
                parameters("benchmark", "MKT", "highVolatilityPercentile", 0.99, "minAnnualSlope", 0.05));

        // slope 0.1484495798319212 against 0.05: (0.1484 - 0.05) / 0.05 = 1.97, capped at 1; gap capped at 1
        assertThat(call.regime()).isEqualTo(MarketRegime.BULL);
        assertThat(call.confidence()).isEqualTo(1.0);
    }

    @Test
    void theEqualWeightedUniverseIsTheMarketWhenNoBenchmarkIsNamed() {
        // X and Y move by the benchmark's simple return plus and minus 1% in turn, so their equal-weighted daily
        // mean is the benchmark's own return: the index is the benchmark over 100, and its regime the same
        double[] market = calmMarket(0.15);
        double[] x = new double[market.length];
        double[] y = new double[market.length];
        x[0] = 100;
        y[0] = 100;
        for (int day = 1; day < market.length; day++) {
            double r = market[day] / market[day - 1] - 1;
            double spread = day % 2 == 0 ? 0.01 : -0.01;
            x[day] = x[day - 1] * (1 + r + spread);
            y[day] = y[day - 1] * (1 + r - spread);
        }
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("X", x);
        closes.put("Y", y);
        closes.put("MKT", market);
        PriceHistory prices = history(closes);

        RegimeCall ofUniverse = regimeOf(prices, List.of("X", "Y"), Map.of());
        RegimeCall ofBenchmark = regimeOf(prices, List.of("X", "Y"), parameters("benchmark", "MKT"));

        assertThat(ofUniverse.regime()).isEqualTo(MarketRegime.BULL).isEqualTo(ofBenchmark.regime());
        assertThat(ofUniverse.confidence()).isCloseTo(ofBenchmark.confidence(), within(1e-9)).isCloseTo(0.4844957983192119, within(1e-9));
    }

    @Test
    void anAssetJoinsTheEqualWeightedIndexOnceItIsListed() {
        // Y is X listed 500 days late: before, the index is X alone; after, the mean of two equal returns
        double[] x = calmMarket(-0.15);
        double[] y = x.clone();
        Arrays.fill(y, 0, 500, Double.NaN);
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("X", x);
        closes.put("Y", y);

        RegimeCall call = regimeOf(history(closes), List.of("X", "Y"), Map.of());

        assertThat(call.regime()).isEqualTo(MarketRegime.BEAR);
        assertThat(call.confidence()).isCloseTo(0.5155042016806577, within(1e-9));
    }

    @Test
    void aBenchmarkOutsideThePriceHistoryIsRefused() {
        PriceHistory prices = history("MKT", calmMarket(0.15));

        assertThatThrownBy(() -> regimeOf(prices, List.of("MKT"), parameters("benchmark", "SPY")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter benchmark: must name an asset of the price history [MKT], got SPY");
    }

    @Test
    void tooShortAHistoryNamesTheMarketAndTheDaysItNeeds() {
        double[] short776 = Arrays.copyOfRange(calmMarket(0.15), 224, 1000);
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("X", short776);
        closes.put("Y", short776);
        PriceHistory prices = history(closes);
        String needs = "; market-regime needs at least 777 (the longest of trendDays 200, slopeDays 50"
                + " and volatilityHistoryDays 756 + volatilityDays 21)";

        assertThatThrownBy(() -> regimeOf(prices, List.of("X", "Y"), parameters("benchmark", "Y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset Y has 776 closes up to " + prices.dates().getLast() + needs);
        assertThatThrownBy(() -> regimeOf(prices, List.of("X", "Y"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("equal-weighted index of the universe [X, Y] has 776 closes up to " + prices.dates().getLast() + needs);
    }

    @Test
    void shorterWindowsAndANarrowerBandNeedFewerCloses() {
        // the last 100 closes of the 15% rise, windows 50 / 20 / 10 / 90: 90 + 10 = 100 closes needed.
        // numpy: gap +0.012114210520991708 (above the 1% band: margin 0.2114...), slope 0.14043 a year
        // (margin 0.404), percentile 0; with the default 2% band the same market is SIDEWAYS (gap inside it,
        // not bull by max((0.02 - 0.012114) / 0.02, -0.404) = 0.3942894739504146)
        PriceHistory prices = history("MKT", Arrays.copyOfRange(calmMarket(0.15), 900, 1000));
        Map<String, Object> windows = parameters("benchmark", "MKT", "trendDays", 50, "slopeDays", 20, "volatilityDays", 10,
                "volatilityHistoryDays", 90);

        RegimeCall inDefaultBand = regimeOf(prices, List.of("MKT"), windows);
        windows.put("trendBand", 0.01);
        RegimeCall call = regimeOf(prices, List.of("MKT"), windows);

        assertThat(inDefaultBand.regime()).isEqualTo(MarketRegime.SIDEWAYS);
        assertThat(inDefaultBand.confidence()).isCloseTo(0.3942894739504146, within(1e-9));
        assertThat(call.regime()).isEqualTo(MarketRegime.BULL);
        assertThat(call.confidence()).isCloseTo(0.2114210520991708, within(1e-9));
    }

    @Test
    void describesItsParametersWithDefaults() {
        assertThat(strategy.parameters()).extracting(spec -> spec.name() + "=" + spec.defaultValue().orElseThrow()).containsExactly(
                "benchmark=", "trendDays=200", "slopeDays=50", "volatilityDays=21", "volatilityHistoryDays=756",
                "trendBand=0.02", "minAnnualSlope=0.1", "highVolatilityPercentile=0.8");
    }
}
