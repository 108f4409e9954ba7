package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import java.util.Arrays;
import java.util.Optional;

/**
 * The portfolio that maximises {@code aᵀw / √(wᵀΣw)} within the constraints, by Cornuejols and
 * Tütüncü's change of variables as PyPortfolioOpt's {@code max_sharpe} makes it: with
 * {@code y = κw}, {@code κ > 0}, minimise {@code yᵀΣy} subject to {@code aᵀy = 1} and the
 * {@linkplain ConstraintSystem#homogenised() homogenised} constraints, then {@code w = y / Σy}.
 * {@code a = μ − rf} gives the maximum Sharpe ratio, {@code a = σ} the maximum diversification
 * ratio. With L2 regularisation the term {@code γ‖y‖²} is added in the scaled variables, exactly
 * as PyPortfolioOpt does; that maximises the ratio measured against {@code Σ + γI}.
 */
final class RatioMaximisation {

    /** The scale {@code Σy} below which the solution is a numerical failure, not a portfolio. */
    private static final double SMALLEST_SCALE = 1e-14;

    private RatioMaximisation() {
    }

    /**
     * @param numerator   {@code a}, one entry per asset, at least one positive
     * @param l2Gamma     the L2 regularisation strength, 0 for none
     * @param unreachable the message when portfolios meet the constraints but none has {@code aᵀw > 0}
     * @return the asset weights, summing to 1
     */
    static double[] weights(double[] numerator, CheckedEstimates estimates, ConstraintSystem constraints, double l2Gamma,
            String unreachable) {
        int n = estimates.assetCount();
        double[] normal = Arrays.copyOf(numerator, constraints.variableCount());
        ConstraintSystem scaled = constraints.homogenised().withEquality(new LinearConstraint("normalisation (aᵀy = 1)", normal, 1));
        QuadraticProgram program = MeanVarianceObjective.leastVariance(l2Gamma).over(estimates, scaled);
        Optional<double[]> start = constraints.spreadPoint().flatMap(point -> scaledToNormal(point, numerator));
        if (start.isPresent()) {
            program = program.startingFrom(start.get());
        }
        double[] y;
        try {
            y = QuadraticProgramSolver.minimise(program);
        } catch (InfeasibleProgramException infeasible) {
            // either the constraints alone admit no portfolio (LinearMaximum says so) or none has aᵀw > 0
            LinearMaximum.of(numerator, constraints);
            throw new InfeasibleProgramException(unreachable);
        }
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += y[i];
        }
        if (!(scale > SMALLEST_SCALE)) {
            throw new IllegalArgumentException("the ratio maximisation ended with a scale Σy of " + scale
                    + ", too small to recover weights: the estimates may be degenerate");
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = y[i] / scale;
        }
        return weights;
    }

    /** A feasible {@code w} scaled to {@code aᵀy = 1}, when {@code aᵀw > 0}. */
    private static Optional<double[]> scaledToNormal(double[] point, double[] numerator) {
        double value = 0;
        for (int i = 0; i < numerator.length; i++) {
            value += numerator[i] * point[i];
        }
        if (!(value > 0)) {
            return Optional.empty();
        }
        double[] scaled = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            scaled[i] = point[i] / value;
        }
        return Optional.of(scaled);
    }
}
