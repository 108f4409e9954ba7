package io.ballast.platform.plugins;

import io.ballast.api.plugin.BallastExtension;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks a caller's parameters against what an extension declares, before the extension is
 * called: every name known, every value of its type, in its range and among its allowed values,
 * every required one given; defaults filled in. Values reach the extension as plain values whatever
 * JSON, the command line or the plugin's own default gave: {@link Double} (NUMBER), {@link Long}
 * (INTEGER), {@link Boolean}, {@link String}, or an insertion-ordered map of Doubles (NUMBER_BY_NAME).
 * The same conversion checks a plugin's declarations when it loads ({@link #checkDeclared}).
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
            String name = field + "." + spec.name();
            Object value = given.get(spec.name());
            if (value != null) {
                valid.put(spec.name(), converted(spec, value, name));
            } else if (spec.defaultValue().isPresent()) {
                valid.put(spec.name(), plainDefault(spec).orElseThrow());
            } else {
                throw new InvalidInputException(name, "is required by " + extension.id() + ": " + spec.description());
            }
        }
        return valid;
    }

    /**
     * Checks an extension's parameter declarations when its plugin loads: bounds finite and only on
     * NUMBER, INTEGER and NUMBER_BY_NAME (whole for INTEGER), each default of its type, in range and
     * among the allowed values.
     *
     * @return the declarations with every default converted to a plain value (see the class comment)
     * @throws IllegalStateException naming the extension, the parameter and the problem
     */
    public static List<ParameterSpec> checkDeclared(BallastExtension extension) {
        List<ParameterSpec> checked = new ArrayList<>();
        for (ParameterSpec spec : extension.parameters()) {
            String where = "extension " + extension.id() + ": parameter " + spec.name();
            boolean numeric = switch (spec.type()) {
                case NUMBER, INTEGER, NUMBER_BY_NAME -> true;
                case BOOLEAN, STRING -> false;
            };
            for (Optional<Double> bound : List.of(spec.minimum(), spec.maximum())) {
                if (bound.isEmpty()) {
                    continue;
                }
                if (!numeric) {
                    throw new IllegalStateException(where + " is " + spec.type() + " and cannot have a minimum or maximum");
                }
                double value = bound.get();
                if (!Double.isFinite(value) || spec.type() == ParameterSpec.ParameterType.INTEGER && value != Math.rint(value)) {
                    throw new IllegalStateException(where + ": its bound " + value + " must be a finite"
                            + (spec.type() == ParameterSpec.ParameterType.INTEGER ? " whole" : "") + " number");
                }
            }
            Optional<Object> plainDefault;
            try {
                plainDefault = plainDefault(spec);
            } catch (InvalidInputException e) {
                throw new IllegalStateException(where + ": its default " + e.problem(), e);
            }
            checked.add(new ParameterSpec(spec.name(), spec.type(), spec.description(), plainDefault, spec.minimum(), spec.maximum(),
                    spec.allowedValues()));
        }
        return List.copyOf(checked);
    }

    /**
     * A parameter's default as a plain value (Double, Long, Boolean, String or a map of Doubles),
     * as {@link #validate} passes it on and the API lists it.
     *
     * @throws InvalidInputException (field {@code default}) when the default is not of its type or not in range
     */
    public static Optional<Object> plainDefault(ParameterSpec spec) {
        return spec.defaultValue().map(value -> converted(spec, value, "default"));
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
                if (!spec.allowedValues().isEmpty() && spec.allowedValues().stream().noneMatch(text.strip()::equalsIgnoreCase)) {
                    throw new InvalidInputException(field, "must be one of " + String.join(", ", spec.allowedValues())
                            + " (any case), got '" + text + "'");
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
            case null, default -> Optional.empty();
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
            throw new InvalidInputException(field, "must be at least " + bound(spec, spec.minimum().get()) + ", got " + number);
        }
        if (spec.maximum().isPresent() && number > spec.maximum().get()) {
            throw new InvalidInputException(field, "must be at most " + bound(spec, spec.maximum().get()) + ", got " + number);
        }
        return number;
    }

    /** A bound as JSON writes it: whole for an INTEGER parameter ({@code 2}, not {@code 2.0}). */
    public static Number bound(ParameterSpec spec, double bound) {
        return spec.type() == ParameterSpec.ParameterType.INTEGER ? (Number) (long) bound : (Number) bound;
    }
}
