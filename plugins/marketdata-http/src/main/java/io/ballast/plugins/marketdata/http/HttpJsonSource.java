package io.ballast.plugins.marketdata.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.marketdata.common.InstrumentDefaults;
import java.io.InterruptedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pf4j.Extension;

/**
 * Daily bars from an HTTP service that answers JSON: one GET per asset to {@code baseUrl + barsPath},
 * the bars read with the configured field names ({@link JsonBars}), those within the requested
 * days kept. Instruments come from the {@code assets} parameter or a GET of {@code instrumentsPath}.
 * A bearer token, when the service needs one, is read from the environment variable that
 * {@code tokenEnvironmentVariable} names. An asset's request runs on its own (virtual) thread, all
 * at once, each within {@code timeoutMillis} (at most 8 s): a call takes about as long as its
 * slowest request, below the platform's plugin call timeout, however many assets it asks for; a
 * call asks for at most {@value #MAX_ASSETS_PER_CALL} assets, so as not to flood the service.
 * Failures name the URL and the HTTP status ({@link JsonService}). An answer is read whole into
 * memory: {@code baseUrl} is an operator-trusted setting (the service is trusted to send a
 * sensible amount, and a failure's message quotes the start of its answer).
 */
@Extension
public class HttpJsonSource implements MarketDataSource {

    /** The most assets one call fetches: one request each, all at once. */
    static final int MAX_ASSETS_PER_CALL = 50;

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
        if (request.assets().size() > MAX_ASSETS_PER_CALL) {
            throw new IllegalArgumentException("assets: " + request.assets().size() + " asked for; " + id() + " fetches at most "
                    + MAX_ASSETS_PER_CALL + " in one call (one request each, all at once), ask in several calls");
        }
        List<PriceBar> bars = new ArrayList<>();
        // every request at once: the call lasts about one timeoutMillis at worst, not one per asset
        try (JsonService service = settings.service(); ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<JsonService.Answer>> answers = request.assets().stream()
                    .map(asset -> settings.barsUri(asset, request.firstDay(), request.lastDay()))
                    .map(uri -> requests.submit(() -> service.get(uri)))
                    .toList();
            for (int i = 0; i < answers.size(); i++) {
                for (PriceBar bar : settings.jsonBars().bars(answer(answers.get(i)), request.assets().get(i))) {
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

    /** One request's answer, or its own failure as {@link JsonService#get} threw it. */
    private static JsonService.Answer answer(Future<JsonService.Answer> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JsonService.failed("interrupted while waiting for the service's answers", new InterruptedIOException());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw JsonService.failed(String.valueOf(e.getCause()), e.getCause());
        }
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
