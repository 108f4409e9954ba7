package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import io.ballast.plugins.optimizers.request.NumberParameter;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.pf4j.Extension;

/**
 * Efficient risk: the highest expected return {@code μᵀw} (less {@code γ‖w‖²} with L2
 * regularisation) among fully invested portfolios within the weight constraints whose annual
 * volatility is at most {@code targetVolatility}, PyPortfolioOpt's {@code efficient_risk}.
 * <p>
 * ojAlgo's convex solver takes no quadratic constraint, so the problem is solved through its
 * Lagrangian: {@code w(t) = argmin wᵀΣw + t(γ‖w‖² − μᵀw)} over the constraints traces the
 * efficient frontier from the minimum-variance portfolio ({@code t = 0}) towards the highest
 * return as {@code t} grows, with volatility rising along it, and Brent's method (Commons Math)
 * finds the {@code t} whose volatility is the target, to {@value #VOLATILITY_TOLERANCE}. A target
 * below the minimum volatility is refused, naming it; a target above the volatility of the
 * highest-return end gives that end, whose volatility is then below the target.
 */
@Extension
public class EfficientRiskOptimizer extends ConstrainedOptimizer {

    static final NumberParameter TARGET_VOLATILITY = new NumberParameter("targetVolatility",
            "the highest annual volatility the portfolio may have, a fraction (0.2 is 20% a year)",
            OptionalDouble.empty(), OptionalDouble.of(0), OptionalDouble.empty());
    /** How close to the target the portfolio's volatility must come. */
    static final double VOLATILITY_TOLERANCE = 1e-8;
    /** Each step of the search for an upper end of the bracket multiplies t by this. */
    private static final double GROWTH = 8;
    /** Steps of that search before the frontier's end counts as reached. */
    private static final int MOST_GROWTH_STEPS = 40;
    private static final int MOST_EVALUATIONS = 200;

    public EfficientRiskOptimizer() {
        super("efficient-risk", "Efficient risk: the highest-return fully invested portfolio whose volatility is at most"
                + " targetVolatility, within the weight constraints.", true, List.of(TARGET_VOLATILITY.spec()));
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        double target = TARGET_VOLATILITY.valueIn(request, id());
        Frontier frontier = new Frontier(estimates, constraints, request.constraints().l2Gamma());
        double[] leastRisky = frontier.weightsAt(0);
        double lowestVolatility = Math.sqrt(estimates.annualVariance(leastRisky));
        if (target < lowestVolatility - VOLATILITY_TOLERANCE) {
            throw new IllegalArgumentException("parameters.targetVolatility is " + target + ", below " + lowestVolatility
                    + ", the lowest volatility of any portfolio within the constraints");
        }
        double[] weights = target <= lowestVolatility ? leastRisky : frontier.weightsWithVolatility(target, lowestVolatility);
        double volatility = Math.sqrt(estimates.annualVariance(weights));
        if (volatility > target + VOLATILITY_TOLERANCE) {
            throw new IllegalArgumentException(id() + ": the solver's portfolio has a volatility of " + volatility
                    + ", above parameters.targetVolatility " + target + "; refusing it");
        }
        return weights;
    }

    /** The frontier {@code w(t)} and the search along it. */
    private record Frontier(CheckedEstimates estimates, ConstraintSystem constraints, double l2Gamma) {

        /** {@code w(t)}; the objective is divided by {@code 1 + t} so that its terms stay of order one for any t. */
        double[] weightsAt(double t) {
            return new MeanVarianceObjective(1 / (1 + t), t / (1 + t) * l2Gamma, t / (1 + t)).minimiseOver(estimates, constraints);
        }

        double volatilityAt(double t) {
            return Math.sqrt(estimates.annualVariance(weightsAt(t)));
        }

        double[] weightsWithVolatility(double target, double lowestVolatility) {
            double highestReturn = 0;
            for (double expected : estimates.expectedAnnualReturns()) {
                highestReturn = Math.max(highestReturn, Math.abs(expected));
            }
            // t at which the return term is as large as the variance: the frontier bends around there
            double below = 0;
            double above = lowestVolatility * lowestVolatility / Math.max(highestReturn, Double.MIN_NORMAL);
            double[] previous = weightsAt(0);
            for (int step = 0; ; step++) {
                double[] current = weightsAt(above);
                if (Math.sqrt(estimates.annualVariance(current)) >= target) {
                    break;
                }
                if (step == MOST_GROWTH_STEPS || sameWeights(previous, current)) {
                    // the frontier ends (highest return reached) below the target volatility
                    return current;
                }
                previous = current;
                below = above;
                above *= GROWTH;
            }
            BrentSolver brent = new BrentSolver(1e-15, 1e-15 * above, VOLATILITY_TOLERANCE / 100);
            double t = brent.solve(MOST_EVALUATIONS, candidate -> volatilityAt(candidate) - target, below, above);
            return weightsAt(t);
        }

        private static boolean sameWeights(double[] a, double[] b) {
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > 1e-13) {
                    return false;
                }
            }
            return true;
        }
    }
}
