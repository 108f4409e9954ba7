package io.ballast.plugins.marketdata.synthetic;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceBarListener;
import io.ballast.api.marketdata.Subscription;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A path played out as a stream: every tick its next trading day's bars go to the listener, one
 * per asset, on the stream's own daemon thread, the first at once. The bars are those
 * {@link SyntheticSource#bars} gives for the same days. A listener that throws ends the stream,
 * and hears why through {@link PriceBarListener#onFailure}.
 */
final class SyntheticStream implements Subscription {

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final ScheduledExecutorService ticks;

    private SyntheticStream(ScheduledExecutorService ticks) {
        this.ticks = ticks;
    }

    static SyntheticStream start(SyntheticPath path, long tickIntervalMillis, PriceBarListener listener) {
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "synthetic-market-data-stream");
            thread.setDaemon(true);
            return thread;
        });
        ticks.scheduleAtFixedRate(() -> {
            try {
                for (PriceBar bar : path.next()) {
                    listener.onBar(bar);
                }
            } catch (RuntimeException e) {
                ticks.shutdown();
                listener.onFailure(e);
            }
        }, 0, tickIntervalMillis, TimeUnit.MILLISECONDS);
        return new SyntheticStream(ticks);
    }

    /** Stops the ticks and waits (a few seconds at most) for a delivery under way to end: after it no bar arrives. */
    @Override
    public void close() {
        ticks.shutdownNow();
        try {
            ticks.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
