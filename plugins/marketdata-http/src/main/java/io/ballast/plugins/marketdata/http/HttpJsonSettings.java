package io.ballast.plugins.marketdata.http;

import com.fasterxml.jackson.core.JsonPointer;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterSpec.ParameterType;
import io.ballast.api.plugin.SecretVariables;
import io.ballast.plugins.marketdata.common.InstrumentDefaults;
import io.ballast.plugins.marketdata.common.SourceParameters;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parameters of the HTTP JSON source, read and checked. No secret is ever a parameter: the
 * bearer token is read, at each call, from the environment variable a parameter names.
 *
 * @param baseUrl                  the service's URL without a trailing slash, e.g. {@code https://prices.example.com/api}
 * @param barsPath                 the path of an asset's bars, with {@code {asset}}, {@code {from}}, {@code {to}}
 * @param instrumentsPath          the path of the instrument list
 * @param assets                   the assets, when given as a parameter instead of asked for
 * @param jsonBars                 how bars are read from an answer
 * @param tokenEnvironmentVariable the environment variable holding the bearer token, if the service wants one
 * @param timeout                  the longest one request may take
 * @param instrumentDefaults       class, sector and currency of an instrument the service does not describe
 */
record HttpJsonSettings(
        String baseUrl,
        PathTemplate barsPath,
        String instrumentsPath,
        Optional<List<String>> assets,
        JsonBars jsonBars,
        Optional<String> tokenEnvironmentVariable,
        Duration timeout,
        InstrumentDefaults instrumentDefaults) {

    static final ParameterSpec BASE_URL = text("baseUrl",
            "The service's http or https URL that the paths follow, e.g. https://prices.example.com/api", null);
    static final ParameterSpec BARS_PATH = text("barsPath",
            "The path of an asset's daily bars after baseUrl; {asset}, {from} and {to} (days, yyyy-MM-dd) are filled in, URL-encoded",
            "/bars/{asset}?from={from}&to={to}");
    static final ParameterSpec BARS_POINTER = text("barsPointer",
            "Where the array of bars is in the answer, as a JSON Pointer (e.g. /data/bars); empty: the answer is the array", "");
    static final ParameterSpec INSTRUMENTS_PATH = text("instrumentsPath",
            "The path of the instrument list after baseUrl: an array of asset ids, or of objects with id and optionally "
                    + "name, assetClass, sector, currency", "/instruments");
    static final ParameterSpec ASSETS = text("assets",
            "The asset ids, separated by commas, when the service has no instrument list; empty: ask instrumentsPath", "");
    static final ParameterSpec TIME_FIELD = text("timeField",
            "A bar's field of its day: yyyy-MM-dd, an ISO date-time with Z or an offset, or a number of epochUnit since 1970", "time");
    static final ParameterSpec OPEN_FIELD = text("openField", "A bar's field of its open; empty when the service sends none (open = close)", "open");
    static final ParameterSpec HIGH_FIELD = text("highField", "A bar's field of its high; empty when the service sends none (high = close)", "high");
    static final ParameterSpec LOW_FIELD = text("lowField", "A bar's field of its low; empty when the service sends none (low = close)", "low");
    static final ParameterSpec CLOSE_FIELD = text("closeField", "A bar's field of its close", "close");
    static final ParameterSpec VOLUME_FIELD = text("volumeField", "A bar's field of its volume; empty when the service sends none (volume = 0)", "volume");
    static final ParameterSpec EPOCH_UNIT = text("epochUnit",
            "What a numeric time counts since 1970-01-01T00:00Z: milliseconds or seconds", "milliseconds");
    static final ParameterSpec TOKEN_ENVIRONMENT_VARIABLE = text("tokenEnvironmentVariable",
            "The name of the environment variable holding a bearer token to send (Authorization: Bearer ...); it must start with "
                    + SecretVariables.PREFIX + ". Empty: send none. The token itself is never a parameter", "");
    /** Below the platform's default plugin call timeout (10 s): requests run all at once, so a call lasts about one of them. */
    static final long MAX_TIMEOUT_MILLIS = 8000;
    static final ParameterSpec TIMEOUT_MILLIS = new ParameterSpec("timeoutMillis", ParameterType.INTEGER,
            "The longest one request may take, connecting and reading the answer included, in milliseconds; at most "
                    + MAX_TIMEOUT_MILLIS + ", below the platform's plugin call timeout", Optional.of(5000L), Optional.of(1.0),
            Optional.of((double) MAX_TIMEOUT_MILLIS));

    static final List<ParameterSpec> SPECS = Stream.concat(Stream.of(BASE_URL, BARS_PATH, BARS_POINTER, INSTRUMENTS_PATH,
                    ASSETS, TIME_FIELD, OPEN_FIELD, HIGH_FIELD, LOW_FIELD, CLOSE_FIELD, VOLUME_FIELD, EPOCH_UNIT,
                    TOKEN_ENVIRONMENT_VARIABLE, TIMEOUT_MILLIS), InstrumentDefaults.SPECS.stream()).toList();

    static HttpJsonSettings from(Map<String, Object> parameters) {
        SourceParameters values = new SourceParameters("http-json", SPECS, parameters);
        BarFields fields = new BarFields(values.text(TIME_FIELD), values.optionalText(OPEN_FIELD), values.optionalText(HIGH_FIELD),
                values.optionalText(LOW_FIELD), values.text(CLOSE_FIELD), values.optionalText(VOLUME_FIELD));
        JsonBars jsonBars = new JsonBars(fields, pointer(values.optionalText(BARS_POINTER).orElse("")),
                values.choice(EPOCH_UNIT, EpochUnit.class));
        Optional<List<String>> assets = values.optionalText(ASSETS).map(given -> values.names(ASSETS));
        return new HttpJsonSettings(baseUrl(values.text(BASE_URL)),
                new PathTemplate(BARS_PATH.name(), values.text(BARS_PATH)).requirePlaceholders(Set.of("asset", "from", "to")),
                new PathTemplate(INSTRUMENTS_PATH.name(), values.text(INSTRUMENTS_PATH)).requirePlaceholders(Set.of()).template(),
                assets, jsonBars,
                values.optionalText(TOKEN_ENVIRONMENT_VARIABLE).map(name -> SecretVariables.requireSecretName(TOKEN_ENVIRONMENT_VARIABLE.name(), name)), Duration.ofMillis(values.whole(TIMEOUT_MILLIS)),
                InstrumentDefaults.read(values));
    }

    URI barsUri(String asset, LocalDate firstDay, LocalDate lastDay) {
        return uri(BARS_PATH, barsPath.expand(Map.of("asset", asset, "from", firstDay.toString(), "to", lastDay.toString())));
    }

    URI instrumentsUri() {
        return uri(INSTRUMENTS_PATH, instrumentsPath);
    }

    /** A service for one call, sending the token from the environment when a variable is named. */
    JsonService service() {
        Optional<String> token = tokenEnvironmentVariable.map(variable -> {
            String value = System.getenv(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("parameter " + TOKEN_ENVIRONMENT_VARIABLE.name() + ": the environment variable "
                        + variable + " is not set in the platform's environment");
            }
            return value.strip();
        });
        return new JsonService(timeout, token);
    }

    private URI uri(ParameterSpec parameter, String path) {
        String url = baseUrl + (path.startsWith("/") ? path : "/" + path);
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("parameter " + parameter.name() + ": '" + url + "' is not a URL: " + e.getReason(), e);
        }
    }

    private static String baseUrl(String url) {
        String problem = "must be an http or https URL such as https://prices.example.com/api, got '" + url + "'";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("parameter " + BASE_URL.name() + ": " + problem, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("parameter " + BASE_URL.name() + ": " + problem);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static JsonPointer pointer(String pointer) {
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter " + BARS_POINTER.name() + ": '" + pointer
                    + "' is not a JSON Pointer (empty, or starting with /): " + e.getMessage(), e);
        }
    }

    private static ParameterSpec text(String name, String description, String defaultValue) {
        return new ParameterSpec(name, ParameterType.STRING, description, Optional.ofNullable(defaultValue), Optional.empty(), Optional.empty());
    }
}
