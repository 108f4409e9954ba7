package io.ballast.platform.bench;

import java.util.Locale;

/**
 * One benchmark figure, printed as {@code name: value unit}.
 *
 * @param name  the operation and its size, e.g. {@code min-volatility n=500}
 * @param value the figure
 * @param unit  its unit, e.g. {@code ms}
 */
public record Measurement(String name, double value, String unit) {

    private static final String FAILED = "failed";

    /** A case that could not be measured: printed as {@code name: failed (reason)}. */
    static Measurement failed(String name, String reason) {
        return new Measurement(name, Double.NaN, FAILED + " (" + reason + ")");
    }

    public String line() {
        return Double.isNaN(value) ? name + ": " + unit : String.format(Locale.ROOT, "%s: %.3f %s", name, value, unit);
    }
}
