package io.ballast.plugins.optimizers.heuristic;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.constraints.BoundedProportions;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import io.ballast.plugins.optimizers.request.ConstrainedOptimizer;
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
public class InverseVolatilityOptimizer extends ConstrainedOptimizer {

    public InverseVolatilityOptimizer() {
        super("inverse-volatility", "Inverse volatility: weights proportional to 1 / annual volatility, clipped to the weight bounds.",
                false, List.of());
    }

    @Override
    protected void requireSupported(OptimizationRequest request) {
        WeightConstraints constraints = request.constraints();
        String refusal = ": " + id() + " honours weight bounds only; leave it out, or use an optimizer that takes it, such as min-volatility";
        if (!constraints.maxWeightBySector().isEmpty()) {
            throw new IllegalArgumentException("constraints.maxWeightBySector is set" + refusal);
        }
        if (constraints.maxTurnover().isPresent()) {
            throw new IllegalArgumentException("constraints.maxTurnover is " + constraints.maxTurnover().getAsDouble() + refusal);
        }
        if (constraints.l2Gamma() > 0) {
            throw new IllegalArgumentException("constraints.l2Gamma is " + constraints.l2Gamma() + refusal);
        }
    }

    @Override
    protected double[] weights(OptimizationRequest request, CheckedEstimates estimates, ConstraintSystem constraints) {
        WeightConstraints limits = request.constraints();
        List<String> assets = request.assets();
        int n = assets.size();
        double[] inverseVolatilities = new double[n];
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int i = 0; i < n; i++) {
            inverseVolatilities[i] = 1 / estimates.annualVolatility(i);
            lower[i] = limits.lowerBound(assets.get(i));
            upper[i] = limits.upperBound(assets.get(i));
        }
        return BoundedProportions.of(inverseVolatilities, lower, upper);
    }
}
