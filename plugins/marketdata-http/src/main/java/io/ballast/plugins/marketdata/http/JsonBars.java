package io.ballast.plugins.marketdata.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.api.marketdata.PriceBar;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads daily bars out of a service's JSON answer: an array of bar objects at {@code barsPointer}
 * (a JSON Pointer, e.g. {@code /data/bars}; empty for the whole body), each with the fields that
 * {@code fields} names. A bar's time may be a day ({@code "2024-01-02"}), an instant
 * ({@code "2024-01-02T21:00:00Z"}: its day in UTC), a date-time with an offset
 * ({@code "2024-01-02T16:00:00-05:00"}: the day as written), or a number counting
 * {@code epochUnit}s since 1970 (its day in UTC); the bar's time is then midnight UTC of that day.
 * Prices and volumes are JSON numbers or numeric strings, kept as the exact decimals sent.
 *
 * <p>A name that finds nothing (no array at the pointer, a field missing) is an
 * {@link IllegalArgumentException} naming the parameter to fix; a value that is wrong (not a
 * number, a high below the low, two bars on one day) is an {@link UncheckedIOException}: the service sent bad data.
 *
 * @param fields      the field names
 * @param barsPointer where the bar array is in the answer
 * @param epochUnit   what a numeric time counts
 */
record JsonBars(BarFields fields, JsonPointer barsPointer, EpochUnit epochUnit) {

    /** @return the asset's bars in the answer, oldest first */
    List<PriceBar> bars(JsonService.Answer answer, String asset) {
        String call = answer.call();
        JsonNode array = answer.body().at(barsPointer);
        if (array.isMissingNode()) {
            throw new IllegalArgumentException(call + ": the answer has nothing at '" + barsPointer + "' (parameter barsPointer)");
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException(call + ": expected an array of bars at '" + barsPointer + "', got "
                    + array.getNodeType().name().toLowerCase(Locale.ROOT) + " (parameter barsPointer)");
        }
        List<PriceBar> bars = new ArrayList<>();
        Map<LocalDate, Integer> barByDay = new HashMap<>();
        for (int index = 0; index < array.size(); index++) {
            String where = call + ": bar " + index;
            JsonNode bar = array.get(index);
            if (!bar.isObject()) {
                throw JsonService.failed(where + " is not an object but " + bar, null);
            }
            LocalDate day = day(required(bar, fields.time(), "timeField", where), where + " field '" + fields.time() + "'");
            Integer earlier = barByDay.putIfAbsent(day, index);
            if (earlier != null) {
                throw JsonService.failed(where + " is on " + day + ", as bar " + earlier + " is", null);
            }
            bars.add(bar(bar, asset, day, where));
        }
        bars.sort(Comparator.comparing(PriceBar::time));
        return bars;
    }

    private PriceBar bar(JsonNode bar, String asset, LocalDate day, String where) {
        BigDecimal close = number(bar, fields.close(), "closeField", where);
        BigDecimal open = optionalNumber(bar, fields.open(), "openField", where).orElse(close);
        BigDecimal high = optionalNumber(bar, fields.high(), "highField", where).orElse(close);
        BigDecimal low = optionalNumber(bar, fields.low(), "lowField", where).orElse(close);
        BigDecimal volume = optionalNumber(bar, fields.volume(), "volumeField", where).orElse(BigDecimal.ZERO);
        try {
            return new PriceBar(asset, day.atStartOfDay(ZoneOffset.UTC).toInstant(), open, high, low, close, volume);
        } catch (IllegalArgumentException e) {
            throw JsonService.failed(where + ": " + e.getMessage(), e);
        }
    }

    private LocalDate day(JsonNode time, String where) {
        if (time.isIntegralNumber() && time.canConvertToLong()) {
            return LocalDate.ofInstant(epochUnit.instant(time.longValue()), ZoneOffset.UTC);
        }
        if (time.isTextual()) {
            String text = time.textValue().strip();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException notADay) {
                try {
                    // with Z or an offset: the day as written at that offset (at Z, the UTC day)
                    return OffsetDateTime.parse(text).toLocalDate();
                } catch (DateTimeParseException notADateTime) {
                    // told below, with the forms a time may take
                }
            }
        }
        throw JsonService.failed(where + ": " + time + " is not a day (yyyy-MM-dd), an instant, a date-time with offset or a count of "
                + epochUnit.name().toLowerCase(Locale.ROOT) + " since 1970", null);
    }

    private static Optional<BigDecimal> optionalNumber(JsonNode bar, Optional<String> field, String parameter, String where) {
        return field.map(name -> number(bar, name, parameter, where));
    }

    private static BigDecimal number(JsonNode bar, String field, String parameter, String where) {
        JsonNode value = required(bar, field, parameter, where);
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().strip());
            } catch (NumberFormatException e) {
                // told below
            }
        }
        throw JsonService.failed(where + " field '" + field + "': " + value + " is not a number", null);
    }

    private static JsonNode required(JsonNode bar, String field, String parameter, String where) {
        JsonNode value = bar.get(field);
        if (value == null) {
            throw new IllegalArgumentException(where + " has no field '" + field + "' (parameter " + parameter + ")");
        }
        return value;
    }
}
