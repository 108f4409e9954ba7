package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.CompliantWeights;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import io.ballast.plugins.optimizers.request.NumberParameter;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.pf4j.Extension;

/**
 * Efficient return (the Markowitz portfolio): the least variance {@code wᵀΣw} (plus {@code γ‖w‖²}
 * with L2 regularisation) among fully invested portfolios within the weight constraints whose
 * expected return is at least {@code targetReturn}, PyPortfolioOpt's {@code efficient_return}
 * convention ({@code μᵀw ≥ target}). A target below the minimum-volatility portfolio's return
 * therefore gives that portfolio. A target above the highest return the constraints allow is
 * refused, naming that highest return.
 */
@Extension
public class EfficientReturnOptimizer extends ConstrainedOptimizer {

    static final NumberParameter TARGET_RETURN = new NumberParameter("targetReturn",
            "the least expected annual return the portfolio must have, a fraction (0.2 is 20% a year)",
            OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    /** A target this close above the highest achievable return is that return, reached to round-off. */
    private static final double TARGET_TOLERANCE = 1e-12;

    public EfficientReturnOptimizer() {
        super("efficient-return", "Efficient return: the least-volatility fully invested portfolio whose expected return is at least"
                + " targetReturn, within the weight constraints.", true, List.of(TARGET_RETURN.spec()));
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        double target = TARGET_RETURN.valueIn(request, id());
        LinearMaximum highest = LinearMaximum.of(estimates.expectedAnnualReturns(), constraints);
        if (target > highest.value() + TARGET_TOLERANCE * Math.max(1, Math.abs(target))) {
            throw new IllegalArgumentException("parameters.targetReturn is " + target + ", above " + highest.value()
                    + ", the highest expected return of any portfolio within the constraints");
        }
        double[] negativeReturns = Arrays.copyOf(estimates.expectedAnnualReturns(), constraints.variableCount());
        for (int i = 0; i < negativeReturns.length; i++) {
            negativeReturns[i] = -negativeReturns[i];
        }
        // μᵀw ≥ target as −μᵀw ≤ −target; a target a hair above the highest return is clamped to it
        double reachable = Math.min(target, highest.value());
        ConstraintSystem targeted = constraints.withInequality(new LinearConstraint("parameters.targetReturn", negativeReturns, -reachable));
        QuadraticProgram program = MeanVarianceObjective.leastVariance(request.constraints().l2Gamma()).over(estimates, targeted)
                .startingFrom(highest.point());
        double[] weights = Arrays.copyOf(QuadraticProgramSolver.minimise(program), estimates.assetCount());
        double reached = estimates.expectedAnnualReturn(weights);
        if (reached < reachable - CompliantWeights.CHECK_TOLERANCE) {
            throw new IllegalArgumentException(id() + ": the solver's portfolio is expected to return " + reached
                    + ", short of parameters.targetReturn " + target + "; refusing it");
        }
        return weights;
    }
}
