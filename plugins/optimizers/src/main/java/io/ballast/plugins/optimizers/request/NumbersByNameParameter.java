package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.plugin.ParameterSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One NUMBER_BY_NAME parameter of an optimizer, empty by default: the {@link ParameterSpec} it
 * declares and its value read from a request, checked again here as {@link NumberParameter}
 * checks numbers.
 *
 * @param name        the key, e.g. {@code riskBudgets}
 * @param description what the numbers mean, with their unit
 */
public record NumbersByNameParameter(String name, String description) {

    public NumbersByNameParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public ParameterSpec spec() {
        return new ParameterSpec(name, ParameterSpec.ParameterType.NUMBER_BY_NAME, description, Optional.of(Map.of()),
                Optional.empty(), Optional.empty());
    }

    /**
     * @return the numbers in the caller's order; empty when the caller gave none
     * @throws IllegalArgumentException when the value is not a map from names to finite numbers
     */
    public Map<String, Double> valueIn(OptimizationRequest request) {
        Object value = request.parameters().get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            throw new IllegalArgumentException("parameters." + name + " must be a map from names to numbers, not " + value);
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        entries.forEach((key, number) -> {
            if (!(key instanceof String entryName)) {
                throw new IllegalArgumentException("parameters." + name + " has a key that is not a name: " + key);
            }
            if (!(number instanceof Number entryValue) || !Double.isFinite(entryValue.doubleValue())) {
                throw new IllegalArgumentException("parameters." + name + "." + entryName + " must be a finite number, not " + number);
            }
            numbers.put(entryName, entryValue.doubleValue());
        });
        return Collections.unmodifiableMap(numbers);
    }
}
