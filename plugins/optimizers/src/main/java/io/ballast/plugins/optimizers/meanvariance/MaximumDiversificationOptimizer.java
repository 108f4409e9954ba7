package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import java.util.List;
import org.pf4j.Extension;

/**
 * Maximum diversification (Choueifaty and Coignard): maximises the diversification ratio
 * {@code σᵀw / √(wᵀΣw)}, the weighted average of the assets' volatilities over the portfolio's,
 * within the weight constraints. It is the maximum Sharpe problem with the volatilities {@code σ}
 * in place of the excess returns, solved by the same change of variables
 * ({@link RatioMaximisation}); expected returns are not read. With uncorrelated assets, or any
 * single correlation shared by all pairs, the unconstrained answer is inverse volatility.
 */
@Extension
public class MaximumDiversificationOptimizer extends ConstrainedOptimizer {

    public MaximumDiversificationOptimizer() {
        super("max-diversification", "Maximum diversification: the fully invested portfolio with the highest ratio of average asset"
                + " volatility to portfolio volatility within the weight constraints.", false, List.of());
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        double[] volatilities = new double[estimates.assetCount()];
        for (int i = 0; i < volatilities.length; i++) {
            volatilities[i] = estimates.annualVolatility(i);
        }
        return RatioMaximisation.weights(volatilities, estimates, constraints, request.constraints().l2Gamma(),
                "constraints: no portfolio within the constraints has a positive diversification ratio, so " + id() + " has no answer");
    }
}
