package io.ballast.platform.plugins;

import io.ballast.api.plugin.BallastExtension;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a caller's parameters against what an extension declares, before the extension is
 * called: every name known, every value of its type and in its range; defaults filled in. Numbers
 * reach the extension as {@link Double} (NUMBER), {@link Long} (INTEGER) or a map of Doubles
 * (NUMBER_BY_NAME), whatever JSON or the command line gave.
 */
public final class ExtensionParameters {

    private ExtensionParameters() {
    }

    /**
     * @param field where the parameters came from, for error messages (e.g. {@code parameters})
     * @throws InvalidInputException naming {@code field.name} and the problem
     */
    public static Map<String, Object> validate(BallastExtension extension, Map<String, ?> given, String field) {
        Map<String, ParameterSpec> specs = extension.parameters().stream()
                .collect(Collectors.toMap(ParameterSpec::name, spec -> spec, (a, b) -> a, LinkedHashMap::new));
        for (String name : given.keySet()) {
            if (!specs.containsKey(name)) {
                throw new InvalidInputException(field + "." + name, "is not a parameter of " + extension.id()
                        + (specs.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", specs.keySet())));
            }
        }
        Map<String, Object> valid = new LinkedHashMap<>();
        for (ParameterSpec spec : specs.values()) {
            Object value = given.get(spec.name());
            if (value == null) {
                spec.defaultValue().ifPresent(defaultValue -> valid.put(spec.name(), defaultValue));
                continue;
            }
            valid.put(spec.name(), converted(spec, value, field + "." + spec.name()));
        }
        return valid;
    }

    private static Object converted(ParameterSpec spec, Object value, String field) {
        return switch (spec.type()) {
            case NUMBER -> inRange(spec, number(value, field), field);
            case INTEGER -> {
                double number = number(value, field);
                if (number != Math.rint(number) || Math.abs(number) > 1L << 53) {
                    throw new InvalidInputException(field, "must be a whole number, got " + value);
                }
                yield (long) inRange(spec, number, field);
            }
            case BOOLEAN -> {
                if (value instanceof Boolean flag) {
                    yield flag;
                }
                if ("true".equals(value) || "false".equals(value)) {
                    yield Boolean.parseBoolean((String) value);
                }
                throw new InvalidInputException(field, "must be true or false, got " + value);
            }
            case STRING -> {
                if (!(value instanceof String text)) {
                    throw new InvalidInputException(field, "must be text, got " + value);
                }
                yield text;
            }
            case NUMBER_BY_NAME -> {
                if (!(value instanceof Map<?, ?> map)) {
                    throw new InvalidInputException(field, "must be an object of names to numbers, got " + value);
                }
                Map<String, Double> numbers = new LinkedHashMap<>();
                map.forEach((name, number) -> numbers.put(String.valueOf(name),
                        inRange(spec, number(number, field + "." + name), field + "." + name)));
                yield numbers;
            }
        };
    }

    private static double number(Object value, String field) {
        Optional<Double> number = switch (value) {
            case BigDecimal decimal -> Optional.of(decimal.doubleValue());
            case Number other -> Optional.of(other.doubleValue());
            case String text -> parsed(text);
            default -> Optional.empty();
        };
        if (number.isEmpty() || !Double.isFinite(number.get())) {
            throw new InvalidInputException(field, "must be a number, got " + value);
        }
        return number.get();
    }

    private static Optional<Double> parsed(String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double inRange(ParameterSpec spec, double number, String field) {
        if (spec.minimum().isPresent() && number < spec.minimum().get()) {
            throw new InvalidInputException(field, "must be at least " + spec.minimum().get() + ", got " + number);
        }
        if (spec.maximum().isPresent() && number > spec.maximum().get()) {
            throw new InvalidInputException(field, "must be at most " + spec.maximum().get() + ", got " + number);
        }
        return number;
    }
}
