package io.ballast.plugins.optimizers.constraints;

import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a solver's weights into {@link TargetWeights} only after checking them against the
 * caller's {@link WeightConstraints} themselves (not against their translation), so a solver or
 * translation fault can never reach the user as a portfolio that breaks a limit.
 * <p>
 * Round-off is cleaned first: a weight within {@link #CLEAN_TOLERANCE} outside its bound is put on
 * the bound (so a long-only book has no {@code -1e-12} shorts), and the weights are divided by
 * their sum so that they sum to 1 within {@link TargetWeights#SUM_TOLERANCE}. Then every bound,
 * sector cap and the turnover limit must hold within {@link #CHECK_TOLERANCE}.
 */
public final class CompliantWeights {

    /** How far outside a bound a weight may be and still be round-off. */
    public static final double CLEAN_TOLERANCE = 1e-9;
    /** How far past any constraint the final weights may be. */
    public static final double CHECK_TOLERANCE = 1e-6;

    private CompliantWeights() {
    }

    /**
     * @param assets      the universe, in the order of {@code weights}
     * @param weights     the solver's weights
     * @param constraints the caller's constraints
     * @param optimizerId the optimizer that produced the weights, for the message
     * @throws IllegalArgumentException when the weights break a constraint by more than round-off
     */
    public static TargetWeights of(List<String> assets, double[] weights, WeightConstraints constraints, String optimizerId) {
        int n = assets.size();
        double[] cleaned = new double[n];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double weight = weights[j];
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException(optimizerId + ": the solver gave " + assets.get(j) + " a weight of " + weight);
            }
            double lower = constraints.lowerBound(assets.get(j));
            double upper = constraints.upperBound(assets.get(j));
            if (weight < lower && weight > lower - CLEAN_TOLERANCE) {
                weight = lower;
            } else if (weight > upper && weight < upper + CLEAN_TOLERANCE) {
                weight = upper;
            }
            cleaned[j] = weight;
            sum += weight;
        }
        if (Math.abs(sum - 1) > CHECK_TOLERANCE) {
            throw refusal(optimizerId, "the weights sum to " + sum + ", not 1");
        }
        renormalise(assets, cleaned, sum, constraints);
        Map<String, Double> weightByAsset = new LinkedHashMap<>();
        for (int j = 0; j < n; j++) {
            weightByAsset.put(assets.get(j), cleaned[j] == 0 ? 0.0 : cleaned[j]);
        }
        requireCompliant(assets, cleaned, constraints, optimizerId);
        return new TargetWeights(weightByAsset);
    }

    /**
     * Makes the weights sum to 1: the round-off is spread over the weights strictly inside their
     * bounds, in proportion to their size, so weights on a bound stay exactly on it; when every
     * weight is on a bound, all are divided by the sum.
     */
    private static void renormalise(List<String> assets, double[] weights, double sum, WeightConstraints constraints) {
        double inside = 0;
        boolean[] free = new boolean[weights.length];
        for (int j = 0; j < weights.length; j++) {
            double lower = constraints.lowerBound(assets.get(j));
            double upper = constraints.upperBound(assets.get(j));
            free[j] = weights[j] > lower + CLEAN_TOLERANCE && weights[j] < upper - CLEAN_TOLERANCE;
            inside += free[j] ? Math.abs(weights[j]) : 0;
        }
        double residual = 1 - sum;
        for (int j = 0; j < weights.length; j++) {
            if (inside > 0) {
                weights[j] += free[j] ? residual * Math.abs(weights[j]) / inside : 0;
            } else {
                weights[j] /= sum;
            }
        }
    }

    private static void requireCompliant(List<String> assets, double[] weights, WeightConstraints constraints, String optimizerId) {
        for (int j = 0; j < assets.size(); j++) {
            String asset = assets.get(j);
            if (weights[j] < constraints.lowerBound(asset) - CHECK_TOLERANCE) {
                throw refusal(optimizerId, "the weight of " + asset + " is " + weights[j] + ", below its lower bound "
                        + constraints.lowerBound(asset));
            }
            if (weights[j] > constraints.upperBound(asset) + CHECK_TOLERANCE) {
                throw refusal(optimizerId, "the weight of " + asset + " is " + weights[j] + ", above its upper bound "
                        + constraints.upperBound(asset));
            }
        }
        for (Map.Entry<String, Double> cap : constraints.maxWeightBySector().entrySet()) {
            double sectorWeight = 0;
            for (int j = 0; j < assets.size(); j++) {
                if (cap.getKey().equals(constraints.sectorByAsset().get(assets.get(j)))) {
                    sectorWeight += weights[j];
                }
            }
            if (sectorWeight > cap.getValue() + CHECK_TOLERANCE) {
                throw refusal(optimizerId, "sector " + cap.getKey() + " weighs " + sectorWeight
                        + ", above constraints.maxWeightBySector." + cap.getKey() + " = " + cap.getValue());
            }
        }
        if (constraints.maxTurnover().isPresent()) {
            double turnover = ConstraintSystem.turnoverOutsideUniverse(assets, constraints);
            for (int j = 0; j < assets.size(); j++) {
                turnover += Math.abs(weights[j] - constraints.currentWeights().getOrDefault(assets.get(j), 0.0));
            }
            if (turnover > constraints.maxTurnover().getAsDouble() + CHECK_TOLERANCE) {
                throw refusal(optimizerId, "the turnover is " + turnover + ", above constraints.maxTurnover = "
                        + constraints.maxTurnover().getAsDouble());
            }
        }
    }

    private static IllegalArgumentException refusal(String optimizerId, String problem) {
        return new IllegalArgumentException(optimizerId + ": the solver's portfolio breaks the constraints (" + problem
                + "); refusing it rather than returning a portfolio that breaks a limit. The constraints may be too tight"
                + " to meet together, or the estimates too ill-conditioned");
    }
}
