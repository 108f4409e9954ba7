package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.plugin.ParameterSpec;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One NUMBER parameter of an optimizer: the {@link ParameterSpec} it declares and its value read
 * from a request. The platform validates parameters against the spec before calling, but an
 * optimizer is a public extension point, so the value is checked again here (type, finiteness,
 * range) with a message naming the parameter.
 *
 * @param name         the key, e.g. {@code targetReturn}
 * @param description  what it means, with its unit
 * @param defaultValue the value when the caller gives none; empty when the parameter is required
 * @param minimum      the smallest allowed value, inclusive; empty for none
 * @param maximum      the largest allowed value, inclusive; empty for none
 */
public record NumberParameter(String name, String description, OptionalDouble defaultValue, OptionalDouble minimum,
        OptionalDouble maximum) {

    public NumberParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
    }

    public ParameterSpec spec() {
        return new ParameterSpec(name, ParameterSpec.ParameterType.NUMBER, description,
                defaultValue.isPresent() ? Optional.of(defaultValue.getAsDouble()) : Optional.empty(),
                minimum.isPresent() ? Optional.of(minimum.getAsDouble()) : Optional.empty(),
                maximum.isPresent() ? Optional.of(maximum.getAsDouble()) : Optional.empty());
    }

    /**
     * @param optimizerId the optimizer reading the value, for the messages
     * @throws IllegalArgumentException when the value is missing (and required), not a number, not
     *         finite or out of range
     */
    public double valueIn(OptimizationRequest request, String optimizerId) {
        Object value = request.parameters().get(name);
        if (value == null) {
            if (defaultValue.isEmpty()) {
                throw new IllegalArgumentException("parameters." + name + " is required by " + optimizerId + ": " + description);
            }
            return defaultValue.getAsDouble();
        }
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("parameters." + name + " must be a number, not " + value
                    + " (" + value.getClass().getSimpleName() + ")");
        }
        double given = number.doubleValue();
        if (!Double.isFinite(given)) {
            throw new IllegalArgumentException("parameters." + name + " must be a finite number, not " + given);
        }
        if (minimum.isPresent() && given < minimum.getAsDouble()) {
            throw new IllegalArgumentException("parameters." + name + " is " + given + ", below its minimum " + minimum.getAsDouble());
        }
        if (maximum.isPresent() && given > maximum.getAsDouble()) {
            throw new IllegalArgumentException("parameters." + name + " is " + given + ", above its maximum " + maximum.getAsDouble());
        }
        return given;
    }
}
