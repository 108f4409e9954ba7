package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import io.ballast.api.strategy.Signal;
import io.ballast.api.strategy.Strategy;
import io.ballast.api.strategy.StrategyContext;
import io.ballast.api.strategy.StrategyOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.pf4j.Extension;

/**
 * Mean reversion on the z-score of the price: {@code z = (p - MA) / SD}, where MA and SD are the mean
 * and the sample standard deviation (n - 1) of the last {@code lookbackDays} closes, the latest one
 * included (as a rolling window of {@code lookbackDays} ending today). One signal per asset:
 * <ul>
 *   <li>{@code |z| >= entryZ}: strength {@code -z / fullStrengthZ}, clamped to [-1, 1] (a price far
 *       above its mean is a sell); confidence {@code 1 - 1 / z^2}. By Chebyshev's inequality at most
 *       {@code 1 / z^2} of any distribution lies {@code |z|} or more standard deviations from its mean,
 *       whatever its shape, so {@code 1 - 1 / z^2} is a distribution-free lower bound on how unusual the
 *       deviation is: 0.75 at z = 2, 0.84 at 2.5, 0.89 at 3 (a normal tail would claim more; prices'
 *       tails are fatter).</li>
 *   <li>{@code |z| < entryZ}, or prices that did not move at all: strength 0 and confidence 0 (no opinion).</li>
 * </ul>
 */
@Extension
public class MeanReversionStrategy implements Strategy {

    static final ParameterSpec LOOKBACK_DAYS = ParameterSpecs.integerSpec("lookbackDays",
            "Trading days of closes, the latest included, of the moving average and moving standard deviation", 20, 2, 1260);
    static final ParameterSpec ENTRY_Z = ParameterSpecs.numberSpec("entryZ",
            "Distance of the price from its moving average, in moving standard deviations, from which there is a signal", 2.0, 0.0, 10.0);
    static final ParameterSpec FULL_STRENGTH_Z = ParameterSpecs.numberSpec("fullStrengthZ",
            "Distance, in moving standard deviations, at which the signal reaches full strength (strength = -z / fullStrengthZ)", 3.0, 0.1, 20.0);

    @Override
    public String id() {
        return "mean-reversion";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Mean reversion (z-score): sell an asset whose price stands entryZ or more moving standard deviations above its"
                + " moving average, buy one as far below; confidence 1 - 1/z^2.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(LOOKBACK_DAYS, ENTRY_Z, FULL_STRENGTH_Z, Freshness.MAX_STALE_DAYS);
    }

    @Override
    public StrategyOutput evaluate(StrategyContext context) {
        ParameterValues parameters = ParameterValues.read(this, context.parameters());
        int lookbackDays = (int) parameters.integer(LOOKBACK_DAYS.name());
        double entryZ = parameters.number(ENTRY_Z.name());
        double fullStrengthZ = parameters.number(FULL_STRENGTH_Z.name());
        List<Signal> signals = new ArrayList<>();
        Freshness freshness = Freshness.read(parameters);
        for (String asset : context.universe()) {
            CloseSeries series = CloseSeries.of(context, asset);
            Optional<String> stale = freshness.staleness(series);
            if (stale.isPresent()) {
                signals.add(new Signal(asset, 0, 0, stale.get()));
                continue;
            }
            double[] window = series
                    .requireAtLeast(lookbackDays, id(), "lookbackDays " + lookbackDays)
                    .last(lookbackDays);
            double price = window[lookbackDays - 1];
            double movingAverage = new Mean().evaluate(window);
            double movingStandardDeviation = new StandardDeviation().evaluate(window);
            if (!(movingStandardDeviation > 0)) {
                signals.add(new Signal(asset, 0, 0, String.format(Locale.ROOT,
                        "price %.4g did not move over %d days: no z-score", price, lookbackDays)));
                continue;
            }
            double z = (price - movingAverage) / movingStandardDeviation;
            String measured = String.format(Locale.ROOT, "price %.4g is %+.2f standard deviations (%.4g) from its %d-day average %.4g",
                    price, z, movingStandardDeviation, lookbackDays, movingAverage);
            if (Math.abs(z) >= entryZ) {
                signals.add(new Signal(asset, Math.clamp(-z / fullStrengthZ, -1, 1), Math.max(0, 1 - 1 / (z * z)),
                        measured + String.format(Locale.ROOT, ", beyond the entry at %.2f", entryZ)));
            } else {
                signals.add(new Signal(asset, 0, 0, measured + String.format(Locale.ROOT, ", within the entry at %.2f", entryZ)));
            }
        }
        return StrategyOutput.ofSignals(signals);
    }
}
