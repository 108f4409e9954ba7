package io.ballast.plugins.marketdata.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.marketdata.BarRequest;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.marketdata.PriceBarListener;
import io.ballast.api.marketdata.Subscription;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SyntheticStreamTest {

    private static final long WAIT_SECONDS = 10;

    private final SyntheticSource source = new SyntheticSource();

    @Test
    void aStreamPlaysTheSameBarsAsAFetchOneTradingDayPerTickAndStopsWhenClosed() throws InterruptedException {
        Map<String, Object> parameters = Map.of("assets", "AAA,BBB", "seed", 12L, "tickIntervalMillis", 5L,
                "startDay", "2024-01-05");
        BlockingQueue<PriceBar> received = new LinkedBlockingQueue<>();
        AtomicReference<Thread> streamThread = new AtomicReference<>();

        Subscription subscription = source.subscribe(List.of("AAA", "BBB"), parameters, bar -> {
            streamThread.set(Thread.currentThread());
            received.add(bar);
        }).orElseThrow();
        List<PriceBar> firstThreeDays = new ArrayList<>();
        try {
            while (firstThreeDays.size() < 6) {
                PriceBar bar = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(bar).as("a bar within %d s", WAIT_SECONDS).isNotNull();
                firstThreeDays.add(bar);
            }
        } finally {
            subscription.close();
        }

        // Friday 5, Monday 8 and Tuesday 9 January 2024; a day's bars in the order of the assets
        List<PriceBar> fetched = source.bars(new BarRequest(List.of("AAA", "BBB"), LocalDate.of(2024, 1, 5),
                LocalDate.of(2024, 1, 9), parameters));
        assertThat(firstThreeDays).containsExactly(fetched.get(0), fetched.get(3), fetched.get(1), fetched.get(4),
                fetched.get(2), fetched.get(5));
        // the only thread that delivers has ended: no bar can come after close, whatever the machine's speed
        streamThread.get().join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(streamThread.get().isAlive()).as("the stream's thread after close").isFalse();
        int afterClose = received.size();
        subscription.close();
        assertThat(received).hasSize(afterClose);
    }

    @Test
    void aListenerThatThrowsEndsItsStreamAndHearsWhy() throws Exception {
        CompletableFuture<Exception> failure = new CompletableFuture<>();
        List<PriceBar> delivered = new ArrayList<>();
        PriceBarListener listener = new PriceBarListener() {
            @Override
            public void onBar(PriceBar bar) {
                delivered.add(bar);
                throw new IllegalStateException("listener broke");
            }

            @Override
            public void onFailure(Exception cause) {
                failure.complete(cause);
            }
        };

        Subscription subscription = source.subscribe(List.of("SYN"), Map.of("tickIntervalMillis", 1L), listener).orElseThrow();
        try {
            assertThat(failure.get(WAIT_SECONDS, TimeUnit.SECONDS)).hasMessage("listener broke");
        } finally {
            subscription.close();
        }
        assertThat(delivered).hasSize(1);
    }
}
