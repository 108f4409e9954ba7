package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.optimizers.constraints.CompliantWeights;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import java.util.List;

/**
 * What every optimizer here that computes its own weights does around its rule: refuse the
 * constraints it cannot honour, check the estimates ({@link CheckedEstimates}), translate and check
 * the weight constraints, and check the weights it found against those constraints before returning
 * them ({@link CompliantWeights}). Subclasses give their id, description and parameters and compute
 * the weights; they stay stateless, so one instance serves concurrent calls.
 */
public abstract class ConstrainedOptimizer extends DescribedOptimizer {

    private final boolean needsExpectedReturns;

    /**
     * @param needsExpectedReturns whether the optimizer reads expected returns (or only the covariance)
     */
    protected ConstrainedOptimizer(String id, String description, boolean needsExpectedReturns, List<ParameterSpec> parameters) {
        super(id, description, parameters);
        this.needsExpectedReturns = needsExpectedReturns;
    }

    @Override
    public final TargetWeights optimize(OptimizationRequest request) {
        requireSupported(request);
        CheckedEstimates estimates = CheckedEstimates.of(request, id(), needsExpectedReturns);
        ConstraintSystem constraints = ConstraintSystem.of(request.assets(), request.constraints());
        return CompliantWeights.of(request.assets(), weights(request, estimates, constraints), request.constraints(), id());
    }

    /**
     * Refuses, naming the field, constraints this optimizer cannot honour; by default it honours all.
     * Optimizers whose weights follow from their own rule refuse every binding one with
     * {@link NonBindingConstraints}.
     *
     * @throws IllegalArgumentException for a constraint the optimizer cannot honour
     */
    protected void requireSupported(OptimizationRequest request) {
    }

    /**
     * @return one weight per asset, in the request's order, summing to 1 up to round-off
     * @throws IllegalArgumentException when the request cannot be satisfied; the message names the field
     */
    protected abstract double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints);
}
