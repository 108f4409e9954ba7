package io.ballast.api.marketdata;

import io.ballast.api.plugin.BallastExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where prices come from: a CSV folder, a synthetic generator, an HTTP service. Lists the
 * instruments it knows, fetches daily bars for a range of days and, if it can, streams new bars.
 * Implementations must be thread-safe; the platform may call one concurrently and times each call
 * out.
 */
public interface MarketDataSource extends BallastExtension {

    /**
     * The instruments this source has prices for.
     *
     * @param parameters the caller's source-specific parameters, validated against {@link #parameters()}
     * @throws IllegalArgumentException when the parameters do not work (no such folder); the message names the parameter
     */
    List<Instrument> instruments(Map<String, Object> parameters);

    /**
     * The daily bars of the request's assets within its days, ordered by asset then time. A day
     * without a bar (a holiday, before listing) is simply absent.
     *
     * @throws IllegalArgumentException when the request names an asset the source does not know,
     *                                  or its parameters do not work; the message names it
     */
    List<PriceBar> bars(BarRequest request);

    /**
     * Streams new bars of {@code assets} to {@code listener} until the subscription is closed.
     *
     * @return empty when this source cannot stream (the default); then callers poll {@link #bars}
     */
    default Optional<Subscription> subscribe(List<String> assets, Map<String, Object> parameters, PriceBarListener listener) {
        return Optional.empty();
    }
}
