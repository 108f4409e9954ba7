package io.ballast.api.plugin;

import io.ballast.api.plugin.ParameterSpec.ParameterType;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One call's parameters read against the extension's {@link ParameterSpec}s, the one reader every
 * extension uses: a parameter the caller left out takes the spec's default; a name the extension
 * does not declare, a value of the wrong type, outside the spec's range or not among its allowed
 * values, and a required parameter left out, are each an {@link IllegalArgumentException} whose
 * message starts with {@code parameter <name>:}.
 *
 * <p>The platform validates parameters before it calls an extension (numbers then arrive as
 * {@code Double} or {@code Long}, defaults filled in); reading them again here keeps an extension
 * correct when it is called directly (tests, backtests, other plugins) with any {@link Number},
 * numeric text or {@code "true"}/{@code "false"}.
 */
public final class ParameterValues {

    /** Whole numbers up to 2^53 survive a trip through a double exactly, as they do through JSON. */
    private static final double LARGEST_EXACT_WHOLE = 0x1p53;

    private final String extensionId;
    private final Map<String, ParameterSpec> specsByName = new LinkedHashMap<>();
    private final Map<String, Object> given;

    private ParameterValues(String extensionId, List<ParameterSpec> specs, Map<String, ?> given) {
        this.extensionId = Objects.requireNonNull(extensionId, "extensionId");
        specs.forEach(spec -> specsByName.put(spec.name(), spec));
        this.given = Collections.unmodifiableMap(new HashMap<>(Objects.requireNonNull(given, "parameters")));
        for (String name : this.given.keySet()) {
            if (!specsByName.containsKey(name)) {
                throw invalid(name, "is not a parameter of " + extensionId
                        + (specsByName.isEmpty() ? ", which takes none" : "; it takes " + specsByName.keySet()));
            }
        }
    }

    /**
     * @param given the caller's parameters by name; a null value counts as left out
     * @throws IllegalArgumentException when a name is not among {@code specs}
     */
    public static ParameterValues read(String extensionId, List<ParameterSpec> specs, Map<String, ?> given) {
        return new ParameterValues(extensionId, specs, given);
    }

    /** The parameters of a call to {@code extension}, read against its own declarations. */
    public static ParameterValues read(BallastExtension extension, Map<String, ?> given) {
        return new ParameterValues(extension.id(), extension.parameters(), given);
    }

    /** The failure for parameter {@code name}: {@code parameter <name>: <problem>}. */
    public static IllegalArgumentException invalid(String name, String problem) {
        return new IllegalArgumentException("parameter " + name + ": " + problem);
    }

    /** Whether the caller gave the parameter (a default does not count). */
    public boolean isGiven(String name) {
        spec(name);
        return given.get(name) != null;
    }

    /** A NUMBER (or INTEGER) parameter: finite and within the spec's range. */
    public double number(String name) {
        ParameterSpec spec = spec(name);
        return inRange(spec, name, finite(name, required(spec)));
    }

    /** An INTEGER parameter: a whole number within the spec's range. */
    public long integer(String name) {
        ParameterSpec spec = spec(name);
        Object value = required(spec);
        double number = finite(name, value);
        if (number != Math.rint(number) || Math.abs(number) > LARGEST_EXACT_WHOLE) {
            throw invalid(name, "must be a whole number, got " + shown(value));
        }
        return (long) inRange(spec, name, number);
    }

    /** A BOOLEAN parameter: a boolean, or the text {@code true} or {@code false} in any case. */
    public boolean flag(String name) {
        Object value = required(spec(name));
        return switch (value) {
            case Boolean flag -> flag;
            case String text when text.strip().equalsIgnoreCase("true") -> true;
            case String text when text.strip().equalsIgnoreCase("false") -> false;
            default -> throw invalid(name, "must be true or false, got " + shown(value));
        };
    }

    /**
     * A STRING parameter, trimmed; when the spec has allowed values, the allowed value it matches
     * ignoring case. Blank text, given or by default, is no value: an error here.
     */
    public String text(String name) {
        return optionalText(name).orElseThrow(() -> invalid(name, "is required"));
    }

    /** Like {@link #text}, but empty for blank text: the caller's, or the default's when the caller gave none. */
    public Optional<String> optionalText(String name) {
        ParameterSpec spec = spec(name);
        // text the caller gave, blank included, is the caller's choice: blank means none, not the default
        Object value = given.get(name) != null ? given.get(name) : spec.defaultValue().orElse(null);
        return nonBlank(name, value).map(text -> allowed(spec, text));
    }

    /** A NUMBER_BY_NAME parameter: every number finite and within the spec's range, in the order given. */
    public Map<String, Double> numbersByName(String name) {
        ParameterSpec spec = spec(name);
        Object value = required(spec);
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(name, "must be an object of names to numbers, got " + shown(value));
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        map.forEach((key, number) -> numbers.put(String.valueOf(key), inRange(spec, name + "." + key, finite(name + "." + key, number))));
        return Collections.unmodifiableMap(numbers);
    }

    private ParameterSpec spec(String name) {
        ParameterSpec spec = specsByName.get(name);
        if (spec == null) {
            throw new IllegalStateException(extensionId + " reads parameter " + name + " that it does not declare");
        }
        return spec;
    }

    private Object required(ParameterSpec spec) {
        Object value = given.get(spec.name());
        return value != null ? value : spec.defaultValue().orElseThrow(() -> invalid(spec.name(), "is required"));
    }

    private static double finite(String name, Object value) {
        Optional<Double> number = switch (value) {
            case Number given -> Optional.of(given.doubleValue());
            case String text -> parsed(text);
            case null, default -> Optional.empty();
        };
        if (number.isEmpty() || !Double.isFinite(number.get())) {
            throw invalid(name, "must be a finite number, got " + shown(value));
        }
        return number.get();
    }

    private static Optional<Double> parsed(String text) {
        try {
            return Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static double inRange(ParameterSpec spec, String field, double number) {
        if (spec.minimum().isPresent() && number < spec.minimum().get()) {
            throw invalid(field, "must be at least " + bound(spec, spec.minimum().get()) + ", got " + shown(number, spec));
        }
        if (spec.maximum().isPresent() && number > spec.maximum().get()) {
            throw invalid(field, "must be at most " + bound(spec, spec.maximum().get()) + ", got " + shown(number, spec));
        }
        return number;
    }

    private static Optional<String> nonBlank(String name, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw invalid(name, "must be text, got " + shown(value));
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static String allowed(ParameterSpec spec, String text) {
        if (spec.allowedValues().isEmpty()) {
            return text;
        }
        return spec.allowedValues().stream().filter(allowed -> allowed.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> invalid(spec.name(), "must be one of " + spec.allowedValues() + " (any case), got '" + text + "'"));
    }

    /** An INTEGER parameter's bound as the whole number it is, e.g. {@code 2}, not {@code 2.0}. */
    private static String bound(ParameterSpec spec, double bound) {
        return spec.type() == ParameterType.INTEGER && bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }

    private static String shown(double number, ParameterSpec spec) {
        return bound(spec, number);
    }

    private static String shown(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }
}
