package io.ballast.api.strategy;

import java.util.Objects;

/**
 * What a strategy thinks of one asset now.
 *
 * @param asset      the asset id, one of the context's universe
 * @param strength   from -1 (strongest sell, or short) through 0 (no opinion) to +1 (strongest buy)
 * @param confidence how sure the strategy is, from 0 (a guess) to 1 (certain)
 * @param rationale  the reason with its numbers, for a person (e.g. {@code 12-1 month return +18.2%}); may be empty
 */
public record Signal(String asset, double strength, double confidence, String rationale) {

    public Signal {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(rationale, "rationale");
        if (!(strength >= -1 && strength <= 1)) {
            throw new IllegalArgumentException("signal strength of " + asset + " must be in [-1, 1]: " + strength);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("signal confidence of " + asset + " must be in [0, 1]: " + confidence);
        }
    }
}
