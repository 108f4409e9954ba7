package io.ballast.platform.rebalance.trigger;

import io.ballast.api.optimizer.TargetWeights;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the triggers of one portfolio look at. Only the evaluation time is required; each trigger
 * refuses, naming the field, an input it needs that was not given. Build it with {@link #at} and
 * the {@code with} methods.
 *
 * @param at                   the time of the evaluation
 * @param lastRebalanceAt      when the portfolio was last rebalanced; null when never
 * @param currentWeights       each asset's weight now, a fraction of NAV; null when not given
 * @param targetWeights        the targets; null when not given
 * @param portfolioReturns     the portfolio's periodic returns, oldest first; null when not given
 * @param peakNetAssetValue    the highest NAV so far; NaN when not given
 * @param netAssetValue        the NAV now; NaN when not given
 * @param assetReturns         the periodic returns of the held assets; null when not given
 */
public record TriggerInputs(
        Instant at,
        Instant lastRebalanceAt,
        Map<String, Double> currentWeights,
        TargetWeights targetWeights,
        double[] portfolioReturns,
        double peakNetAssetValue,
        double netAssetValue,
        ReturnSeries assetReturns) {

    public TriggerInputs {
        Objects.requireNonNull(at, "at");
        currentWeights = currentWeights == null ? null : Map.copyOf(currentWeights);
        portfolioReturns = portfolioReturns == null ? null : portfolioReturns.clone();
    }

    public static TriggerInputs at(Instant at) {
        return new TriggerInputs(at, null, null, null, null, Double.NaN, Double.NaN, null);
    }

    public TriggerInputs withLastRebalanceAt(Instant last) {
        return new TriggerInputs(at, last, currentWeights, targetWeights, portfolioReturns, peakNetAssetValue, netAssetValue, assetReturns);
    }

    public TriggerInputs withWeights(Map<String, Double> current, TargetWeights targets) {
        return new TriggerInputs(at, lastRebalanceAt, current, targets, portfolioReturns, peakNetAssetValue, netAssetValue, assetReturns);
    }

    public TriggerInputs withPortfolioReturns(double[] returns) {
        return new TriggerInputs(at, lastRebalanceAt, currentWeights, targetWeights, returns, peakNetAssetValue, netAssetValue, assetReturns);
    }

    public TriggerInputs withNetAssetValue(double peak, double now) {
        return new TriggerInputs(at, lastRebalanceAt, currentWeights, targetWeights, portfolioReturns, peak, now, assetReturns);
    }

    public TriggerInputs withAssetReturns(ReturnSeries returns) {
        return new TriggerInputs(at, lastRebalanceAt, currentWeights, targetWeights, portfolioReturns, peakNetAssetValue, netAssetValue, returns);
    }

    @Override
    public double[] portfolioReturns() {
        return portfolioReturns == null ? null : portfolioReturns.clone();
    }

    static <T> T require(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "is missing: a configured trigger needs it");
        }
        return value;
    }
}
