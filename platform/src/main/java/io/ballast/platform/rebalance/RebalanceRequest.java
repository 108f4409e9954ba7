package io.ballast.platform.rebalance;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a rebalance was asked to aim at: target weights given by the caller, or an optimizer and its
 * parameters. Exactly one of the two; a caller that gave neither has had the portfolio's default
 * optimizer filled in before this is made, so the record says what was actually used.
 *
 * @param targetWeights       weight per asset id, fractions (0.25 = 25%); empty when an optimizer chose them
 * @param optimizer           the optimizer's id; empty when the weights were given
 * @param optimizerParameters its parameters by name (numbers as {@code Double} or {@code Long}); empty with given weights
 */
public record RebalanceRequest(Map<String, Double> targetWeights, String optimizer, Map<String, Object> optimizerParameters) {

    public RebalanceRequest {
        // sorted: the stored JSON and equality do not depend on the caller's map order
        targetWeights = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(targetWeights, "targetWeights")));
        Objects.requireNonNull(optimizer, "optimizer");
        optimizerParameters = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(optimizerParameters, "optimizerParameters")));
        if (targetWeights.isEmpty() == optimizer.isBlank()) {
            throw new IllegalArgumentException("give either targetWeights or an optimizer, not "
                    + (targetWeights.isEmpty() ? "neither" : "both"));
        }
        if (optimizer.isBlank() && !optimizerParameters.isEmpty()) {
            throw new IllegalArgumentException("optimizerParameters need an optimizer");
        }
    }

    /** Weights given by the caller. */
    public static RebalanceRequest givenWeights(Map<String, Double> targetWeights) {
        return new RebalanceRequest(targetWeights, "", Map.of());
    }

    /** Weights the optimizer is to choose. */
    public static RebalanceRequest optimizer(String optimizer, Map<String, Object> parameters) {
        return new RebalanceRequest(Map.of(), optimizer, parameters);
    }
}
