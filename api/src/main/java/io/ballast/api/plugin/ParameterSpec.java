package io.ballast.api.plugin;

import java.util.Objects;
import java.util.Optional;

/**
 * One parameter an extension accepts: its name, type, default and allowed range.
 *
 * @param name         the key callers use, e.g. {@code lookbackDays}
 * @param type         the value type
 * @param description  what the parameter means, with its unit
 * @param defaultValue the value used when the caller gives none; empty when the parameter is required
 * @param minimum      the smallest allowed value (numbers only); empty for no lower bound
 * @param maximum      the largest allowed value (numbers only); empty for no upper bound
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        String description,
        Optional<Object> defaultValue,
        Optional<Double> minimum,
        Optional<Double> maximum) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (minimum.isPresent() && maximum.isPresent() && minimum.get() > maximum.get()) {
            throw new IllegalArgumentException(
                    "parameter " + name + ": minimum " + minimum.get() + " is above maximum " + maximum.get());
        }
    }

    /** The types a parameter may have. */
    public enum ParameterType {
        NUMBER, INTEGER, BOOLEAN, STRING,
        /** A map from a name (usually an asset id) to a number, e.g. risk budgets {@code {"AAPL": 0.6, "MSFT": 0.4}}. */
        NUMBER_BY_NAME
    }
}
