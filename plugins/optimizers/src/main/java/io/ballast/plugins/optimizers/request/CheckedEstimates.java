package io.ballast.plugins.optimizers.request;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import java.util.List;

/**
 * A request's annualised estimates, checked for what the optimizers here rely on: they
 * are present, every number is finite, the covariance is symmetric (to round-off, then made exactly
 * so) with a positive variance for every asset. Returns and covariances are fractions per year.
 * Positive semidefiniteness is checked by the solver on the assets it weighs, since a full check
 * costs as much as the optimization itself at 500 assets.
 */
public final class CheckedEstimates {

    /**
     * The smallest annual variance an asset may have: below it (an annual volatility of 1e-6) the
     * estimate is round-off, and ratios over it (Sharpe, inverse volatility) come out absurd.
     */
    public static final double MINIMUM_ANNUAL_VARIANCE = 1e-12;
    /** Relative asymmetry of the covariance that still counts as round-off. */
    private static final double SYMMETRY_TOLERANCE = 1e-10;

    private final List<String> assets;
    private final double[] expectedAnnualReturns;
    private final double[][] annualCovariance;
    private final MarketEstimates given;

    private CheckedEstimates(MarketEstimates given, List<String> assets, double[] expectedAnnualReturns, double[][] annualCovariance) {
        this.given = given;
        this.assets = assets;
        this.expectedAnnualReturns = expectedAnnualReturns;
        this.annualCovariance = annualCovariance;
    }

    /**
     * @param optimizerId          the optimizer reading the estimates, for the messages
     * @param needsExpectedReturns whether the optimizer uses expected returns (minimum volatility does not)
     * @throws IllegalArgumentException naming the missing or bad estimate
     */
    public static CheckedEstimates of(OptimizationRequest request, String optimizerId, boolean needsExpectedReturns) {
        MarketEstimates estimates = request.estimates().orElseThrow(() -> new IllegalArgumentException("estimates: " + optimizerId
                + " needs expected returns and a covariance matrix, and the request has none"));
        List<String> assets = estimates.assets();
        double[] returns = estimates.expectedAnnualReturns();
        double[][] covariance = estimates.annualCovariance();
        int n = assets.size();
        if (needsExpectedReturns) {
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(returns[i])) {
                    throw new IllegalArgumentException("estimates.expectedAnnualReturns." + assets.get(i) + " is " + returns[i]
                            + ", not a finite number");
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (covariance[i].length != n) {
                throw new IllegalArgumentException("estimates.annualCovariance is not square: row " + assets.get(i) + " has "
                        + covariance[i].length + " entries for " + n + " assets");
            }
            if (!(covariance[i][i] > 0) || !Double.isFinite(covariance[i][i])) {
                throw new IllegalArgumentException("estimates.annualCovariance: the variance of " + assets.get(i) + " is "
                        + covariance[i][i] + "; it must be a positive finite number");
            }
            if (covariance[i][i] < MINIMUM_ANNUAL_VARIANCE) {
                throw new IllegalArgumentException("estimates.annualCovariance: the variance of " + assets.get(i) + " is "
                        + covariance[i][i] + ", below " + MINIMUM_ANNUAL_VARIANCE + " (an annual volatility under 0.0001%):"
                        + " its prices barely move, and its risk cannot be told from round-off");
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double upper = covariance[j][i];
                double lower = covariance[i][j];
                if (!Double.isFinite(upper) || !Double.isFinite(lower)) {
                    throw new IllegalArgumentException("estimates.annualCovariance." + assets.get(i) + "." + assets.get(j) + " is "
                            + (Double.isFinite(lower) ? upper : lower) + ", not a finite number");
                }
                double scale = Math.sqrt(covariance[i][i] * covariance[j][j]);
                if (Math.abs(upper - lower) > SYMMETRY_TOLERANCE * scale) {
                    throw new IllegalArgumentException("estimates.annualCovariance is not symmetric: (" + assets.get(i) + ", "
                            + assets.get(j) + ") is " + lower + " but (" + assets.get(j) + ", " + assets.get(i) + ") is " + upper);
                }
                double mean = (upper + lower) / 2;
                covariance[i][j] = mean;
                covariance[j][i] = mean;
            }
        }
        return new CheckedEstimates(estimates, assets, returns, covariance);
    }

    public List<String> assets() {
        return assets;
    }

    public int assetCount() {
        return assets.size();
    }

    /** A copy. */
    public double[] expectedAnnualReturns() {
        return expectedAnnualReturns.clone();
    }

    /** The covariance itself, not a copy, as copying it costs as much as a step of the solvers: callers only read it. */
    public double[][] annualCovariance() {
        return annualCovariance;
    }

    /** The correlation as the estimates give it (pairwise-complete, not checked here), a copy. */
    public double[][] correlation() {
        return given.correlation();
    }

    public double annualVolatility(int asset) {
        return Math.sqrt(annualCovariance[asset][asset]);
    }

    /** {@code wᵀΣw} of the first n entries of {@code weights}. */
    public double annualVariance(double[] weights) {
        double variance = 0;
        int n = assetCount();
        for (int i = 0; i < n; i++) {
            if (weights[i] == 0) {
                continue;
            }
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += annualCovariance[i][j] * weights[j];
            }
            variance += weights[i] * row;
        }
        return variance;
    }

    /** {@code μᵀw} of the first n entries of {@code weights}. */
    public double expectedAnnualReturn(double[] weights) {
        double sum = 0;
        for (int i = 0; i < assetCount(); i++) {
            sum += expectedAnnualReturns[i] * weights[i];
        }
        return sum;
    }
}
