package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.optimizers.constraints.CompliantWeights;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import java.util.List;
import java.util.Objects;

/**
 * What every optimizer here does around its own rule: check the estimates, translate and check the
 * weight constraints, and check the weights it found against those constraints before returning
 * them ({@link CompliantWeights}). Subclasses give their id, description and parameters and compute
 * the weights; they stay stateless, so one instance serves concurrent calls.
 */
public abstract class ConstrainedOptimizer implements Optimizer {

    private final String id;
    private final String description;
    private final boolean needsExpectedReturns;
    private final List<ParameterSpec> parameters;

    /**
     * @param needsExpectedReturns whether the optimizer reads expected returns (or only the covariance)
     */
    protected ConstrainedOptimizer(String id, String description, boolean needsExpectedReturns, List<ParameterSpec> parameters) {
        this.id = Objects.requireNonNull(id, "id");
        this.description = Objects.requireNonNull(description, "description");
        this.needsExpectedReturns = needsExpectedReturns;
        this.parameters = List.copyOf(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String version() {
        return "1.0.0";
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public final TargetWeights optimize(OptimizationRequest request) {
        requireSupported(request.constraints());
        CheckedEstimates estimates = CheckedEstimates.of(request, id, needsExpectedReturns);
        ConstraintSystem constraints = ConstraintSystem.of(request.assets(), request.constraints());
        return CompliantWeights.of(request.assets(), weights(request, estimates, constraints), request.constraints(), id);
    }

    /**
     * Refuses, naming the field, constraints this optimizer cannot honour; by default it honours all.
     *
     * @throws IllegalArgumentException for a constraint the optimizer cannot honour
     */
    protected void requireSupported(WeightConstraints constraints) {
    }

    /**
     * @return one weight per asset, in the request's order, summing to 1 up to round-off
     * @throws IllegalArgumentException when the request cannot be satisfied; the message names the field
     */
    protected abstract double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints);
}
