package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Exponential weighting of the past: a period k periods before the latest weighs
 * {@code (1 - alpha)^k} relative to it. Given as pandas' {@code ewm} parameters: a span s gives
 * {@code alpha = 2 / (s + 1)}, a half-life h (in periods) gives {@code alpha = 1 - 2^(-1/h)}, the
 * weight halving every h periods. So a span of 180 is a half-life of about 62.4 periods.
 *
 * @param alpha the smoothing factor, in (0, 1]
 */
public record ExponentialDecay(double alpha) {

    public ExponentialDecay {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new InvalidInputException("alpha", "must be in (0, 1], was " + alpha);
        }
    }

    /** From a span in periods, at least 1 (pandas requires {@code span >= 1}). */
    public static ExponentialDecay ofSpan(double span) {
        if (!(span >= 1) || Double.isInfinite(span)) {
            throw new InvalidInputException("span", "must be a finite number of periods of at least 1, was " + span);
        }
        return new ExponentialDecay(2.0 / (span + 1.0));
    }

    /** From a half-life in periods, above 0. */
    public static ExponentialDecay ofHalfLife(double halfLife) {
        if (!(halfLife > 0) || Double.isInfinite(halfLife)) {
            throw new InvalidInputException("halfLife", "must be a finite number of periods above 0, was " + halfLife);
        }
        return new ExponentialDecay(-Math.expm1(-Math.log(2.0) / halfLife));
    }

    /** The weight one period further back keeps: {@code 1 - alpha}. */
    public double retention() {
        return 1.0 - alpha;
    }

    /** The span in periods: {@code 2 / alpha - 1}. */
    public double span() {
        return 2.0 / alpha - 1.0;
    }

    /** The half-life in periods: {@code ln 2 / -ln(1 - alpha)}; 0 when only the latest period counts. */
    public double halfLife() {
        return alpha == 1.0 ? 0.0 : Math.log(2.0) / -Math.log1p(-alpha);
    }
}
