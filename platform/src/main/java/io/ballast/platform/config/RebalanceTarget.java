package io.ballast.platform.config;

import io.ballast.api.optimizer.TargetWeights;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a triggered rebalance of one portfolio aims at (key {@code rebalance.portfolios[].target}):
 * target weights given in the config, or an optimizer and its parameters, run on the stored closes
 * when the trigger is evaluated. Exactly one of the two.
 *
 * @param targetWeights weight per asset id, fractions (0.25 = 25%), the cash's under {@code CASH}
 *                      ({@link TargetWeights#CASH}), all adding up to 1; empty with an optimizer
 * @param optimizer     the optimizer's id; empty with given weights
 * @param parameters    the optimizer's parameters by name; empty with given weights
 */
public record RebalanceTarget(Map<String, Double> targetWeights, String optimizer, Map<String, Object> parameters) {

    static final Set<String> KEYS = Set.of("targetWeights", "optimizer", "parameters");

    public RebalanceTarget {
        targetWeights = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(targetWeights, "targetWeights")));
        Objects.requireNonNull(optimizer, "optimizer");
        parameters = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
    }

    /** @param key the full key of the target, e.g. {@code rebalance.portfolios[6f1c...].target} */
    static RebalanceTarget parse(Object value, String key) {
        Map<String, Object> entry = ConfigValues.mapping(value, key, KEYS);
        Object weights = entry.get("targetWeights");
        Object optimizer = entry.get("optimizer");
        if ((weights == null) == (optimizer == null)) {
            throw new IllegalArgumentException(key + " must give either targetWeights or optimizer, not "
                    + (weights == null ? "neither" : "both"));
        }
        if (weights != null) {
            if (entry.get("parameters") != null) {
                throw new IllegalArgumentException(key + ".parameters: need an optimizer; given targetWeights take none");
            }
            Map<String, Object> byAsset = ConfigValues.mapping(weights, key + ".targetWeights", anyKey(weights));
            if (byAsset.isEmpty()) {
                throw new IllegalArgumentException(key + ".targetWeights must name at least one asset");
            }
            Map<String, Double> parsed = new LinkedHashMap<>();
            double sum = 0;
            for (String asset : byAsset.keySet()) {
                double weight = ConfigValues.requiredNumber(byAsset, asset, key + ".targetWeights.");
                if (TargetWeights.isCash(asset) && weight < 0) {
                    throw new IllegalArgumentException(key + ".targetWeights." + asset
                            + " is the fraction of the value to keep in cash and must not be negative, got " + weight);
                }
                parsed.put(asset, weight);
                sum += weight;
            }
            // the same tolerance as the API's TargetWeights: round-off only
            if (Math.abs(sum - 1) > TargetWeights.SUM_TOLERANCE) {
                throw new IllegalArgumentException(key + ".targetWeights must add up to 1, got " + sum);
            }
            return new RebalanceTarget(parsed, "", Map.of());
        }
        if (!(optimizer instanceof String id) || id.isBlank()) {
            throw new IllegalArgumentException(key + ".optimizer must be an optimizer id such as equal-weight, got "
                    + ConfigValues.describe(optimizer));
        }
        Object parameters = entry.get("parameters");
        Map<String, Object> parsed = parameters == null ? Map.of()
                : ConfigValues.mapping(parameters, key + ".parameters", anyKey(parameters));
        return new RebalanceTarget(Map.of(), id, parsed);
    }

    private static Set<String> anyKey(Object value) {
        return value instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet())
                : Set.of();
    }
}
