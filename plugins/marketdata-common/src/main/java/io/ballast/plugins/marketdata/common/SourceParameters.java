package io.ballast.plugins.marketdata.common;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A data source's parameters: the API's {@link ParameterValues} (types, defaults, ranges, unknown
 * names refused), plus the text forms data sources share: a day, a list of names, a currency code,
 * an enum constant. Every problem is an {@link IllegalArgumentException} starting
 * {@code parameter <name>:}.
 */
public final class SourceParameters {

    private final ParameterValues values;

    /**
     * @param sourceId the source's id, for the message about an unknown name
     * @param specs    the parameters the source declares
     * @param given    the caller's parameters by name; a null value counts as left out
     */
    public SourceParameters(String sourceId, List<ParameterSpec> specs, Map<String, ?> given) {
        this.values = ParameterValues.read(sourceId, specs, given);
    }

    /** The text value, trimmed; a blank value is an error when the spec has no default. */
    public String text(ParameterSpec spec) {
        return values.text(spec.name());
    }

    /** The text value, trimmed; empty when neither the caller nor the spec's default gives a non-blank one. */
    public Optional<String> optionalText(ParameterSpec spec) {
        return values.optionalText(spec.name());
    }

    /** The number value, within the spec's range. */
    public double number(ParameterSpec spec) {
        return values.number(spec.name());
    }

    /** The whole-number value, within the spec's range. */
    public long whole(ParameterSpec spec) {
        return values.integer(spec.name());
    }

    /** The value as an ISO day ({@code yyyy-MM-dd}). */
    public LocalDate day(ParameterSpec spec) {
        String text = text(spec);
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ParameterValues.invalid(spec.name(), "must be a day as yyyy-MM-dd, got '" + text + "'");
        }
    }

    /** The value as a list of names separated by commas, each trimmed, none empty, none twice. */
    public List<String> names(ParameterSpec spec) {
        String list = text(spec);
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty)) {
            throw ParameterValues.invalid(spec.name(), "a name is empty in '" + list + "'");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw ParameterValues.invalid(spec.name(), "a name is repeated in '" + list + "'");
        }
        return names;
    }

    /** The value as an ISO 4217 currency code (any case), returned in upper case. */
    public String currency(ParameterSpec spec) {
        String code = text(spec);
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            throw ParameterValues.invalid(spec.name(), "'" + code + "' is not an ISO 4217 currency code");
        }
    }

    /** The value as one of {@code choices}' constants, matched ignoring case. */
    public <E extends Enum<E>> E choice(ParameterSpec spec, Class<E> choices) {
        String text = text(spec);
        E[] constants = choices.getEnumConstants();
        return Arrays.stream(constants)
                .filter(constant -> constant.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> ParameterValues.invalid(spec.name(), "must be one of "
                        + Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT)).toList()
                        + " (any case), got '" + text + "'"));
    }
}
