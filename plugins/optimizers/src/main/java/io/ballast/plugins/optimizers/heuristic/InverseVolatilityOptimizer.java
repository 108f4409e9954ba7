package io.ballast.plugins.optimizers.heuristic;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.plugins.optimizers.constraints.BoundedProportions;
import io.ballast.plugins.optimizers.constraints.CompliantWeights;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.meanvariance.CheckedEstimates;
import java.util.List;
import org.pf4j.Extension;

/**
 * Inverse volatility: weights proportional to {@code 1/σ_i}, the annual volatilities from the
 * covariance diagonal; correlations and expected returns are not read.
 * <p>
 * Weight bounds (minimum and maximum weights, per asset, the maximum position) are honoured by
 * clipping and redistributing: {@code w_i = clip(s/σ_i, lower_i, upper_i)} with the one scale s
 * that makes the weights sum to 1, so assets inside their bounds keep weights in proportion to
 * {@code 1/σ} ({@link BoundedProportions}). Sector caps, a turnover limit and L2 regularisation
 * have no meaning for a rule with nothing to optimise and are refused, naming the field, rather
 * than silently ignored.
 */
@Extension
public class InverseVolatilityOptimizer implements Optimizer {

    static final String ID = "inverse-volatility";

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
        return "Inverse volatility: weights proportional to 1 / annual volatility, clipped to the weight bounds.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of();
    }

    @Override
    public TargetWeights optimize(OptimizationRequest request) {
        WeightConstraints constraints = request.constraints();
        String refusal = ": " + ID + " honours weight bounds only; leave it out, or use an optimizer that takes it, such as min-volatility";
        if (!constraints.maxWeightBySector().isEmpty()) {
            throw new IllegalArgumentException("constraints.maxWeightBySector is set" + refusal);
        }
        if (constraints.maxTurnover().isPresent()) {
            throw new IllegalArgumentException("constraints.maxTurnover is " + constraints.maxTurnover().getAsDouble() + refusal);
        }
        if (constraints.l2Gamma() > 0) {
            throw new IllegalArgumentException("constraints.l2Gamma is " + constraints.l2Gamma() + refusal);
        }
        CheckedEstimates estimates = CheckedEstimates.of(request, ID, false);
        List<String> assets = request.assets();
        // the constraint system runs the feasibility checks on the bounds and says what is wrong with them
        ConstraintSystem.of(assets, constraints);
        int n = assets.size();
        double[] inverseVolatilities = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            inverseVolatilities[i] = 1 / estimates.annualVolatility(i);
            lower[i] = constraints.lowerBound(assets.get(i));
            upper[i] = constraints.upperBound(assets.get(i));
        }
        return CompliantWeights.of(assets, BoundedProportions.of(inverseVolatilities, lower, upper), constraints, ID);
    }
}
