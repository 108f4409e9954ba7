package io.ballast.api.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fraction of portfolio value each asset should hold (0.25 is 25%). Weights sum to 1
 * within {@link #SUM_TOLERANCE}; a negative weight is a short. The reserved key {@link #CASH}
 * is the weight of the portfolio's cash (in its base currency), counted in the same sum: a
 * target of {@code {"AAPL": 0.9, "CASH": 0.1}} keeps a tenth of the value in cash. Without it
 * the target is fully invested. Optimizers are fully invested and never answer with it.
 */
public record TargetWeights(Map<String, Double> weightByAsset) {

    /** How far the weights may sum from 1, for floating-point round-off only. */
    public static final double SUM_TOLERANCE = 1e-9;

    /** The key of the cash's weight; no instrument may have this id (see {@code Instrument}). */
    public static final String CASH = "CASH";

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
        Double cash = weightByAsset.get(CASH);
        // borrowing is not a target: the proposer never plans buys that take the cash below zero
        if (cash != null && cash < 0) {
            throw new IllegalArgumentException("weight of " + CASH + " is the cash to keep and must not be negative: " + cash);
        }
        if (Math.abs(sum - 1.0) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("target weights sum to " + sum + ", not 1");
        }
        weightByAsset = Collections.unmodifiableMap(new LinkedHashMap<>(weightByAsset));
    }

    /** The weight of {@code asset}, 0 when it is not held; {@link #CASH} gives {@link #cashWeight()}. */
    public double weight(String asset) {
        return weightByAsset.getOrDefault(asset, 0.0);
    }

    /** The fraction of the value to keep in cash: the weight of {@link #CASH}, 0 when not named. */
    public double cashWeight() {
        return weight(CASH);
    }

    /** Whether {@code key} is the reserved cash key rather than an asset. */
    public static boolean isCash(String key) {
        return CASH.equals(key);
    }
}
