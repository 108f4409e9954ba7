package com.example.crossover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A strategy is plain Java: test it with a hand-made price history, no platform needed. Averages worked out by hand. */
class MovingAverageCrossoverTest {

    private static final int DAYS = 60;
    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private final MovingAverageCrossover strategy = new MovingAverageCrossover();

    @Test
    void risingPricesGiveABuyAndFallingPricesASellWithDefaultWindows() {
        Map<String, double[]> closes = new LinkedHashMap<>();
        closes.put("UP", IntStream.rangeClosed(1, DAYS).asDoubleStream().toArray());            // 1, 2, ..., 60
        closes.put("DOWN", IntStream.rangeClosed(1, DAYS).map(day -> DAYS + 1 - day).asDoubleStream().toArray()); // 60, ..., 1

        List<Signal> signals = strategy.evaluate(context(closes, Map.of())).signals();

        // UP: 20-day mean of 41..60 = 50.5, 50-day mean of 11..60 = 35.5; gap 50.5 / 35.5 - 1 = +42.3%, far past 5%: confidence 1
        assertEquals(new Signal("UP", 1, 1, "20-day average 50.50 vs 50-day 35.50 (+42.3%)"), signals.get(0));
        // DOWN: 20-day mean of 20..1 = 10.5, 50-day mean of 50..1 = 25.5; gap 10.5 / 25.5 - 1 = -58.8%
        assertEquals(new Signal("DOWN", -1, 1, "20-day average 10.50 vs 50-day 25.50 (-58.8%)"), signals.get(1));
    }

    @Test
    void aSmallGapGivesAProportionallySmallConfidence() {
        double[] closes = new double[DAYS];
        for (int day = 0; day < DAYS; day++) {
            closes[day] = day < DAYS - 20 ? 100 : 101; // the last 20 days one higher
        }

        Signal signal = strategy.evaluate(context(Map.of("FLAT", closes), Map.of())).signals().getFirst();

        // 20-day mean 101; 50-day mean (30 × 100 + 20 × 101) / 50 = 100.4; gap 0.6 / 100.4 = 0.598%; confidence gap / 5%
        assertEquals(1, signal.strength());
        assertEquals(0.6 / 100.4 / 0.05, signal.confidence(), 1e-12);
        assertEquals("20-day average 101.00 vs 50-day 100.40 (+0.6%)", signal.rationale());
    }

    @Test
    void windowsAreParametersAndMissingPricesAreSkipped() {
        double[] closes = IntStream.rangeClosed(1, DAYS).asDoubleStream().toArray();
        closes[DAYS - 2] = Double.NaN; // 59 missing: the known closes end ..., 57, 58, 60

        Signal signal = strategy.evaluate(context(Map.of("GAP", closes), Map.of("shortWindow", 2, "longWindow", 4))).signals().getFirst();

        // 2-day mean of 58, 60 = 59; 4-day mean of 56, 57, 58, 60 = 57.75; gap 59 / 57.75 - 1 = +2.16%; confidence 2.16% / 5%
        assertEquals(1, signal.strength());
        assertEquals((59 / 57.75 - 1) / 0.05, signal.confidence(), 1e-12);
    }

    @Test
    void anAssetWithTooShortAHistoryGetsNoSignal() {
        double[] closes = IntStream.rangeClosed(1, DAYS).asDoubleStream().toArray();
        for (int day = 0; day < 11; day++) {
            closes[day] = Double.NaN; // listed on day 12: 49 known closes, one short of the 50-day window
        }

        StrategyOutput output = strategy.evaluate(context(Map.of("NEW", closes), Map.of()));

        assertEquals(List.of(), output.signals());
    }

    @Test
    void aShortWindowNotBelowTheLongOneIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> strategy.evaluate(
                context(Map.of("UP", IntStream.rangeClosed(1, DAYS).asDoubleStream().toArray()), Map.of("shortWindow", 50))));

        assertEquals("parameter shortWindow: must be below longWindow (50), got 50", refused.getMessage());
    }

    /** The declared range, read by the API's ParameterValues: a whole-number bound is written whole. */
    @Test
    void aWindowOutsideItsRangeOrNotWholeIsRefusedNamingIt() {
        Map<String, double[]> closes = Map.of("UP", IntStream.rangeClosed(1, DAYS).asDoubleStream().toArray());

        assertEquals("parameter shortWindow: must be at most 250, got 300",
                assertThrows(IllegalArgumentException.class, () -> strategy.evaluate(context(closes, Map.of("shortWindow", 300)))).getMessage());
        assertEquals("parameter longWindow: must be a whole number, got 50.5",
                assertThrows(IllegalArgumentException.class, () -> strategy.evaluate(context(closes, Map.of("longWindow", 50.5)))).getMessage());
    }

    private static StrategyContext context(Map<String, double[]> closesByAsset, Map<String, Object> parameters) {
        List<LocalDate> dates = IntStream.range(0, DAYS).mapToObj(FIRST_DAY::plusDays).toList();
        return new StrategyContext(dates.getLast(), List.copyOf(closesByAsset.keySet()), new PriceHistory(dates, closesByAsset), 252,
                Optional.empty(), parameters);
    }
}
