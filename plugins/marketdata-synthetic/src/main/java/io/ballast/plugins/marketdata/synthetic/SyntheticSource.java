package io.ballast.plugins.marketdata.synthetic;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceBarListener;
import io.ballast.api.marketdata.Subscription;
import io.ballast.api.plugin.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Seeded synthetic daily bars: geometric Brownian motion ({@link GeometricBrownianMotion}) or a
 * bootstrap of historical returns ({@link HistoricalBootstrap}) from a start price on a start day,
 * on a weekday (equity) or every-day (crypto) calendar. A bar is a pure function of the
 * parameters and its day: the same seed gives the same bars, whatever range or other assets are
 * asked for. Instruments are in sector {@code Synthetic}, priced in USD. It can stream: each tick
 * plays the next trading day from the start day on.
 */
@Extension
public class SyntheticSource implements MarketDataSource {

    private static final String SECTOR = "Synthetic";
    private static final String CURRENCY = "USD";

    @Override
    public String id() {
        return "synthetic";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Seeded synthetic daily bars: geometric Brownian motion of given annual drift and volatility, "
                + "or a (block) bootstrap of the daily returns of a historical price file.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return SyntheticSettings.SPECS;
    }

    @Override
    public List<Instrument> instruments(Map<String, Object> parameters) {
        SyntheticSettings settings = SyntheticSettings.from(parameters);
        return settings.priceModel().assets().stream()
                .map(asset -> new Instrument(asset, asset, settings.assetClass(), SECTOR, CURRENCY))
                .toList();
    }

    @Override
    public List<PriceBar> bars(BarRequest request) {
        SyntheticSettings settings = SyntheticSettings.from(request.parameters());
        SyntheticPath path = settings.path(settings.priceModel(), request.assets());
        Map<String, List<PriceBar>> barsByAsset = new LinkedHashMap<>();
        request.assets().forEach(asset -> barsByAsset.put(asset, new ArrayList<>()));
        // a path is walked from its start: a day's bar depends on every draw before it
        for (List<PriceBar> day = path.next(); !path.day().isAfter(request.lastDay()); day = path.next()) {
            if (!path.day().isBefore(request.firstDay())) {
                day.forEach(bar -> barsByAsset.get(bar.asset()).add(bar));
            }
        }
        return barsByAsset.values().stream().flatMap(List::stream).toList();
    }

    @Override
    public Optional<Subscription> subscribe(List<String> assets, Map<String, Object> parameters, PriceBarListener listener) {
        if (assets.isEmpty() || Set.copyOf(assets).size() != assets.size()) {
            throw new IllegalArgumentException("assets must be one or more, each once, got " + assets);
        }
        SyntheticSettings settings = SyntheticSettings.from(parameters);
        SyntheticPath path = settings.path(settings.priceModel(), List.copyOf(assets));
        return Optional.of(SyntheticStream.start(path, settings.tickIntervalMillis(), listener));
    }
}
