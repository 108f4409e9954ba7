package io.ballast.platform.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far the stored prices reach: the newest bar time and the number of bars. New bars move it
 * (a late bar for an older day changes the count, not the newest time).
 */
public record PriceWatermark(Optional<Instant> newestBarTime, long barCount) {

    public PriceWatermark {
        Objects.requireNonNull(newestBarTime, "newestBarTime");
    }
}
