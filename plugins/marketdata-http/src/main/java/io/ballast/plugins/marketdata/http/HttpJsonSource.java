package io.ballast.plugins.marketdata.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.marketdata.common.InstrumentDefaults;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Daily bars from an HTTP service that answers JSON: one GET per asset to {@code baseUrl + barsPath},
 * the bars read with the configured field names ({@link JsonBars}), those within the requested
 * days kept. Instruments come from the {@code assets} parameter or a GET of {@code instrumentsPath}.
 * A bearer token, when the service needs one, is read from the environment variable that
 * {@code tokenEnvironmentVariable} names. Requests go one after another, each within
 * {@code timeoutMillis}; failures name the URL and the HTTP status ({@link JsonService}). An
 * answer is read whole into memory: the service is trusted to send a sensible amount.
 */
@Extension
public class HttpJsonSource implements MarketDataSource {

    @Override
    public String id() {
        return "http-json";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Daily bars from an HTTP service answering JSON, with configurable paths, field names and bearer token.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return HttpJsonSettings.SPECS;
    }

    @Override
    public List<Instrument> instruments(Map<String, Object> parameters) {
        HttpJsonSettings settings = HttpJsonSettings.from(parameters);
        InstrumentDefaults defaults = settings.instrumentDefaults();
        if (settings.assets().isPresent()) {
            return settings.assets().get().stream().map(defaults::instrument).toList();
        }
        try (JsonService service = settings.service()) {
            JsonService.Answer answer = service.get(settings.instrumentsUri());
            JsonNode list = answer.body();
            if (!list.isArray()) {
                throw JsonService.failed(answer.call() + ": expected an array of instruments, got "
                        + list.getNodeType().name().toLowerCase(Locale.ROOT), null);
            }
            List<Instrument> instruments = new ArrayList<>();
            for (int index = 0; index < list.size(); index++) {
                instruments.add(instrument(list.get(index), defaults, answer.call() + ": instrument " + index));
            }
            return instruments;
        }
    }

    @Override
    public List<PriceBar> bars(BarRequest request) {
        HttpJsonSettings settings = HttpJsonSettings.from(request.parameters());
        List<String> known = settings.assets().orElse(request.assets());
        for (String asset : request.assets()) {
            if (!known.contains(asset)) {
                throw new IllegalArgumentException("asset " + asset + " is not one of the source's assets " + known);
            }
        }
        List<PriceBar> bars = new ArrayList<>();
        try (JsonService service = settings.service()) {
            for (String asset : request.assets()) {
                URI uri = settings.barsUri(asset, request.firstDay(), request.lastDay());
                for (PriceBar bar : settings.jsonBars().bars(service.get(uri), asset)) {
                    LocalDate day = LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
                    // a service may answer more days than asked for; only the request's days are the source's answer
                    if (!day.isBefore(request.firstDay()) && !day.isAfter(request.lastDay())) {
                        bars.add(bar);
                    }
                }
            }
        }
        return bars;
    }

    private static Instrument instrument(JsonNode item, InstrumentDefaults defaults, String where) {
        String id = item.isObject() ? item.path("id").asText("") : item.asText("");
        if (!(item.isTextual() || item.isObject()) || id.isBlank()) {
            throw JsonService.failed(where + ": expected an asset id or an object with a text id, got " + item, null);
        }
        try {
            return new Instrument(id, text(item, "name").orElse(id),
                    text(item, "assetClass").map(name -> AssetClass.valueOf(name.toUpperCase(Locale.ROOT))).orElse(defaults.assetClass()),
                    text(item, "sector").orElse(defaults.sector()), text(item, "currency").orElse(defaults.currency()));
        } catch (IllegalArgumentException e) {
            throw JsonService.failed(where + ": " + item + " is not an instrument: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
    }
}
