package io.ballast.plugins.marketdata.common;

import io.ballast.api.plugin.ParameterSpec;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller's parameters read against the extension's {@link ParameterSpec}s: a parameter the caller
 * left out takes the spec's default, and a value of the wrong type, outside the spec's range or
 * missing without a default is an {@link IllegalArgumentException} naming the parameter.
 *
 * <p>The platform validates parameters before it calls an extension (numbers then arrive as
 * {@code Double} or {@code Long}, defaults filled in); reading them again here keeps an extension
 * correct when it is called directly, with any {@link Number} or numeric text.
 */
public final class ParameterValues {

    private final Map<String, Object> given;

    /** @param given the caller's parameters by name; a null value counts as left out */
    public ParameterValues(Map<String, ?> given) {
        this.given = Collections.unmodifiableMap(new HashMap<>(Objects.requireNonNull(given, "parameters")));
    }

    /** The text value, trimmed; a blank value is an error when the spec has no default. */
    public String text(ParameterSpec spec) {
        return optionalText(spec).orElseThrow(() -> invalid(spec, "is required"));
    }

    /** The text value, trimmed; empty when neither the caller nor the spec's default gives a non-blank one. */
    public Optional<String> optionalText(ParameterSpec spec) {
        Object value = value(spec).orElse(null);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw invalid(spec, "must be text, got " + value);
        }
        return text.isBlank() ? Optional.empty() : Optional.of(text.trim());
    }

    /** The number value, within the spec's range. */
    public double number(ParameterSpec spec) {
        Object value = value(spec).orElseThrow(() -> invalid(spec, "is required"));
        double number = switch (value) {
            case Number given -> given.doubleValue();
            case String text -> parsed(spec, text);
            default -> throw invalid(spec, "must be a number, got " + value);
        };
        if (!Double.isFinite(number)) {
            throw invalid(spec, "must be a finite number, got " + value);
        }
        if (spec.minimum().isPresent() && number < spec.minimum().get()) {
            throw invalid(spec, "must be at least " + spec.minimum().get() + ", got " + value);
        }
        if (spec.maximum().isPresent() && number > spec.maximum().get()) {
            throw invalid(spec, "must be at most " + spec.maximum().get() + ", got " + value);
        }
        return number;
    }

    /** The whole-number value, within the spec's range. */
    public long whole(ParameterSpec spec) {
        double number = number(spec);
        // whole numbers up to 2^53 survive a trip through a double exactly, as they do through JSON
        if (number != Math.rint(number) || Math.abs(number) > 0x1p53) {
            throw invalid(spec, "must be a whole number, got " + value(spec).orElseThrow());
        }
        return (long) number;
    }

    /** The value as an ISO day ({@code yyyy-MM-dd}). */
    public LocalDate day(ParameterSpec spec) {
        String text = text(spec);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(spec, "must be a day as yyyy-MM-dd, got '" + text + "'");
        }
    }

    /** The value as a list of names separated by commas, each trimmed, none empty, none twice. */
    public List<String> names(ParameterSpec spec) {
        String list = text(spec);
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw invalid(spec, "a name is empty in '" + list + "'");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw invalid(spec, "a name is repeated in '" + list + "'");
        }
        return names;
    }

    /** The value as an ISO 4217 currency code (any case), returned in upper case. */
    public String currency(ParameterSpec spec) {
        String code = text(spec);
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw invalid(spec, "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    /** The value as one of {@code choices}' constants, matched ignoring case. */
    public <E extends Enum<E>> E choice(ParameterSpec spec, Class<E> choices) {
        String text = text(spec);
        E[] constants = choices.getEnumConstants();
        return Arrays.stream(constants)
                .filter(constant -> constant.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> invalid(spec, "must be one of "
                        + Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
                        + " (any case), got '" + text + "'"));
    }

    private Optional<Object> value(ParameterSpec spec) {
        Object value = given.get(spec.name());
        return value != null ? Optional.of(value) : spec.defaultValue();
    }

    private static double parsed(ParameterSpec spec, String text) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw invalid(spec, "must be a number, got '" + text + "'");
        }
    }

    private static IllegalArgumentException invalid(ParameterSpec spec, String problem) {
        return new IllegalArgumentException("parameter " + spec.name() + ": " + problem);
    }
}
