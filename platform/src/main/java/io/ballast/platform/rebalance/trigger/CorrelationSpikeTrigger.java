package io.ballast.platform.rebalance.trigger;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.estimate.PairwiseCorrelation;
import io.ballast.platform.quant.prices.ReturnSeries;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fires when the average pairwise correlation of the assets' returns over the last
 * {@code shortWindow} periods, minus that over the last {@code longWindow} periods, is above
 * {@code increaseThreshold}: diversification is failing. Correlations are the quant core's
 * pairwise Pearson correlations ({@link PairwiseCorrelation}); the average is over every pair of
 * distinct assets.
 *
 * @param shortWindow       periods, at least 3 (two periods always correlate perfectly)
 * @param longWindow        periods, more than {@code shortWindow}
 * @param increaseThreshold e.g. 0.2; positive
 */
public record CorrelationSpikeTrigger(int shortWindow, int longWindow, double increaseThreshold) implements Trigger {

    public CorrelationSpikeTrigger {
        if (shortWindow < 3) {
            throw new InvalidInputException("correlationSpike.shortWindow", "must be at least 3 periods, got " + shortWindow);
        }
        if (longWindow <= shortWindow) {
            throw new InvalidInputException("correlationSpike.longWindow", "must be longer than the short window (" + shortWindow + "), got " + longWindow);
        }
        if (!(increaseThreshold > 0) || !Double.isFinite(increaseThreshold)) {
            throw new InvalidInputException("correlationSpike.increaseThreshold", "must be a positive number, got " + increaseThreshold);
        }
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.CORRELATION_SPIKE;
    }

    @Override
    public Optional<TriggerFiring> evaluate(TriggerInputs inputs) {
        return evaluate(inputs.at(), TriggerInputs.require("assetReturns", inputs.assetReturns()));
    }

    public Optional<TriggerFiring> evaluate(Instant at, ReturnSeries assetReturns) {
        if (assetReturns.assetCount() < 2) {
            throw new InvalidInputException("assetReturns", "needs at least 2 assets for a correlation, got " + assetReturns.assetCount());
        }
        if (assetReturns.periodCount() < longWindow) {
            throw new InvalidInputException("assetReturns", "needs at least " + longWindow + " periods for the long window, got " + assetReturns.periodCount());
        }
        double shortCorrelation = averageCorrelation(lastPeriods(assetReturns, shortWindow));
        double longCorrelation = averageCorrelation(lastPeriods(assetReturns, longWindow));
        double increase = shortCorrelation - longCorrelation;
        if (!(increase > increaseThreshold)) {
            return Optional.empty();
        }
        return Optional.of(TriggerFiring.system(kind(), at, String.format(Locale.ROOT,
                "average correlation over the last %d periods %.6g is %.6g above that over the last %d periods %.6g, more than %.6g",
                shortWindow, shortCorrelation, increase, longWindow, longCorrelation, increaseThreshold),
                List.of(new TriggerMeasure("average correlation increase", increase, increaseThreshold))));
    }

    private static ReturnSeries lastPeriods(ReturnSeries returns, int count) {
        int n = returns.periodCount();
        double[][] rows = Arrays.copyOfRange(returns.returns(), n - count, n);
        return new ReturnSeries(returns.dates().subList(n - count, n), returns.assets(), rows);
    }

    private static double averageCorrelation(ReturnSeries returns) {
        double[][] correlation = PairwiseCorrelation.of(returns);
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < correlation.length; i++) {
            for (int j = i + 1; j < correlation.length; j++) {
                sum += correlation[i][j];
                pairs++;
            }
        }
        return sum / pairs;
    }
}
