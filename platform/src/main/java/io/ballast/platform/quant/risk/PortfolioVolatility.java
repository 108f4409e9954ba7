package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A portfolio's volatility from a covariance matrix, {@code sigma_p = sqrt(w' Sigma w)}, in the
 * units of the matrix (periodic covariance gives periodic volatility, annual gives annual).
 */
public final class PortfolioVolatility {

    private PortfolioVolatility() {
    }

    public static double of(RealMatrix covariance, double[] weights) {
        check(covariance, weights);
        double variance = dot(weights, covariance.operate(weights));
        // rounding can leave a tiny negative variance for a riskless combination
        return Math.sqrt(Math.max(variance, 0));
    }

    /** Rejects a matrix that is not square, not of the weights' size, or not finite. */
    static void check(RealMatrix covariance, double[] weights) {
        if (weights == null || weights.length == 0) {
            throw new InvalidInputException("weights", "must hold at least one weight");
        }
        if (covariance == null || !covariance.isSquare() || covariance.getRowDimension() != weights.length) {
            throw new InvalidInputException("covariance", "must be a square matrix with one row per weight (" + weights.length + ")");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new InvalidInputException("weights", "weight " + i + " is not a finite number");
            }
            for (int j = 0; j < weights.length; j++) {
                if (!Double.isFinite(covariance.getEntry(i, j))) {
                    throw new InvalidInputException("covariance", "entry (" + i + ", " + j + ") is not a finite number");
                }
            }
        }
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
