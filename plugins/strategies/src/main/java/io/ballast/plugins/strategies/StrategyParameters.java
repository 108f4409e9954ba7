package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one strategy call, read against the strategy's {@link ParameterSpec}s: a
 * parameter the caller left out takes its default; an unknown name, a value of the wrong type or
 * one outside its range is refused with an {@link IllegalArgumentException} naming the parameter.
 * The platform may have validated them already; a strategy checks again because it is also called
 * directly (tests, backtests, other plugins).
 */
final class StrategyParameters {

    private final String strategyId;
    private final Map<String, ParameterSpec> specsByName = new LinkedHashMap<>();
    private final Map<String, Object> given;

    private StrategyParameters(String strategyId, List<ParameterSpec> specs, Map<String, Object> given) {
        this.strategyId = strategyId;
        specs.forEach(spec -> specsByName.put(spec.name(), spec));
        this.given = given;
        for (String name : given.keySet()) {
            if (!specsByName.containsKey(name)) {
                throw new IllegalArgumentException("parameter " + name + " is not a parameter of " + strategyId
                        + "; it takes " + specsByName.keySet());
            }
        }
    }

    static StrategyParameters read(String strategyId, List<ParameterSpec> specs, Map<String, Object> given) {
        return new StrategyParameters(strategyId, specs, given);
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

    int integer(ParameterSpec spec) {
        Object value = valueOf(spec);
        if (!(value instanceof Number number) || !isWhole(number.doubleValue())) {
            throw refused(spec, expected(spec), value);
        }
        return (int) inRange(spec, number.doubleValue(), value);
    }

    double number(ParameterSpec spec) {
        Object value = valueOf(spec);
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw refused(spec, expected(spec), value);
        }
        return inRange(spec, number.doubleValue(), value);
    }

    boolean flag(ParameterSpec spec) {
        Object value = valueOf(spec);
        if (!(value instanceof Boolean flag)) {
            throw refused(spec, "must be true or false", value);
        }
        return flag;
    }

    String text(ParameterSpec spec) {
        Object value = valueOf(spec);
        if (!(value instanceof String text)) {
            throw refused(spec, "must be a string", value);
        }
        return text.strip();
    }

    /** A refusal of a value that is valid on its own but not together with another parameter. */
    IllegalArgumentException refused(ParameterSpec spec, String problem, Object value) {
        return new IllegalArgumentException("parameter " + spec.name() + " of " + strategyId + " " + problem + ", got " + value);
    }

    private Object valueOf(ParameterSpec spec) {
        if (!specsByName.containsKey(spec.name())) {
            throw new IllegalStateException(strategyId + " reads parameter " + spec.name() + " that it does not declare");
        }
        Object value = given.get(spec.name());
        return value != null ? value : spec.defaultValue().orElseThrow(
                () -> new IllegalArgumentException("parameter " + spec.name() + " of " + strategyId + " is required"));
    }

    private double inRange(ParameterSpec spec, double number, Object value) {
        if (spec.minimum().isPresent() && number < spec.minimum().get()
                || spec.maximum().isPresent() && number > spec.maximum().get()) {
            throw refused(spec, expected(spec), value);
        }
        return number;
    }

    private static boolean isWhole(double number) {
        return number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE;
    }

    /** E.g. {@code must be a whole number from 2 to 2520}. */
    private static String expected(ParameterSpec spec) {
        boolean whole = spec.type() == ParameterType.INTEGER;
        String unit = whole ? "%.0f" : "%s";
        String range = switch ((spec.minimum().isPresent() ? 1 : 0) + (spec.maximum().isPresent() ? 2 : 0)) {
            case 1 -> " at least " + unit.formatted(spec.minimum().get());
            case 2 -> " at most " + unit.formatted(spec.maximum().get());
            case 3 -> " from " + unit.formatted(spec.minimum().get()) + " to " + unit.formatted(spec.maximum().get());
            default -> "";
        };
        return (whole ? "must be a whole number" : "must be a finite number") + range;
    }
}
