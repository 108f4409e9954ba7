package com.example.crossover;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Moving-average crossover: an asset whose short moving average of closes is above its long one is
 * trending up (signal +1), below it trending down (signal -1). The further apart the two averages,
 * the surer the call: confidence is the gap {@code short / long - 1} as a fraction of
 * {@code fullConfidenceGap} (5% by default), at most 1.
 *
 * <p>Each average is the simple mean of the asset's last known closes (missing prices skipped). An
 * asset with fewer known closes than the long window gets no signal.
 *
 * <p>An extension is a public class with a public no-arg constructor, annotated {@code @Extension};
 * it must be stateless and thread-safe, because the platform may call it for several portfolios at once.
 */
@Extension
public class MovingAverageCrossover implements Strategy {

    static final String SHORT_WINDOW = "shortWindow";
    static final String LONG_WINDOW = "longWindow";
    static final String FULL_CONFIDENCE_GAP = "fullConfidenceGap";

    private static final List<ParameterSpec> PARAMETERS = List.of(
            new ParameterSpec(SHORT_WINDOW, ParameterType.INTEGER, "closes in the short moving average (trading days)",
                    Optional.of(20), Optional.of(1.0), Optional.of(250.0)),
            new ParameterSpec(LONG_WINDOW, ParameterType.INTEGER, "closes in the long moving average (trading days); above shortWindow",
                    Optional.of(50), Optional.of(2.0), Optional.of(500.0)),
            new ParameterSpec(FULL_CONFIDENCE_GAP, ParameterType.NUMBER,
                    "the gap between the averages, as a fraction of the long one, at which the signal is fully confident (0.05 is 5%)",
                    Optional.of(0.05), Optional.of(0.001), Optional.of(1.0)));

    @Override
    public String id() {
        return "ma-crossover"; // stable: callers select the strategy by it
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Moving-average crossover: +1 when the short average of closes is above the long one, -1 when below;"
                + " confidence grows with the gap.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public StrategyOutput evaluate(StrategyContext context) {
        // the API's reader applies the declared defaults and ranges and names the parameter in every error
        ParameterValues parameters = ParameterValues.read(this, context.parameters());
        int shortWindow = (int) parameters.integer(SHORT_WINDOW);
        int longWindow = (int) parameters.integer(LONG_WINDOW);
        double fullConfidenceGap = parameters.number(FULL_CONFIDENCE_GAP);
        if (shortWindow >= longWindow) {
            throw ParameterValues.invalid(SHORT_WINDOW, "must be below " + LONG_WINDOW + " (" + longWindow + "), got " + shortWindow);
        }
        List<Signal> signals = new ArrayList<>();
        for (String asset : context.universe()) {
            double[] known = Arrays.stream(context.prices().closes(asset)).filter(close -> !Double.isNaN(close)).toArray();
            if (known.length < longWindow) {
                continue; // too short a history to say anything
            }
            double shortAverage = average(known, shortWindow);
            double longAverage = average(known, longWindow);
            double gap = shortAverage / longAverage - 1;
            double strength = Math.signum(gap);
            double confidence = Math.min(1, Math.abs(gap) / fullConfidenceGap);
            signals.add(new Signal(asset, strength, confidence, String.format(Locale.ROOT, "%d-day average %.2f vs %d-day %.2f (%+.1f%%)",
                    shortWindow, shortAverage, longWindow, longAverage, gap * 100)));
        }
        return StrategyOutput.ofSignals(signals);
    }

    /** The mean of the last {@code window} values. */
    private static double average(double[] values, int window) {
        return Arrays.stream(values, values.length - window, values.length).average().orElseThrow();
    }
}
