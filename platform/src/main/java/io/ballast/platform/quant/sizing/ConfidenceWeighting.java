package io.ballast.platform.quant.sizing;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Confidence weighting: scale a signal's position by how sure the signal is,
 * {@code position * confidence}, with confidence in [0, 1] (0 = no position, 1 = the full size).
 */
public final class ConfidenceWeighting {

    private ConfidenceWeighting() {
    }

    public static double weighted(double positionFraction, double confidence) {
        if (!Double.isFinite(positionFraction)) {
            throw new InvalidInputException("positionFraction", "must be a finite number, got " + positionFraction);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new InvalidInputException("confidence", "must lie in [0, 1], got " + confidence);
        }
        return positionFraction * confidence;
    }
}
