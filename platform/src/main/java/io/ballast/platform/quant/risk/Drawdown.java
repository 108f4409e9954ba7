package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Drawdowns of a periodic return series, as non-positive fractions of the running peak of wealth:
 * wealth starts at {@code W_0 = 1} and compounds, {@code W_t = W_(t-1) (1 + r_t)}; the drawdown
 * after period {@code t} is {@code W_t / max(W_0, ..., W_t) - 1}, so -0.25 means 25% below the
 * peak. The starting wealth counts as a peak, so a loss in the first period is a drawdown, as in
 * empyrical's {@code max_drawdown}, which starts its cumulative wealth from a base before the first
 * return. A missing
 * ({@code NaN}) period leaves wealth unchanged.
 */
public final class Drawdown {

    private Drawdown() {
    }

    /** The drawdown after each period, same length as {@code returns}; each value in [-1, 0] for returns >= -1. */
    public static double[] series(double[] returns) {
        check(returns);
        double[] drawdowns = new double[returns.length];
        double wealth = 1;
        double peak = 1;
        for (int t = 0; t < returns.length; t++) {
            if (!Double.isNaN(returns[t])) {
                wealth *= 1 + returns[t];
                peak = Math.max(peak, wealth);
            }
            drawdowns[t] = wealth / peak - 1;
        }
        return drawdowns;
    }

    /** The deepest drawdown, a non-positive fraction; 0 when wealth never fell below a peak. */
    public static double maximum(double[] returns) {
        double deepest = 0;
        for (double drawdown : series(returns)) {
            deepest = Math.min(deepest, drawdown);
        }
        return deepest;
    }

    private static void check(double[] returns) {
        if (returns == null || returns.length == 0) {
            throw new InvalidInputException("returns", "must hold at least one period");
        }
        for (double r : returns) {
            if (Double.isInfinite(r)) {
                throw new InvalidInputException("returns", "holds an infinite return");
            }
        }
    }
}
