package io.ballast.plugins.strategies;

import static io.ballast.plugins.strategies.MarketFixtures.alternating;
import static io.ballast.plugins.strategies.MarketFixtures.context;
import static io.ballast.plugins.strategies.MarketFixtures.geometric;
import static io.ballast.plugins.strategies.MarketFixtures.history;
import static io.ballast.plugins.strategies.MarketFixtures.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.StrategyOutput;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeSeriesMomentumStrategyTest {

    private final TimeSeriesMomentumStrategy strategy = new TimeSeriesMomentumStrategy();

    @Test
    void aGeometricRiseIsAFullBuyAndAGeometricFallAFullSell() {
        // 300 closes 100 x 1.001^i and 100 x 0.999^i: the 12-1 return spans 252 - 21 = 231 days, so it is
        // 1.001^231 - 1 = 0.259713831035409 and 0.999^231 - 1 = -0.2063522667356945 (python); every daily
        // return is the same, so the volatility is 0 (full size) and the trend is certain (t infinite)
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("UP", geometric(300, 1.001));
        closes.put("DOWN", geometric(300, 0.999));
        PriceHistory prices = history(closes);

        List<Signal> signals = strategy.evaluate(context(prices, Map.of())).signals();

        assertThat(signals).extracting(Signal::asset).containsExactly("UP", "DOWN");
        assertThat(signals.get(0).strength()).isEqualTo(1.0);
        assertThat(signals.get(0).confidence()).isEqualTo(1.0);
        assertThat(signals.get(0).rationale()).startsWith("12-1 return +26.0% (252 to 21 days ago)");
        assertThat(signals.get(1).strength()).isEqualTo(-1.0);
        assertThat(signals.get(1).confidence()).isEqualTo(1.0);
        assertThat(signals.get(1).rationale()).startsWith("12-1 return -20.6%");
        MomentumWindow twelveMinusOne = new MomentumWindow(252, 21);
        assertThat(MomentumReturn.measure(new CloseSeries("UP", prices.dates().getLast(), closes.get("UP")), twelveMinusOne)
                .simpleReturn()).isCloseTo(Math.pow(1.001, 231) - 1, within(1e-12));
        assertThat(MomentumReturn.measure(new CloseSeries("DOWN", prices.dates().getLast(), closes.get("DOWN")), twelveMinusOne)
                .simpleReturn()).isCloseTo(Math.pow(0.999, 231) - 1, within(1e-12));
    }

    @Test
    void aNoisyTrendAtTheFivePercentCriticalValueHasConfidenceNinetyFivePercentAndStrengthFromItsVolatility() {
        // log returns a + b on even days, a - b on odd days; lookback 12, skip 2: the formation window holds
        // n = 10 of them, 5 of each, so mean = a, sample sd = b sqrt(10/9) and t = a / (sd / sqrt 10) = 3a / b.
        // With b = 0.05 and a = 2.262157162798205 x b / 3, t is the two-sided 5% critical value of Student's t
        // with 9 degrees of freedom (scipy.stats.t.ppf(0.975, 9); 2.262 in every t table), so 1 - p = 0.95.
        double b = 0.05;
        double a = 2.262157162798205 * b / 3;
        // strength: the last 12 simple returns are x = e^(a+b) - 1 and y = e^(a-b) - 1, six each, so their
        // sample sd is |x - y| / 2 x sqrt(12/11); annualised x sqrt(252) = 0.8612307656435622 (numpy agrees to 1e-15)
        double x = Math.exp(a + b) - 1;
        double y = Math.exp(a - b) - 1;
        double annualVolatility = Math.abs(x - y) / 2 * Math.sqrt(12.0 / 11) * Math.sqrt(252);
        PriceHistory prices = history("NOISY", alternating(30, a, b));

        Signal signal = strategy.evaluate(context(prices, parameters("lookbackDays", 12, "skipDays", 2))).signals().getFirst();

        assertThat(signal.confidence()).isCloseTo(0.95, within(1e-9));
        assertThat(signal.strength()).isCloseTo(0.40 / annualVolatility, within(1e-12)).isCloseTo(0.464451591788058, within(1e-12));
        // the 12-1 return: exp(10 a) - 1 = 0.4579424979248381
        assertThat(signal.rationale()).isEqualTo("12-1 return +45.8% (12 to 2 days ago), t = 2.26 over 10 daily returns;"
                + " annual volatility 86.1% against a 40% target");
    }

    @Test
    void aFallingNoisyTrendIsASellWithTheSameConfidence() {
        double b = 0.05;
        double a = -2.262157162798205 * b / 3;
        PriceHistory prices = history("FALLING", alternating(30, a, b));

        Signal signal = strategy.evaluate(context(prices, parameters("lookbackDays", 12, "skipDays", 2))).signals().getFirst();

        // t = 3a / b = -2.262...: the same 1 - p; strength -min(1, 0.40 / volatility) with the volatility as above
        double annualVolatility = Math.abs(Math.exp(a + b) - Math.exp(a - b)) / 2 * Math.sqrt(12.0 / 11) * Math.sqrt(252);
        assertThat(signal.confidence()).isCloseTo(0.95, within(1e-9));
        assertThat(signal.strength()).isCloseTo(-0.40 / annualVolatility, within(1e-12));
    }

    @Test
    void aLowerVolatilityTargetScalesTheStrengthDownInProportion() {
        double b = 0.05;
        double a = 2.262157162798205 * b / 3;
        PriceHistory prices = history("NOISY", alternating(30, a, b));

        Signal signal = strategy.evaluate(context(prices,
                parameters("lookbackDays", 12, "skipDays", 2, "targetAnnualVolatility", 0.20))).signals().getFirst();

        // half the target, half the strength: 0.464451591788058 / 2
        assertThat(signal.strength()).isCloseTo(0.232225795894029, within(1e-12));
    }

    @Test
    void closesMissingBeforeAListingAreLeftOutNotFilled() {
        double[] listed = geometric(300, 1.001);
        double[] withGapBeforeListing = new double[350];
        Arrays.fill(withGapBeforeListing, 0, 50, Double.NaN);
        System.arraycopy(listed, 0, withGapBeforeListing, 50, 300);
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("OLD", geometric(350, 0.999));
        closes.put("NEW", withGapBeforeListing);

        Signal listedLate = strategy.evaluate(context(history(closes), Map.of())).signals().get(1);
        Signal alone = strategy.evaluate(context(history("NEW", listed), Map.of())).signals().getFirst();

        assertThat(listedLate).isEqualTo(alone);
    }

    @Test
    void tooShortAHistoryNamesTheAssetAndTheDaysItNeeds() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("LONG", geometric(300, 1.001));
        double[] young = geometric(300, 1.001);
        Arrays.fill(young, 0, 48, Double.NaN);
        closes.put("YOUNG", young);
        PriceHistory prices = history(closes);

        assertThatThrownBy(() -> strategy.evaluate(context(prices, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset YOUNG has 252 closes up to " + prices.dates().getLast()
                        + "; time-series-momentum needs at least 253 (lookbackDays 252 + 1)");
    }

    @Test
    void parametersOutOfRangeOfTheWrongTypeOrUnknownAreRefusedByName() {
        PriceHistory prices = history("A", geometric(300, 1.001));

        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("lookbackDays", 12, "skipDays", 11))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter skipDays: must be at most lookbackDays - 2 = 10"
                        + " (the formation window needs at least 2 daily returns), got 11");
        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("lookbackDays", 1))))
                .hasMessage("parameter lookbackDays: must be at least 2, got 1");
        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("lookbackDays", 12.5))))
                .hasMessage("parameter lookbackDays: must be a whole number, got 12.5");
        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("targetAnnualVolatility", "high"))))
                .hasMessage("parameter targetAnnualVolatility: must be a finite number, got 'high'");
        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("lookback", 200))))
                .hasMessage("parameter lookback: is not a parameter of time-series-momentum; it takes"
                        + " [lookbackDays, skipDays, targetAnnualVolatility, maxStaleDays]");
    }

    /**
     * DEAD stops trading 10 weekdays before the history ends (a NaN tail): 14 calendar days before its last
     * day, more than the 5 allowed, so no signal, however strong its trend; LIVE, on the same trend, gets one.
     */
    @Test
    void anAssetWhoseLastCloseIsStaleGetsNoSignalWithTheReason() {
        double[] live = geometric(300, 1.002);
        double[] dead = geometric(300, 1.002);
        java.util.Arrays.fill(dead, 290, 300, Double.NaN);
        PriceHistory prices = history(Map.of("LIVE", live, "DEAD", dead));
        java.time.LocalDate lastClose = prices.dates().get(289);

        StrategyOutput output = strategy.evaluate(context(prices, List.of("LIVE", "DEAD"), Map.of()));

        assertThat(output.signals()).extracting(Signal::asset, Signal::strength, Signal::confidence)
                .contains(org.assertj.core.groups.Tuple.tuple("DEAD", 0.0, 0.0));
        assertThat(output.signals()).filteredOn(signal -> signal.asset().equals("DEAD")).singleElement()
                .extracting(Signal::rationale).isEqualTo("asset DEAD: its last close is on " + lastClose + ", 14 calendar days before"
                        + " the history's last day " + prices.dates().getLast() + " (maxStaleDays 5); a stale price gives no signal");
        assertThat(output.signals()).filteredOn(signal -> signal.asset().equals("LIVE")).singleElement()
                .extracting(Signal::strength).isEqualTo(1.0);
        // allowing 14 days, DEAD's old trend counts again
        assertThat(strategy.evaluate(context(prices, List.of("DEAD"), Map.of("maxStaleDays", 14))).signals())
                .singleElement().extracting(Signal::strength).isEqualTo(1.0);
    }

    @Test
    void aWholeNumberGivenAsADoubleOrALongIsAnInteger() {
        // JSON numbers arrive as Integer, Long or Double; 12.0 and 12L are both the whole number 12
        PriceHistory prices = history("NOISY", alternating(30, 0.01, 0.05));
        StrategyOutput asInteger = strategy.evaluate(context(prices, parameters("lookbackDays", 12, "skipDays", 2)));

        assertThat(strategy.evaluate(context(prices, parameters("lookbackDays", 12.0, "skipDays", 2L)))).isEqualTo(asInteger);
    }

    @Test
    void describesItsParametersWithDefaultsAndRanges() {
        assertThat(strategy.id()).isEqualTo("time-series-momentum");
        assertThat(strategy.parameters()).extracting(spec -> spec.name() + "=" + spec.defaultValue().orElseThrow()
                        + " [" + spec.minimum().orElseThrow() + ", " + spec.maximum().orElseThrow() + "]")
                .containsExactly("lookbackDays=252 [2.0, 2520.0]", "skipDays=21 [0.0, 2518.0]", "targetAnnualVolatility=0.4 [0.01, 2.0]",
                        "maxStaleDays=5 [0.0, 366.0]");
    }
}
