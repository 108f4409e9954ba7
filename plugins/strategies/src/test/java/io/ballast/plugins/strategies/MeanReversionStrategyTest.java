package io.ballast.plugins.strategies;

import static io.ballast.plugins.strategies.MarketFixtures.context;
import static io.ballast.plugins.strategies.MarketFixtures.history;
import static io.ballast.plugins.strategies.MarketFixtures.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.Signal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeanReversionStrategyTest {

    /**
     * 19 deviations from 100 (six -2, five +2, five -1, two +1, one 0) and a last one of +5: they sum to
     * 0, so the 20-day mean is exactly 100; their squares sum to 24 + 20 + 5 + 2 + 0 + 25 = 76 = 19 x 4, so
     * the sample standard deviation is exactly 2 and the last close, 105, has z = 5 / 2 = 2.5.
     */
    private static final double[] DEVIATIONS = {-2, 2, -1, -2, 2, 1, -2, -1, 2, 0, -2, -1, 2, -2, 1, -1, 2, -2, -1, 5};

    private final MeanReversionStrategy strategy = new MeanReversionStrategy();

    /** Ten older closes (outside the 20-day window, so they must not matter) and then 100 + sign x the deviations. */
    private static double[] closes(double sign) {
        double[] closes = new double[30];
        Arrays.fill(closes, 0, 10, 50);
        for (int i = 0; i < 20; i++) {
            closes[10 + i] = 100 + sign * DEVIATIONS[i];
        }
        return closes;
    }

    @Test
    void aPriceTwoAndAHalfDeviationsAboveItsAverageIsASell() {
        Signal signal = strategy.evaluate(context(history("RICH", closes(+1)), Map.of())).signals().getFirst();

        // strength -z / fullStrengthZ = -2.5 / 3; confidence 1 - 1 / 2.5^2 = 1 - 0.16 = 0.84
        assertThat(signal.strength()).isEqualTo(-2.5 / 3);
        assertThat(signal.confidence()).isEqualTo(0.84);
        assertThat(signal.rationale()).isEqualTo(
                "price 105.0 is +2.50 standard deviations (2.000) from its 20-day average 100.0, beyond the entry at 2.00");
    }

    @Test
    void theMirrorImageIsABuyOfTheSameConfidence() {
        Signal signal = strategy.evaluate(context(history("CHEAP", closes(-1)), Map.of())).signals().getFirst();

        assertThat(signal.strength()).isEqualTo(2.5 / 3);
        assertThat(signal.confidence()).isEqualTo(0.84);
    }

    @Test
    void insideTheEntryThresholdThereIsNoOpinion() {
        Signal signal = strategy.evaluate(context(history("RICH", closes(+1)), parameters("entryZ", 3.0))).signals().getFirst();

        assertThat(signal.strength()).isZero();
        assertThat(signal.confidence()).isZero();
        assertThat(signal.rationale()).endsWith("within the entry at 3.00");
    }

    @Test
    void strengthIsCappedAtOneBeyondTheFullStrengthDistance() {
        Signal signal = strategy.evaluate(context(history("RICH", closes(+1)), parameters("fullStrengthZ", 2.0))).signals().getFirst();

        // -2.5 / 2 = -1.25, capped at -1; the confidence does not depend on fullStrengthZ
        assertThat(signal.strength()).isEqualTo(-1.0);
        assertThat(signal.confidence()).isEqualTo(0.84);
    }

    @Test
    void aShorterWindowSeesOnlyItsOwnDays() {
        // the last 4 closes (deviations 2, -2, -1, 5) are 102, 98, 99, 105: mean 101, deviations from it
        // 1, -3, -2, 4, squares 30, sample variance 10, z = 4 / sqrt 10; confidence 1 - 10 / 16 = 0.375
        double z = 4 / Math.sqrt(10);
        Signal signal = strategy.evaluate(context(history("RICH", closes(+1)), parameters("lookbackDays", 4, "entryZ", 1.0)))
                .signals().getFirst();

        assertThat(signal.strength()).isCloseTo(-z / 3, within(1e-15));
        assertThat(signal.confidence()).isCloseTo(1 - 1 / (z * z), within(1e-15)).isCloseTo(0.375, within(1e-15));
    }

    @Test
    void aPriceThatNeverMovedHasNoZScoreAndNoOpinion() {
        double[] flat = new double[25];
        Arrays.fill(flat, 42);
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("FLAT", flat);
        closes.put("RICH", Arrays.copyOfRange(closes(+1), 5, 30));

        var signals = strategy.evaluate(context(history(closes), Map.of())).signals();

        assertThat(signals.getFirst()).isEqualTo(new Signal("FLAT", 0, 0, "price 42.00 did not move over 20 days: no z-score"));
        assertThat(signals.get(1).strength()).isEqualTo(-2.5 / 3);
    }

    @Test
    void tooShortAHistoryNamesTheAssetAndTheDaysItNeeds() {
        PriceHistory prices = history("YOUNG", Arrays.copyOfRange(closes(+1), 11, 30));

        assertThatThrownBy(() -> strategy.evaluate(context(prices, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset YOUNG has 19 closes up to " + prices.dates().getLast() + "; mean-reversion needs at least 20 (lookbackDays 20)");
    }

    @Test
    void parametersOutOfRangeAreRefusedByName() {
        PriceHistory prices = history("RICH", closes(+1));

        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("entryZ", -1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter entryZ: must be at least 0.0, got -1.0");
        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("fullStrengthZ", Double.NaN))))
                .hasMessage("parameter fullStrengthZ: must be a finite number, got NaN");
        assertThatThrownBy(() -> strategy.evaluate(context(prices, parameters("lookbackDays", 1))))
                .hasMessage("parameter lookbackDays: must be at least 2, got 1");
    }
}
