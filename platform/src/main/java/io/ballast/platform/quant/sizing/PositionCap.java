package io.ballast.platform.quant.sizing;

import io.ballast.platform.problem.InvalidInputException;

/**
 * A cap on the size of one position: a long above {@code maximumPositionFraction} is cut to it, a
 * short below {@code -maximumPositionFraction} is cut to that; positions within stay as they are.
 *
 * @param maximumPositionFraction the largest position, a fraction of capital above 0 (0.2 = 20%)
 */
public record PositionCap(double maximumPositionFraction) {

    public PositionCap {
        if (!(maximumPositionFraction > 0) || Double.isInfinite(maximumPositionFraction)) {
            throw new InvalidInputException("maximumPositionFraction", "must be a finite fraction above 0, got " + maximumPositionFraction);
        }
    }

    public double apply(double positionFraction) {
        if (!Double.isFinite(positionFraction)) {
            throw new InvalidInputException("positionFraction", "must be a finite number, got " + positionFraction);
        }
        return Math.max(-maximumPositionFraction, Math.min(maximumPositionFraction, positionFraction));
    }
}
