package io.ballast.api.marketdata;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One period's prices of one asset, in its price currency per unit; {@code time} is the start
 * of the period (for daily bars, midnight UTC of the trading day). Volume is in units traded.
 */
public record PriceBar(
        String asset,
        Instant time,
        BigDecimal open,
        BigDecimal high,
        BigDecimal low,
        BigDecimal close,
        BigDecimal volume) {

    public PriceBar {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(time, "time");
        requirePositive(open, "open", asset, time);
        requirePositive(high, "high", asset, time);
        requirePositive(low, "low", asset, time);
        requirePositive(close, "close", asset, time);
        Objects.requireNonNull(volume, "volume");
        if (volume.signum() < 0) {
            throw new IllegalArgumentException("bar " + asset + " " + time + ": volume is negative: " + volume);
        }
        if (high.compareTo(low) < 0 || high.compareTo(open) < 0 || high.compareTo(close) < 0
                || low.compareTo(open) > 0 || low.compareTo(close) > 0) {
            throw new IllegalArgumentException("bar " + asset + " " + time + ": high " + high + " and low " + low
                    + " must bracket open " + open + " and close " + close);
        }
    }

    private static void requirePositive(BigDecimal price, String field, String asset, Instant time) {
        Objects.requireNonNull(price, field);
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("bar " + asset + " " + time + ": " + field + " must be positive: " + price);
        }
    }
}
