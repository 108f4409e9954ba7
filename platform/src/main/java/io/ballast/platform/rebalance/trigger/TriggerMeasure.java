package io.ballast.platform.rebalance.trigger;

import java.util.Objects;

/**
 * One number a trigger compared with its threshold.
 *
 * @param name      what was measured, e.g. {@code AAPL absolute drift}
 * @param value     the measured value
 * @param threshold the threshold it was compared with
 */
public record TriggerMeasure(String name, double value, double threshold) {

    public TriggerMeasure {
        Objects.requireNonNull(name, "name");
    }
}
