package io.ballast.api.strategy;

import java.util.Objects;

/**
 * A nudge to one asset's target weight, applied after the optimizer.
 *
 * @param asset        the asset id, one of the context's universe
 * @param weightChange the fraction of portfolio value to add to (positive) or take from (negative)
 *                     the asset's target weight, in [-1, 1] (0.02 moves 2% of the portfolio into it)
 * @param confidence   how sure the strategy is, from 0 to 1; the platform may scale the tilt by it
 */
public record WeightTilt(String asset, double weightChange, double confidence) {

    public WeightTilt {
        Objects.requireNonNull(asset, "asset");
        if (!(weightChange >= -1 && weightChange <= 1)) {
            throw new IllegalArgumentException("weight tilt of " + asset + " must be in [-1, 1]: " + weightChange);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("tilt confidence of " + asset + " must be in [0, 1]: " + confidence);
        }
    }
}
