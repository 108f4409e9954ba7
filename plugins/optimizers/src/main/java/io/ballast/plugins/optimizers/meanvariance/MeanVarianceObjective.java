package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import java.util.Arrays;

/**
 * The mean-variance family of objectives: minimise
 * {@code varianceWeight·wᵀΣw + l2Gamma·‖w‖² − returnWeight·μᵀw} over a {@link ConstraintSystem}.
 * {@code l2Gamma·‖w‖²} is PyPortfolioOpt's {@code L2_reg} ({@code gamma * sum_squares(w)}), which
 * pulls weights toward equal.
 *
 * @param varianceWeight weight of the portfolio variance, positive
 * @param l2Gamma        weight of the L2 term, 0 for none
 * @param returnWeight   weight of the expected return, 0 to ignore returns
 */
record MeanVarianceObjective(double varianceWeight, double l2Gamma, double returnWeight) {

    MeanVarianceObjective {
        if (!(varianceWeight > 0) || !Double.isFinite(varianceWeight)) {
            throw new IllegalArgumentException("varianceWeight must be a positive number: " + varianceWeight);
        }
        if (!(l2Gamma >= 0) || !Double.isFinite(l2Gamma)) {
            throw new IllegalArgumentException("l2Gamma must be a non-negative number: " + l2Gamma);
        }
        if (!Double.isFinite(returnWeight)) {
            throw new IllegalArgumentException("returnWeight must be a finite number: " + returnWeight);
        }
    }

    /** Least variance, plus the L2 term. */
    static MeanVarianceObjective leastVariance(double l2Gamma) {
        return new MeanVarianceObjective(1, l2Gamma, 0);
    }

    /** As a program in ojAlgo's form {@code ½ xᵀQx − cᵀx}: {@code Q = 2(varianceWeight·Σ + l2Gamma·I)}, {@code c = returnWeight·μ}. */
    QuadraticProgram over(CheckedEstimates estimates, ConstraintSystem constraints) {
        int n = estimates.assetCount();
        double[] linear = estimates.expectedAnnualReturns();
        if (returnWeight == 0) {
            Arrays.fill(linear, 0);
        } else {
            for (int i = 0; i < n; i++) {
                linear[i] *= returnWeight;
            }
        }
        return QuadraticProgram.overAssets(quadratic(estimates), linear, constraints);
    }

    /** {@code Q = 2(varianceWeight·Σ + l2Gamma·I)}, over the assets. */
    double[][] quadratic(CheckedEstimates estimates) {
        int n = estimates.assetCount();
        double[][] covariance = estimates.annualCovariance();
        double[][] quadratic = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                quadratic[i][j] = 2 * varianceWeight * covariance[i][j];
            }
            quadratic[i][i] += 2 * l2Gamma;
        }
        return quadratic;
    }

    /** The asset weights (the first n variables) of the program's minimiser. */
    double[] minimiseOver(CheckedEstimates estimates, ConstraintSystem constraints) {
        return Arrays.copyOf(QuadraticProgramSolver.minimise(over(estimates, constraints)), estimates.assetCount());
    }
}
