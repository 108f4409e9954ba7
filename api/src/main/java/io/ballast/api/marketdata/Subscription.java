package io.ballast.api.marketdata;

/** A running stream of bars; closing it stops the deliveries. Closing twice does nothing. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
