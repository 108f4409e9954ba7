package io.ballast.api.plugin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One parameter an extension accepts: its name, type, default, allowed range and, for text,
 * allowed values.
 *
 * <p>A default's Java type follows the parameter's type: a {@link Number} for NUMBER and INTEGER
 * (a whole one for INTEGER), a {@link Boolean}, a {@link String}, or a {@code Map<String, Number>}
 * for NUMBER_BY_NAME. The platform checks each declaration when the plugin starts (default of the
 * right type and in range, finite bounds, bounds only on numbers, allowed values only on text) and
 * refuses a plugin that breaks one.
 *
 * @param name          the key callers use, e.g. {@code lookbackDays}
 * @param type          the value type
 * @param description   what the parameter means, with its unit
 * @param defaultValue  the value used when the caller gives none; empty when the parameter is required
 * @param minimum       the smallest allowed value (numbers only, inclusive); empty for no lower bound
 * @param maximum       the largest allowed value (numbers only, inclusive); empty for no upper bound
 * @param allowedValues the only values a STRING parameter takes (matched ignoring case); empty for any text
 */
public record ParameterSpec(
        String name,
        ParameterType type,
        String description,
        Optional<Object> defaultValue,
        Optional<Double> minimum,
        Optional<Double> maximum,
        List<String> allowedValues) {

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        allowedValues = List.copyOf(Objects.requireNonNull(allowedValues, "allowedValues"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
        if (minimum.isPresent() && maximum.isPresent() && minimum.get() > maximum.get()) {
            throw new IllegalArgumentException(
                    "parameter " + name + ": minimum " + minimum.get() + " is above maximum " + maximum.get());
        }
        if (!allowedValues.isEmpty() && type != ParameterType.STRING) {
            throw new IllegalArgumentException("parameter " + name + ": only a STRING parameter has allowed values, this one is " + type);
        }
    }

    /** A parameter with any value of its type; kept so that plugins compiled against API 1.1 still load. */
    public ParameterSpec(String name, ParameterType type, String description, Optional<Object> defaultValue,
            Optional<Double> minimum, Optional<Double> maximum) {
        this(name, type, description, defaultValue, minimum, maximum, List.of());
    }

    /**
     * A STRING parameter that takes only one of {@code allowedValues} (matched ignoring case).
     *
     * @param defaultValue one of {@code allowedValues}, or empty when the parameter is required
     */
    public static ParameterSpec oneOf(String name, String description, Optional<String> defaultValue, List<String> allowedValues) {
        if (allowedValues.isEmpty()) {
            throw new IllegalArgumentException("parameter " + name + ": give at least one allowed value");
        }
        return new ParameterSpec(name, ParameterType.STRING, description, defaultValue.map(Object.class::cast),
                Optional.empty(), Optional.empty(), allowedValues);
    }

    /** The types a parameter may have. */
    public enum ParameterType {
        NUMBER, INTEGER, BOOLEAN, STRING,
        /** A map from a name (usually an asset id) to a number, e.g. risk budgets {@code {"AAPL": 0.6, "MSFT": 0.4}}. */
        NUMBER_BY_NAME
    }
}
