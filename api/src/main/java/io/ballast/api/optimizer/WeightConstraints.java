package io.ballast.api.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The limits a portfolio's weights must keep, all as fractions of portfolio value (0.1 is 10%).
 * Long-only with each weight in [0, 1] unless the caller widens the bounds; a negative
 * {@code minWeight} allows shorts down to that weight.
 *
 * @param minWeight          the lowest weight of any asset (negative allows bounded shorts)
 * @param maxWeight          the highest weight of any asset
 * @param minWeightByAsset   per-asset lower bounds that replace {@code minWeight} for those assets
 * @param maxWeightByAsset   per-asset upper bounds that replace {@code maxWeight} for those assets
 * @param maxPosition        the largest absolute weight of any one asset, long or short; empty for none
 * @param sectorByAsset      each asset's sector, for the sector caps; assets not named are in no sector
 * @param maxWeightBySector  the highest total weight of each named sector
 * @param maxTurnover        the largest sum of absolute weight changes against {@code currentWeights}
 *                           (buying 10% of one asset and selling 10% of another is 0.2); empty for none
 * @param currentWeights     today's weights, for the turnover limit; assets not named hold 0
 * @param l2Gamma            the L2 regularisation strength γ: the objective gains γ·Σw², which pulls
 *                           weights toward equal; 0 for none
 */
public record WeightConstraints(
        double minWeight,
        double maxWeight,
        Map<String, Double> minWeightByAsset,
        Map<String, Double> maxWeightByAsset,
        OptionalDouble maxPosition,
        Map<String, String> sectorByAsset,
        Map<String, Double> maxWeightBySector,
        OptionalDouble maxTurnover,
        Map<String, Double> currentWeights,
        double l2Gamma) {

    private static final WeightConstraints LONG_ONLY = new WeightConstraints(0, 1, Map.of(), Map.of(),
            OptionalDouble.empty(), Map.of(), Map.of(), OptionalDouble.empty(), Map.of(), 0);

    public WeightConstraints {
        requireFinite("minWeight", minWeight);
        requireFinite("maxWeight", maxWeight);
        requireFinite("l2Gamma", l2Gamma);
        if (minWeight > maxWeight) {
            throw new IllegalArgumentException("minWeight " + minWeight + " is above maxWeight " + maxWeight);
        }
        if (l2Gamma < 0) {
            throw new IllegalArgumentException("l2Gamma must not be negative: " + l2Gamma);
        }
        minWeightByAsset = finiteCopy("minWeightByAsset", minWeightByAsset);
        maxWeightByAsset = finiteCopy("maxWeightByAsset", maxWeightByAsset);
        Objects.requireNonNull(maxPosition, "maxPosition");
        if (maxPosition.isPresent() && !(maxPosition.getAsDouble() > 0 && Double.isFinite(maxPosition.getAsDouble()))) {
            throw new IllegalArgumentException("maxPosition must be a positive fraction: " + maxPosition.getAsDouble());
        }
        sectorByAsset = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sectorByAsset, "sectorByAsset")));
        maxWeightBySector = finiteCopy("maxWeightBySector", maxWeightBySector);
        for (String sector : maxWeightBySector.keySet()) {
            if (!sectorByAsset.containsValue(sector)) {
                throw new IllegalArgumentException("maxWeightBySector names sector " + sector + ", which no asset is in");
            }
        }
        Objects.requireNonNull(maxTurnover, "maxTurnover");
        if (maxTurnover.isPresent() && !(maxTurnover.getAsDouble() >= 0 && Double.isFinite(maxTurnover.getAsDouble()))) {
            throw new IllegalArgumentException("maxTurnover must be a non-negative fraction: " + maxTurnover.getAsDouble());
        }
        currentWeights = finiteCopy("currentWeights", currentWeights);
        for (String asset : minWeightByAsset.keySet()) {
            if (maxWeightByAsset.containsKey(asset) && minWeightByAsset.get(asset) > maxWeightByAsset.get(asset)) {
                throw new IllegalArgumentException("asset " + asset + ": minimum weight " + minWeightByAsset.get(asset)
                        + " is above its maximum " + maxWeightByAsset.get(asset));
            }
        }
    }

    /** Long-only, each weight in [0, 1], no other limit. */
    public static WeightConstraints longOnly() {
        return LONG_ONLY;
    }

    public WeightConstraints withBounds(double newMinWeight, double newMaxWeight) {
        return new WeightConstraints(newMinWeight, newMaxWeight, minWeightByAsset, maxWeightByAsset, maxPosition,
                sectorByAsset, maxWeightBySector, maxTurnover, currentWeights, l2Gamma);
    }

    public WeightConstraints withAssetBounds(String asset, double assetMinWeight, double assetMaxWeight) {
        Map<String, Double> mins = new LinkedHashMap<>(minWeightByAsset);
        Map<String, Double> maxs = new LinkedHashMap<>(maxWeightByAsset);
        mins.put(asset, assetMinWeight);
        maxs.put(asset, assetMaxWeight);
        return new WeightConstraints(minWeight, maxWeight, mins, maxs, maxPosition, sectorByAsset, maxWeightBySector,
                maxTurnover, currentWeights, l2Gamma);
    }

    public WeightConstraints withMaxPosition(double newMaxPosition) {
        return new WeightConstraints(minWeight, maxWeight, minWeightByAsset, maxWeightByAsset,
                OptionalDouble.of(newMaxPosition), sectorByAsset, maxWeightBySector, maxTurnover, currentWeights, l2Gamma);
    }

    public WeightConstraints withSectorCaps(Map<String, String> newSectorByAsset, Map<String, Double> newMaxWeightBySector) {
        return new WeightConstraints(minWeight, maxWeight, minWeightByAsset, maxWeightByAsset, maxPosition,
                newSectorByAsset, newMaxWeightBySector, maxTurnover, currentWeights, l2Gamma);
    }

    public WeightConstraints withTurnoverLimit(double newMaxTurnover, Map<String, Double> newCurrentWeights) {
        return new WeightConstraints(minWeight, maxWeight, minWeightByAsset, maxWeightByAsset, maxPosition,
                sectorByAsset, maxWeightBySector, OptionalDouble.of(newMaxTurnover), newCurrentWeights, l2Gamma);
    }

    public WeightConstraints withL2Regularisation(double gamma) {
        return new WeightConstraints(minWeight, maxWeight, minWeightByAsset, maxWeightByAsset, maxPosition,
                sectorByAsset, maxWeightBySector, maxTurnover, currentWeights, gamma);
    }

    /** The effective lower bound of {@code asset}: its own bound or {@code minWeight}, tightened by {@code maxPosition}. */
    public double lowerBound(String asset) {
        double lower = minWeightByAsset.getOrDefault(asset, minWeight);
        return maxPosition.isPresent() ? Math.max(lower, -maxPosition.getAsDouble()) : lower;
    }

    /** The effective upper bound of {@code asset}: its own bound or {@code maxWeight}, tightened by {@code maxPosition}. */
    public double upperBound(String asset) {
        double upper = maxWeightByAsset.getOrDefault(asset, maxWeight);
        return maxPosition.isPresent() ? Math.min(upper, maxPosition.getAsDouble()) : upper;
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number: " + value);
        }
    }

    private static Map<String, Double> finiteCopy(String field, Map<String, Double> values) {
        Objects.requireNonNull(values, field);
        Map<String, Double> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException(field + "." + key + " must be a finite number: " + value);
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
