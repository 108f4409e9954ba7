package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.optimizers.constraints.CompliantWeights;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import java.util.List;
import java.util.OptionalDouble;
import org.pf4j.Extension;

/**
 * Multi-asset fractional Kelly: the growth-optimal portfolio of continuous-time Kelly betting,
 * scaled by {@code kellyFraction} f.
 * <p>
 * With lognormal prices a portfolio's long-run growth rate is {@code rf + wᵀ(μ − rf) − ½wᵀΣw}, the
 * rest of the wealth earning rf in cash; full Kelly maximises it at {@code w = Σ⁻¹(μ − rf)}, and
 * fractional Kelly holds f times that, which maximises {@code wᵀ(μ − rf) − (1/2f)·wᵀΣw}. Target
 * weights must sum to 1, so there is no cash here: the problem is solved under full investment
 * {@code Σw = 1} and the weight constraints, where it becomes maximise
 * {@code μᵀw − (1/2f)·wᵀΣw} (less {@code γ‖w‖²} with L2 regularisation) and the risk-free rate
 * drops out. When f·Σ⁻¹(μ − rf) happens to sum to 1 and meets the constraints, that is the answer.
 * The default f = 0.5 (half Kelly) gives up a quarter of full Kelly's growth for half its
 * volatility; f ranges over [0.01, 1], since betting more than full Kelly lowers growth.
 */
@Extension
public class KellyOptimizer implements Optimizer {

    static final String ID = "kelly";
    static final NumberParameter KELLY_FRACTION = new NumberParameter("kellyFraction",
            "the fraction of the full Kelly bet to hold, from 0.01 to 1 (0.5 is half Kelly)",
            OptionalDouble.of(0.5), OptionalDouble.of(0.01), OptionalDouble.of(1));

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
        return "Fractional Kelly: the fully invested portfolio maximising expected return − variance / (2 kellyFraction),"
                + " within the weight constraints.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(KELLY_FRACTION.spec());
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        double fraction = KELLY_FRACTION.valueIn(request, ID);
        CheckedEstimates estimates = CheckedEstimates.of(request, ID, true);
        ConstraintSystem constraints = ConstraintSystem.of(request.assets(), request.constraints());
        double[] weights = new MeanVarianceObjective(1 / (2 * fraction), request.constraints().l2Gamma(), 1)
                .minimiseOver(estimates, constraints);
        return CompliantWeights.of(request.assets(), weights, request.constraints(), ID);
    }
}
