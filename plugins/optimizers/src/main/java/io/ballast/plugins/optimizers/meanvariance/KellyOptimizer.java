package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
import io.ballast.plugins.optimizers.request.NumberParameter;
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
public class KellyOptimizer extends ConstrainedOptimizer {

    static final NumberParameter KELLY_FRACTION = new NumberParameter("kellyFraction",
            "the fraction of the full Kelly bet to hold, from 0.01 to 1 (0.5 is half Kelly)",
            OptionalDouble.of(0.5), OptionalDouble.of(0.01), OptionalDouble.of(1));

    public KellyOptimizer() {
        super("kelly", "Fractional Kelly: the fully invested portfolio maximising expected return − variance / (2 kellyFraction),"
                + " within the weight constraints.", true, List.of(KELLY_FRACTION.spec()));
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        double fraction = KELLY_FRACTION.valueIn(request, id());
        return new MeanVarianceObjective(1 / (2 * fraction), request.constraints().l2Gamma(), 1).minimiseOver(estimates, constraints);
    }
}
