package io.ballast.plugins.optimizers.constraints;

import io.ballast.api.optimizer.WeightConstraints;
import java.util.List;
import java.util.Map;

/**
 * The ways {@link WeightConstraints} can leave no fully invested portfolio that show without
 * solving anything, each refused with a message that names the constraint and the numbers. What
 * passes may still be infeasible in combination (sector caps with a turnover limit, say); the
 * solver finds that.
 */
final class FeasibilityPrecheck {

    /** Sums of bounds are compared with 1 this loosely, for round-off in the caller's numbers. */
    static final double TOLERANCE = 1e-12;

    private FeasibilityPrecheck() {
    }

    /** @throws IllegalArgumentException naming the first impossibility found */
    static void requireFeasible(List<String> assets, WeightConstraints constraints) {
        double lowerSum = 0;
        double upperSum = 0;
        for (String asset : assets) {
            double lower = constraints.lowerBound(asset);
            double upper = constraints.upperBound(asset);
            if (lower > upper) {
                throw new IllegalArgumentException("constraints: asset " + asset + " must hold at least " + lower
                        + " but at most " + upper + " (maxWeight, maxWeightByAsset and maxPosition all cap it)");
            }
            lowerSum += lower;
            upperSum += upper;
        }
        if (lowerSum > 1 + TOLERANCE) {
            throw new IllegalArgumentException("constraints: the lower weight bounds (minWeight, minWeightByAsset) add up to "
                    + lowerSum + " over the " + assets.size() + " assets, more than 1: no fully invested portfolio meets them");
        }
        if (upperSum < 1 - TOLERANCE) {
            throw new IllegalArgumentException("constraints: the upper weight bounds (maxWeight, maxWeightByAsset, maxPosition) add up to "
                    + upperSum + " over the " + assets.size() + " assets, less than 1: no fully invested portfolio meets them");
        }
        requireSectorsFeasible(assets, constraints);
        requireTurnoverFeasible(assets, constraints);
    }

    private static void requireSectorsFeasible(List<String> assets, WeightConstraints constraints) {
        double largestTotal = 0;
        for (String asset : assets) {
            String sector = constraints.sectorByAsset().get(asset);
            if (sector == null || !constraints.maxWeightBySector().containsKey(sector)) {
                largestTotal += constraints.upperBound(asset);
            }
        }
        for (Map.Entry<String, Double> cap : constraints.maxWeightBySector().entrySet()) {
            double lowerSum = 0;
            double upperSum = 0;
            for (String asset : assets) {
                if (cap.getKey().equals(constraints.sectorByAsset().get(asset))) {
                    lowerSum += constraints.lowerBound(asset);
                    upperSum += constraints.upperBound(asset);
                }
            }
            if (lowerSum > cap.getValue() + TOLERANCE) {
                throw new IllegalArgumentException("constraints.maxWeightBySector." + cap.getKey() + " is " + cap.getValue()
                        + ", but the lower weight bounds of that sector's assets add up to " + lowerSum);
            }
            largestTotal += Math.min(cap.getValue(), upperSum);
        }
        if (largestTotal < 1 - TOLERANCE) {
            throw new IllegalArgumentException("constraints.maxWeightBySector: with the sector caps and the upper weight bounds the assets"
                    + " can hold at most " + largestTotal + " in total, less than 1: no fully invested portfolio meets them");
        }
    }

    private static void requireTurnoverFeasible(List<String> assets, WeightConstraints constraints) {
        if (constraints.maxTurnover().isEmpty()) {
            return;
        }
        double maxTurnover = constraints.maxTurnover().getAsDouble();
        double forcedSales = ConstraintSystem.turnoverOutsideUniverse(assets, constraints);
        if (forcedSales > maxTurnover + TOLERANCE) {
            throw new IllegalArgumentException("constraints.maxTurnover is " + maxTurnover + ", but selling the current positions outside"
                    + " the universe alone trades " + forcedSales);
        }
        // Every asset must at least move into its bounds, and the whole book must end fully invested.
        double intoBounds = 0;
        double currentSum = 0;
        for (String asset : assets) {
            double current = constraints.currentWeights().getOrDefault(asset, 0.0);
            currentSum += current;
            intoBounds += Math.max(0, constraints.lowerBound(asset) - current) + Math.max(0, current - constraints.upperBound(asset));
        }
        double leastTrade = forcedSales + Math.max(intoBounds, Math.abs(1 - currentSum));
        if (leastTrade > maxTurnover + TOLERANCE) {
            throw new IllegalArgumentException("constraints.maxTurnover is " + maxTurnover + ", but reaching a fully invested portfolio"
                    + " within the weight bounds from currentWeights trades at least " + leastTrade);
        }
    }
}
