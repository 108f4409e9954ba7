package io.ballast.platform.plugins;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceBarListener;
import io.ballast.api.marketdata.Subscription;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's {@link MarketDataSource}, called through the guard. Bars it returns must be of the
 * assets and days asked for, or the call fails and counts against the plugin. A stream it opens is
 * held by its session (see {@link SessionSubscription}): closing it is a guarded call, and ending
 * the session closes it.
 */
final class GuardedMarketDataSource extends GuardedExtension implements MarketDataSource {

    private final MarketDataSource plugin;

    GuardedMarketDataSource(MarketDataSource plugin, ExtensionCalls calls) {
        super(calls);
        this.plugin = plugin;
    }

    @Override
    public List<Instrument> instruments(Map<String, Object> parameters) {
        return calls.call("instruments", () -> plugin.instruments(parameters), next -> ((MarketDataSource) next).instruments(parameters));
    }

    @Override
    public List<PriceBar> bars(BarRequest request) {
        return calls.call("bars", () -> asked(plugin.bars(request), request), next -> ((MarketDataSource) next).bars(request));
    }

    @Override
    public Optional<Subscription> subscribe(List<String> assets, Map<String, Object> parameters, PriceBarListener listener) {
        SessionSubscription held = new SessionSubscription(calls, new HashSet<>(assets), listener);
        return calls.call("subscribe", () -> {
            Optional<Subscription> opened = plugin.subscribe(assets, parameters, held.pluginSide());
            if (opened.isEmpty()) {
                return Optional.<Subscription>empty();
            }
            held.opened(opened.get());
            if (!calls.runtime().track(held)) {
                held.closeInPlugin(); // the session ended while it was opened
            }
            return Optional.<Subscription>of(held);
        }, next -> ((MarketDataSource) next).subscribe(assets, parameters, listener));
    }

    /** Not IllegalArgumentException: a plugin answering what was not asked is its failure, not the caller's. */
    private static List<PriceBar> asked(List<PriceBar> bars, BarRequest request) {
        if (bars == null) {
            return null;
        }
        for (PriceBar bar : bars) {
            if (bar == null) {
                throw new IllegalStateException("returned a null bar");
            }
            if (!request.assets().contains(bar.asset())) {
                throw new IllegalStateException("returned a bar of " + bar.asset() + ", not asked for (asked for " + request.assets() + ")");
            }
            LocalDate day = LocalDate.ofInstant(bar.time(), ZoneOffset.UTC);
            if (day.isBefore(request.firstDay()) || day.isAfter(request.lastDay())) {
                throw new IllegalStateException("returned a bar of " + bar.asset() + " on " + day + ", outside the days asked for ("
                        + request.firstDay() + " to " + request.lastDay() + ")");
            }
        }
        return bars;
    }
}
