package io.ballast.plugins.strategies;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.plugin.ParameterValues;
import java.util.Optional;

/**
 * How old an asset's last close may be for a strategy to act on it: at most {@code maxStaleDays}
 * calendar days before the price history's last day. Missing closes are left out of a
 * {@link CloseSeries}, so without this check an asset delisted months ago would get a full-strength
 * signal from its old prices, and a ranking would compare different periods.
 *
 * @param maxStaleDays calendar days; the default 5 lets a long weekend or a holiday week pass
 */
record Freshness(int maxStaleDays) {

    static final ParameterSpec MAX_STALE_DAYS = ParameterSpecs.integerSpec("maxStaleDays",
            "Calendar days an asset's last close may lie before the price history's last day; an asset with an older"
                    + " close gets no signal (strength 0, the reason in its rationale)", 5, 0, 366);

    static Freshness read(ParameterValues parameters) {
        return new Freshness((int) parameters.integer(MAX_STALE_DAYS.name()));
    }

    /** Why {@code closes} is too old to act on; empty when it is recent enough. */
    Optional<String> staleness(CloseSeries closes) {
        return closes.staleness(maxStaleDays);
    }
}
