package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.optimizers.constraints.CompliantWeights;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import java.util.List;
import org.pf4j.Extension;

/**
 * Minimum volatility: the fully invested portfolio with the least annual variance {@code wᵀΣw}
 * (plus {@code γ‖w‖²} when the constraints ask for L2 regularisation, as PyPortfolioOpt's
 * {@code min_volatility} with {@code L2_reg}) within the weight constraints. Needs the covariance
 * only; expected returns are not read.
 */
@Extension
public class MinimumVolatilityOptimizer implements Optimizer {

    static final String ID = "min-volatility";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public String description() {
        return "Minimum volatility: the fully invested portfolio with the least variance within the weight constraints.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        CheckedEstimates estimates = CheckedEstimates.of(request, ID, false);
        ConstraintSystem constraints = ConstraintSystem.of(request.assets(), request.constraints());
        double[] weights = MeanVarianceObjective.leastVariance(request.constraints().l2Gamma()).minimiseOver(estimates, constraints);
        return CompliantWeights.of(request.assets(), weights, request.constraints(), ID);
    }
}
