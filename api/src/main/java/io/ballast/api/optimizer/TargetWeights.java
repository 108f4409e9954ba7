package io.ballast.api.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fraction of portfolio value each asset should hold (0.25 is 25%). Weights sum to 1
 * within {@link #SUM_TOLERANCE}; a negative weight is a short.
 */
public record TargetWeights(Map<String, Double> weightByAsset) {

    /** How far the weights may sum from 1, for floating-point round-off only. */
    public static final double SUM_TOLERANCE = 1e-9;

    public TargetWeights {
        Objects.requireNonNull(weightByAsset, "weightByAsset");
        if (weightByAsset.isEmpty()) {
            throw new IllegalArgumentException("target weights must name at least one asset");
        }
        double sum = 0;
        for (Map.Entry<String, Double> entry : weightByAsset.entrySet()) {
            Double weight = entry.getValue();
            if (weight == null || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight of " + entry.getKey() + " is not a finite number: " + weight);
            }
            sum += weight;
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("target weights sum to " + sum + ", not 1");
        }
        weightByAsset = Collections.unmodifiableMap(new LinkedHashMap<>(weightByAsset));
    }

    /** The weight of {@code asset}, 0 when it is not held. */
    public double weight(String asset) {
        return weightByAsset.getOrDefault(asset, 0.0);
    }
}
