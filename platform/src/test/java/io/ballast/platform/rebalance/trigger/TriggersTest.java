package io.ballast.platform.rebalance.trigger;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ballast.api.optimizer.TargetWeights;
import io.ballast.platform.quant.prices.ReturnSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TriggersTest {

    private static final Instant NOW = Instant.parse("2025-03-15T00:00:00Z");
    /** 1/64: a dyadic return, so sums, variances and square roots below are exact in binary. */
    private static final double X = 1.0 / 64;

    @Test
    void everyThirtyDaysFiresFromTheDueTimeOn() {
        CalendarTrigger trigger = new CalendarTrigger(new CalendarSchedule.EveryDays(30));
        Instant last = Instant.parse("2025-01-01T00:00:00Z");
        Instant due = Instant.parse("2025-01-31T00:00:00Z"); // 30 x 24 h later

        assertThat(trigger.evaluate(due.minusSeconds(1), last)).isEmpty();
        assertThat(trigger.evaluate(due, last)).hasValueSatisfying(firing -> {
            assertThat(firing.kind()).isEqualTo(TriggerKind.CALENDAR);
            assertThat(firing.firedBy()).isEqualTo(TriggerFiring.SYSTEM);
            assertThat(firing.measures()).containsExactly(new TriggerMeasure("days since last rebalance", 30, 30));
        });
        assertThat(trigger.evaluate(due.plusSeconds(1), last)).isPresent();
        assertThat(trigger.evaluate(NOW, null)).hasValueSatisfying(firing -> assertThat(firing.reason()).contains("never rebalanced"));
    }

    @Test
    void monthlyOnDayFifteenFiresOnceThatDayHasBegunSinceTheLastRebalance() {
        CalendarTrigger trigger = new CalendarTrigger(new CalendarSchedule.MonthlyOnDay(15, ZoneOffset.UTC));
        Instant last = Instant.parse("2025-02-15T10:00:00Z");

        assertThat(trigger.evaluate(NOW.minusSeconds(1), last)).isEmpty(); // latest due 2025-02-15T00:00, before the last rebalance
        assertThat(trigger.evaluate(NOW, last)).isPresent(); // due 2025-03-15T00:00
        assertThat(trigger.evaluate(NOW.plusSeconds(1), last)).isPresent();
        assertThat(trigger.evaluate(NOW.plusSeconds(1), NOW)).isEmpty(); // rebalanced at this month's due time
    }

    @Test
    void dayThirtyOneMeansTheLastDayOfAShortMonth() {
        CalendarTrigger trigger = new CalendarTrigger(new CalendarSchedule.MonthlyOnDay(31, ZoneOffset.UTC));
        Instant last = Instant.parse("2025-01-31T12:00:00Z");

        assertThat(trigger.evaluate(Instant.parse("2025-02-27T23:59:59Z"), last)).isEmpty();
        assertThat(trigger.evaluate(Instant.parse("2025-02-28T00:00:00Z"), last)).isPresent();
    }

    private static final TargetWeights TARGETS = new TargetWeights(Map.of("A", 0.25, "B", 0.75));

    @Test
    void driftFiresAboveTheAbsoluteTolerance() {
        DriftTrigger trigger = new DriftTrigger(0.0625, Double.POSITIVE_INFINITY);

        // drift |0.3125 - 0.25| = |0.6875 - 0.75| = 0.0625: at the tolerance, not above it
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.3125, "B", 0.6875), TARGETS)).isEmpty();
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.3124, "B", 0.6876), TARGETS)).isEmpty();
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.3126, "B", 0.6874), TARGETS)).hasValueSatisfying(firing -> {
            assertThat(firing.kind()).isEqualTo(TriggerKind.DRIFT);
            assertThat(firing.measures()).extracting(TriggerMeasure::name).containsExactly("A absolute drift", "B absolute drift");
            assertThat(firing.measures().get(0).value()).isCloseTo(0.0626, org.assertj.core.api.Assertions.within(1e-12));
            assertThat(firing.measures().get(0).threshold()).isEqualTo(0.0625);
        });
    }

    @Test
    void driftFiresAboveTheRelativeTolerance() {
        DriftTrigger trigger = new DriftTrigger(Double.POSITIVE_INFINITY, 0.125);

        // A: 0.03125 / 0.25 = 0.125 at the tolerance; B: 0.03125 / 0.75 = 0.0417
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.28125, "B", 0.71875), TARGETS)).isEmpty();
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.2812, "B", 0.7188), TARGETS)).isEmpty();
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.2813, "B", 0.7187), TARGETS)).hasValueSatisfying(firing ->
                assertThat(firing.measures()).extracting(TriggerMeasure::name).containsExactly("A relative drift"));
    }

    @Test
    void anUntargetedHoldingDriftsOnlyAbsolutely() {
        DriftTrigger trigger = new DriftTrigger(0.0625, 0.01);

        // C is held at 0.0625 with target 0: at the absolute tolerance; no relative drift against a zero target
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.25, "B", 0.6875, "C", 0.0625), new TargetWeights(Map.of("A", 0.25, "B", 0.75))))
                .hasValueSatisfying(firing -> assertThat(firing.measures()).extracting(TriggerMeasure::name).containsExactly("B relative drift"));
    }

    /*
     * Targets A 0.25, B 0.5, CASH 0.25; the cash now is 1 - (0.25 + 0.5) = 0.25 of the NAV: no drift at all.
     * With A 0.25, B 0.4375 the cash is 1 - 0.6875 = 0.3125: B and CASH drift 0.0625 each, absolutely (at the
     * 0.0625 tolerance, not above); relatively B 0.0625 / 0.5 = 0.125 and CASH 0.0625 / 0.25 = 0.25, and only
     * CASH is above 0.2. With A 0.25, B 0.75 (no cash): B drifts 0.25 (relatively 0.25 / 0.5 = 0.5) and CASH
     * 0.25 (relatively 0.25 / 0.25 = 1). CASH among the current weights is refused: the cash is what they leave.
     */
    @Test
    void aCashTargetDriftsAgainstTheCashLeftOverTheAssets() {
        DriftTrigger trigger = new DriftTrigger(0.0625, 0.2);
        TargetWeights quarterInCash = new TargetWeights(Map.of("A", 0.25, "B", 0.5, "CASH", 0.25));

        assertThat(trigger.evaluate(NOW, Map.of("A", 0.25, "B", 0.5), quarterInCash)).isEmpty();
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.25, "B", 0.4375), quarterInCash)).hasValueSatisfying(firing -> {
            assertThat(firing.measures()).extracting(TriggerMeasure::name).containsExactly("CASH relative drift");
            assertThat(firing.measures().getFirst().value()).isEqualTo(0.25);
        });
        assertThat(trigger.evaluate(NOW, Map.of("A", 0.25, "B", 0.75), quarterInCash)).hasValueSatisfying(firing ->
                assertThat(firing.measures()).extracting(TriggerMeasure::name, TriggerMeasure::value).containsExactly(
                        tuple("B absolute drift", 0.25), tuple("B relative drift", 0.5),
                        tuple("CASH absolute drift", 0.25), tuple("CASH relative drift", 1.0)));
        assertRejected(() -> trigger.evaluate(NOW, Map.of("A", 0.25, "CASH", 0.75), quarterInCash), "currentWeights.CASH", "not an asset");
    }

    /*
     * Twelve quiet periods, then 2x, -2x, 2x, -2x, 0 with x = 1/64.
     * Short window (5): mean 0, sum of squares 16x^2, / 4 = 4x^2, sd 2x.
     * Long window (17): mean 0, sum of squares 16x^2, / 16 = x^2, sd x. Ratio exactly 2.
     */
    private static final double[] SPIKE = IntStream.range(0, 17)
            .mapToDouble(i -> i < 12 ? 0 : new double[] {2 * X, -2 * X, 2 * X, -2 * X, 0}[i - 12]).toArray();

    @Test
    void volatilitySpikeFiresAboveTheRatio() {
        assertThat(new VolatilitySpikeTrigger(5, 17, 2).evaluate(NOW, SPIKE)).isEmpty();
        assertThat(new VolatilitySpikeTrigger(5, 17, 2.001).evaluate(NOW, SPIKE)).isEmpty();
        assertThat(new VolatilitySpikeTrigger(5, 17, 1.999).evaluate(NOW, SPIKE)).hasValueSatisfying(firing -> {
            assertThat(firing.kind()).isEqualTo(TriggerKind.VOLATILITY_SPIKE);
            assertThat(firing.measures()).containsExactly(new TriggerMeasure("short over long volatility", 2, 1.999));
        });
        assertRejected(() -> new VolatilitySpikeTrigger(5, 18, 2).evaluate(NOW, SPIKE), "portfolioReturns", "at least 18 periods");
    }

    @Test
    void drawdownFiresAtOrBeyondTheLevel() {
        DrawdownTrigger trigger = new DrawdownTrigger(0.1);

        // (100 - 90) / 100 = 0.1 exactly
        assertThat(trigger.evaluate(NOW, 100, 90)).hasValueSatisfying(firing ->
                assertThat(firing.measures()).containsExactly(new TriggerMeasure("drawdown from peak", 0.1, 0.1)));
        assertThat(trigger.evaluate(NOW, 100, 90.01)).isEmpty(); // 0.0999
        assertThat(trigger.evaluate(NOW, 100, 89.99)).isPresent(); // 0.1001
        assertRejected(() -> trigger.evaluate(NOW, 100, 101), "peakNetAssetValue", "at least the current NAV");
    }

    /*
     * Two assets over 8 periods, x = 1/64: A = x(1,-1,1,-1, 1,-1,1,-1), B = x(-1,1,-1,1, 1,-1,1,-1).
     * Last 4: A = B, correlation 1. All 8: means 0, sum of products x^2(-4 + 4) = 0, correlation 0. Increase exactly 1.
     */
    private static final ReturnSeries CORRELATING = new ReturnSeries(
            IntStream.range(0, 8).mapToObj(i -> LocalDate.of(2025, 3, 3).plusDays(i)).toList(), List.of("A", "B"),
            new double[][] {{X, -X}, {-X, X}, {X, -X}, {-X, X}, {X, X}, {-X, -X}, {X, X}, {-X, -X}});

    @Test
    void correlationSpikeFiresAboveTheIncrease() {
        assertThat(new CorrelationSpikeTrigger(4, 8, 1).evaluate(NOW, CORRELATING)).isEmpty();
        assertThat(new CorrelationSpikeTrigger(4, 8, 1.001).evaluate(NOW, CORRELATING)).isEmpty();
        assertThat(new CorrelationSpikeTrigger(4, 8, 0.999).evaluate(NOW, CORRELATING)).hasValueSatisfying(firing -> {
            assertThat(firing.kind()).isEqualTo(TriggerKind.CORRELATION_SPIKE);
            assertThat(firing.measures()).containsExactly(new TriggerMeasure("average correlation increase", 1, 0.999));
        });
    }

    @Test
    void manualAlwaysFiresWithTheUserAndReason() {
        TriggerFiring firing = ManualTrigger.fire(NOW, "alice", "client withdrawal");

        assertThat(firing).isEqualTo(new TriggerFiring(TriggerKind.MANUAL, NOW, "alice", "asked for by alice: client withdrawal", List.of()));
        assertRejected(() -> ManualTrigger.fire(NOW, " ", "x"), "user", "who");
        assertRejected(() -> ManualTrigger.fire(NOW, "alice", ""), "reason", "why");
    }

    @Test
    void theConfiguredTriggersAreEvaluatedTogether() {
        Triggers triggers = Triggers.of(
                new CalendarTrigger(new CalendarSchedule.EveryDays(30)),
                new DriftTrigger(0.0625, Double.POSITIVE_INFINITY),
                new DrawdownTrigger(0.1));
        TriggerInputs inputs = TriggerInputs.at(NOW)
                .withLastRebalanceAt(NOW.minusSeconds(86_400))
                .withWeights(Map.of("A", 0.4, "B", 0.6), TARGETS)
                .withNetAssetValue(100, 85);

        assertThat(triggers.evaluate(inputs)).extracting(TriggerFiring::kind).containsExactly(TriggerKind.DRIFT, TriggerKind.DRAWDOWN);
        assertRejected(() -> Triggers.of(new VolatilitySpikeTrigger(5, 17, 2)).evaluate(inputs), "portfolioReturns", "missing");
        assertRejected(() -> Triggers.of(new DrawdownTrigger(0.1), new DrawdownTrigger(0.2)), "triggers", "twice");
    }
}
