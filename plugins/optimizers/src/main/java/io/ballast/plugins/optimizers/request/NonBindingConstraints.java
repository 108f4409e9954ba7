package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.Map;

/**
 * The check for optimizers whose weights follow from their own rule (hierarchical risk parity,
 * equal risk contribution) and so cannot be bent to weight limits: they accept only constraints
 * that every long-only, fully invested portfolio keeps (lower bounds at or below 0, upper bounds
 * and the maximum position at or above 1, sector caps at or above 1, no turnover limit, no L2
 * term). Anything tighter is refused with the field named, never silently ignored.
 */
public final class NonBindingConstraints {

    private NonBindingConstraints() {
    }

    /** @throws IllegalArgumentException naming the first constraint that could bind */
    public static void require(OptimizationRequest request, String optimizerId) {
        WeightConstraints constraints = request.constraints();
        String refusal = ": " + optimizerId + " cannot honour it (its long-only weights follow from its own rule);"
                + " leave it out, or use an optimizer that takes weight limits such as min-volatility";
        if (constraints.maxPosition().isPresent() && constraints.maxPosition().getAsDouble() < 1) {
            throw new IllegalArgumentException("constraints.maxPosition is " + constraints.maxPosition().getAsDouble() + refusal);
        }
        for (String asset : request.assets()) {
            if (constraints.lowerBound(asset) > 0) {
                String field = constraints.minWeightByAsset().containsKey(asset) ? "minWeightByAsset." + asset : "minWeight";
                throw new IllegalArgumentException("constraints." + field + " is " + constraints.lowerBound(asset) + refusal);
            }
            if (constraints.upperBound(asset) < 1) {
                String field = constraints.maxWeightByAsset().containsKey(asset) ? "maxWeightByAsset." + asset : "maxWeight";
                throw new IllegalArgumentException("constraints." + field + " is " + constraints.upperBound(asset) + refusal);
            }
        }
        for (Map.Entry<String, Double> cap : constraints.maxWeightBySector().entrySet()) {
            if (cap.getValue() < 1) {
                throw new IllegalArgumentException("constraints.maxWeightBySector." + cap.getKey() + " is " + cap.getValue() + refusal);
            }
        }
        if (constraints.maxTurnover().isPresent()) {
            throw new IllegalArgumentException("constraints.maxTurnover is " + constraints.maxTurnover().getAsDouble() + refusal);
        }
        if (constraints.l2Gamma() > 0) {
            throw new IllegalArgumentException("constraints.l2Gamma is " + constraints.l2Gamma() + refusal);
        }
    }
}
