package io.ballast.platform.plugins;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.MarketDataSource;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceBarListener;
import io.ballast.api.marketdata.Subscription;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's {@link MarketDataSource}, called through the guard; closing a subscription is a
 * guarded call too. Bars reach the listener on the plugin's own thread, unguarded: the listener is
 * the platform's.
 */
final class GuardedMarketDataSource extends GuardedExtension implements MarketDataSource {

    private final MarketDataSource plugin;

    GuardedMarketDataSource(MarketDataSource plugin, ExtensionCalls calls) {
        super(calls);
        this.plugin = plugin;
    }

    @Override
    public List<Instrument> instruments(Map<String, Object> parameters) {
        return calls.call("instruments", () -> plugin.instruments(parameters));
    }

    @Override
    public List<PriceBar> bars(BarRequest request) {
        return calls.call("bars", () -> plugin.bars(request));
    }

    @Override
    public Optional<Subscription> subscribe(List<String> assets, Map<String, Object> parameters, PriceBarListener listener) {
        Optional<Subscription> subscription = calls.call("subscribe", () -> plugin.subscribe(assets, parameters, listener));
        return subscription.map(running -> () -> calls.run("close subscription", running::close));
    }
}
