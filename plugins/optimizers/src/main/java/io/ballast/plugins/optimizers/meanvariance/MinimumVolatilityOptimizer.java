package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import java.util.List;
import org.pf4j.Extension;

/**
 * Minimum volatility: the fully invested portfolio with the least annual variance {@code wᵀΣw}
 * (plus {@code γ‖w‖²} when the constraints ask for L2 regularisation, as PyPortfolioOpt's
 * {@code min_volatility} with {@code L2_reg}) within the weight constraints. Needs the covariance
 * only; expected returns are not read.
 */
@Extension
public class MinimumVolatilityOptimizer extends ConstrainedOptimizer {

    public MinimumVolatilityOptimizer() {
        super("min-volatility", "Minimum volatility: the fully invested portfolio with the least variance within the weight constraints.",
                false, List.of());
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        return MeanVarianceObjective.leastVariance(request.constraints().l2Gamma()).minimiseOver(estimates, constraints);
    }
}
