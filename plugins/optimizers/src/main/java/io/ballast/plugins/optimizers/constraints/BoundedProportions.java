package io.ballast.plugins.optimizers.constraints;

/**
 * Weights proportional to given scores, clipped to per-asset bounds, with what clipping takes off
 * or adds spread over the unclipped assets in proportion to their scores, so that the weights sum
 * to 1: {@code w_i = clip(s·score_i, lower_i, upper_i)} with the one scale {@code s} that makes
 * {@code Σw = 1}. Equal scores give the equal-weight portfolio nearest to the bounds; scores
 * {@code 1/σ_i} give inverse volatility.
 */
public final class BoundedProportions {

    /** Bisection halves the bracket this many times: far past double precision for any bracket. */
    private static final int BISECTIONS = 2_000;

    private BoundedProportions() {
    }

    /**
     * @param scores positive scores, one per asset
     * @param lower  lower bounds, summing to at most 1
     * @param upper  upper bounds, summing to at least 1, each at or above its lower bound
     * @return weights within the bounds summing to 1 (to round-off)
     */
    public static double[] of(double[] scores, double[] lower, double[] upper) {
        int n = scores.length;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!(scores[i] > 0) || !Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("score " + i + " must be a positive number: " + scores[i]);
            }
            lowest = Math.min(lowest, lower[i] / scores[i]);
            highest = Math.max(highest, upper[i] / scores[i]);
        }
        // Σ clip(s·score) rises with s from Σlower (at lowest) to Σupper (at highest); the sum is
        // piecewise linear, so after bisecting to the segment holding 1 the scale is solved exactly.
        double below = lowest;
        double above = highest;
        for (int step = 0; step < BISECTIONS && Math.nextUp(below) < above; step++) {
            double middle = below + (above - below) / 2;
            if (sum(middle, scores, lower, upper) < 1) {
                below = middle;
            } else {
                above = middle;
            }
        }
        double clippedSum = 0;
        double freeScore = 0;
        for (int i = 0; i < n; i++) {
            double scaled = above * scores[i];
            if (scaled <= lower[i]) {
                clippedSum += lower[i];
            } else if (scaled >= upper[i]) {
                clippedSum += upper[i];
            } else {
                freeScore += scores[i];
            }
        }
        double scale = freeScore > 0 ? (1 - clippedSum) / freeScore : above;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = Math.min(upper[i], Math.max(lower[i], scale * scores[i]));
        }
        return weights;
    }

    private static double sum(double scale, double[] scores, double[] lower, double[] upper) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            sum += Math.min(upper[i], Math.max(lower[i], scale * scores[i]));
        }
        return sum;
    }
}
