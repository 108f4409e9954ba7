package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.plugin.ParameterSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One STRING parameter of an optimizer: the {@link ParameterSpec} it declares and its value read
 * from a request, checked again here as {@link NumberParameter} checks numbers.
 *
 * @param name          the key, e.g. {@code linkage}
 * @param description   what it means and the values it takes
 * @param defaultValue  the value when the caller gives none
 * @param allowedValues the only values it takes, declared so the platform refuses others before the
 *                      call; empty when any text will do
 */
public record TextParameter(String name, String description, String defaultValue, List<String> allowedValues) {

    public TextParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
        allowedValues = List.copyOf(allowedValues);
    }

    public ParameterSpec spec() {
        return allowedValues.isEmpty()
                ? new ParameterSpec(name, ParameterSpec.ParameterType.STRING, description, Optional.of(defaultValue),
                        Optional.empty(), Optional.empty())
                : ParameterSpec.oneOf(name, description, Optional.of(defaultValue), allowedValues);
    }

    /** @throws IllegalArgumentException when the value is not a non-blank text */
    public String valueIn(OptimizationRequest request) {
        Object value = request.parameters().get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("parameters." + name + " must be a non-blank text, not " + value);
        }
        return text;
    }
}
