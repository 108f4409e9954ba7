package io.ballast.api.risk;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A rule fact: the thresholds the rules compare with, by name, as the risk officers set them in
 * {@code rules/limits.yaml} (nested keys joined with dots, e.g. {@code stopLoss.hardLossFraction}).
 * One per evaluation; rules match it ({@code $limits : RiskLimits()}) and read a threshold with
 * {@code $limits.value("...")}. The names say their unit ({@code ...Fraction}: 0.05 is 5%).
 */
public final class RiskLimits {

    private final Map<String, Double> valuesByName;

    private RiskLimits(Map<String, Double> valuesByName) {
        this.valuesByName = valuesByName;
    }

    /**
     * @throws IllegalArgumentException naming a limit that is blank or not a finite number
     */
    public static RiskLimits of(Map<String, Double> valuesByName) {
        Objects.requireNonNull(valuesByName, "valuesByName");
        TreeMap<String, Double> copy = new TreeMap<>();
        valuesByName.forEach((name, value) -> {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a limit needs a name");
            }
            if (value == null || !Double.isFinite(value)) {
                throw new IllegalArgumentException("limit " + name + " must be a finite number: " + value);
            }
            copy.put(name, value);
        });
        return new RiskLimits(Collections.unmodifiableMap(copy));
    }

    /**
     * @throws IllegalArgumentException naming the limit when there is none by that name, and the limits there are
     */
    public double value(String name) {
        Double value = valuesByName.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no limit named " + name + " in limits.yaml; the limits are " + valuesByName.keySet());
        }
        return value;
    }

    /** Every limit by name, sorted by name. */
    public Map<String, Double> values() {
        return valuesByName;
    }

    /** These limits with some replaced or added (a scenario test pinning the thresholds it tests). */
    public RiskLimits with(Map<String, Double> overrides) {
        TreeMap<String, Double> merged = new TreeMap<>(valuesByName);
        merged.putAll(overrides);
        return of(merged);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RiskLimits limits && limits.valuesByName.equals(valuesByName);
    }

    @Override
    public int hashCode() {
        return valuesByName.hashCode();
    }

    @Override
    public String toString() {
        return "RiskLimits" + valuesByName;
    }
}
