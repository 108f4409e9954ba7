package io.ballast.api.marketdata;

/**
 * Receives the bars of a {@link MarketDataSource#subscribe subscription}, on the source's own
 * thread. It must return quickly; it must not throw.
 */
public interface PriceBarListener {

    /** A new bar, or a newer version of the current (not yet closed) bar of its period. */
    void onBar(PriceBar bar);

    /** The stream broke and delivers no more bars; {@code cause} says why. The default ignores it. */
    default void onFailure(Exception cause) {
    }
}
