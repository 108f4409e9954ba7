package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;

/**
 * The Karush-Kuhn-Tucker conditions of least variance under {@code Σw = 1} and
 * {@code lower ≤ w ≤ upper}, checked from the weights alone: with {@code g = 2Σw}, there is one
 * number λ such that {@code g_i = λ} where the weight is strictly inside its bounds,
 * {@code g_i ≥ λ} where it is at the lower bound and {@code g_i ≤ λ} at the upper bound. For a
 * convex problem these certify the global optimum, whatever solver produced the weights.
 */
final class OptimalityCertificate {

    private static final double BOUND_TOLERANCE = 1e-12;

    private OptimalityCertificate() {
    }

    static void assertBudgetAndBoxOptimal(MarketEstimates estimates, double[] w, double lower, double upper) {
        double[][] sigma = estimates.annualCovariance();
        int n = w.length;
        double[] gradient = new double[n];
        double scale = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                gradient[i] += 2 * sigma[i][j] * w[j];
            }
            scale = Math.max(scale, Math.abs(gradient[i]));
            sum += w[i];
            assertThat(w[i]).isBetween(lower, upper);
        }
        assertThat(sum).isCloseTo(1, within(1e-12));
        double interiorSum = 0;
        int interiorCount = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > lower + BOUND_TOLERANCE && w[i] < upper - BOUND_TOLERANCE) {
                interiorSum += gradient[i];
                interiorCount++;
            }
        }
        assertThat(interiorCount).as("weights strictly inside their bounds").isPositive();
        double lambda = interiorSum / interiorCount;
        double tolerance = 1e-8 * scale;
        for (int i = 0; i < n; i++) {
            if (w[i] <= lower + BOUND_TOLERANCE) {
                assertThat(gradient[i]).as("marginal variance of asset %d at its lower bound", i).isGreaterThanOrEqualTo(lambda - tolerance);
            } else if (w[i] >= upper - BOUND_TOLERANCE) {
                assertThat(gradient[i]).as("marginal variance of asset %d at its upper bound", i).isLessThanOrEqualTo(lambda + tolerance);
            } else {
                assertThat(gradient[i]).as("marginal variance of held asset %d", i).isCloseTo(lambda, within(tolerance));
            }
        }
    }
}
