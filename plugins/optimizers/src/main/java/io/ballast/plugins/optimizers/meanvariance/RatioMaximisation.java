package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import io.ballast.plugins.optimizers.constraints.LowerBoundShift;
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
 * as PyPortfolioOpt does; that maximises the ratio measured against {@code Σ + γI}. When some
 * asset has a positive lower bound (and none a negative one), the problem is solved in variables
 * shifted so that the lower bounds are at 0 ({@link LowerBoundShift}), which lets the solver
 * screen out the assets at their bound.
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
        Optional<LowerBoundShift> shift = constraints.lowerBoundShift();
        if (shift.isPresent()) {
            return weightsAboveLowerBounds(numerator, estimates, constraints, shift.get(), l2Gamma, unreachable);
        }
        return weightsOfWholeProgram(numerator, estimates, constraints, l2Gamma, unreachable);
    }

    /**
     * In the variables {@code z = y − lκ} ({@link LowerBoundShift}) for lower bounds {@code l}:
     * the same optimum, but assets at their bound are at {@code z = 0}, which the solver's
     * screening leaves out of its working set (for 500 assets with a floor of 0.001, about 0.1 s
     * instead of 15 s, measured).
     */
    private static double[] weightsAboveLowerBounds(double[] numerator, CheckedEstimates estimates, ConstraintSystem constraints,
            LowerBoundShift shift, double l2Gamma, String unreachable) {
        LinearConstraint normalisation = new LinearConstraint("normalisation (aᵀy = 1)", shift.row(numerator), 1);
        ConstraintSystem shifted = constraints.homogenised(shift).withEquality(normalisation);
        double[][] quadratic = shift.quadratic(MeanVarianceObjective.leastVariance(l2Gamma).quadratic(estimates));
        QuadraticProgram program = QuadraticProgram.overAssets(quadratic, new double[estimates.assetCount()], shifted);
        Optional<double[]> start = constraints.spreadPoint().flatMap(point -> scaledToNormal(point, numerator)).map(shift::fromScaled);
        double[] z = minimise(start.isPresent() ? program.startingFrom(start.get()) : program, numerator, constraints, unreachable);
        return shift.weights(z, requireScale(z, estimates.assetCount()));
    }

    /**
     * In {@code y} directly, with the constraints as {@link ConstraintSystem#homogenised()} writes
     * them: for turnover limits and bounds the shift does not cover. Package-private so that tests
     * can compare the two ways on the cases both cover.
     */
    static double[] weightsOfWholeProgram(double[] numerator, CheckedEstimates estimates, ConstraintSystem constraints, double l2Gamma,
            String unreachable) {
        int n = estimates.assetCount();
        double[] normal = Arrays.copyOf(numerator, constraints.variableCount());
        ConstraintSystem scaled = constraints.homogenised().withEquality(new LinearConstraint("normalisation (aᵀy = 1)", normal, 1));
        QuadraticProgram program = MeanVarianceObjective.leastVariance(l2Gamma).over(estimates, scaled);
        Optional<double[]> start = constraints.spreadPoint().flatMap(point -> scaledToNormal(point, numerator));
        double[] y = minimise(start.isPresent() ? program.startingFrom(start.get()) : program, numerator, constraints, unreachable);
        double scale = requireScale(y, n);
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = y[i] / scale;
        }
        return weights;
    }

    private static double[] minimise(QuadraticProgram program, double[] numerator, ConstraintSystem constraints, String unreachable) {
        try {
            return QuadraticProgramSolver.minimise(program);
        } catch (InfeasibleProgramException infeasible) {
            // either the constraints alone admit no portfolio (LinearMaximum says so) or none has aᵀw > 0
            LinearMaximum.of(numerator, constraints);
            throw new InfeasibleProgramException(unreachable);
        }
    }

    /** The sum of the first {@code n} variables, {@code Σy} (or {@code Σz}), checked to be a usable scale. */
    private static double requireScale(double[] solution, int n) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += solution[i];
        }
        if (!(scale > SMALLEST_SCALE)) {
            throw new IllegalArgumentException("the ratio maximisation ended with a scale Σy of " + scale
                    + ", too small to recover weights: the estimates may be degenerate");
        }
        return scale;
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
