package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.util.Optional;

/**
 * Short ways to declare the strategies' parameters, each with a default and an inclusive range;
 * a call's values are read with the API's {@link io.ballast.api.plugin.ParameterValues}.
 */
final class ParameterSpecs {

    private ParameterSpecs() {
    }

    /** An INTEGER parameter's spec; {@code minimum} and {@code maximum} are inclusive. */
    static ParameterSpec integerSpec(String name, String description, int defaultValue, int minimum, int maximum) {
        return new ParameterSpec(name, ParameterType.INTEGER, description, Optional.of(defaultValue),
                Optional.of((double) minimum), Optional.of((double) maximum));
    }

    /** A NUMBER parameter's spec; {@code minimum} and {@code maximum} are inclusive. */
    static ParameterSpec numberSpec(String name, String description, double defaultValue, double minimum, double maximum) {
        return new ParameterSpec(name, ParameterType.NUMBER, description, Optional.of(defaultValue),
                Optional.of(minimum), Optional.of(maximum));
    }

    static ParameterSpec booleanSpec(String name, String description, boolean defaultValue) {
        return new ParameterSpec(name, ParameterType.BOOLEAN, description, Optional.of(defaultValue),
                Optional.empty(), Optional.empty());
    }

    static ParameterSpec textSpec(String name, String description, String defaultValue) {
        return new ParameterSpec(name, ParameterType.STRING, description, Optional.of(defaultValue),
                Optional.empty(), Optional.empty());
    }
}
