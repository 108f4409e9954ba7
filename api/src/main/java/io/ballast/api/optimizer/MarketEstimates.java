package io.ballast.api.optimizer;

import java.util.List;
import java.util.Objects;

/**
 * Annualised estimates for a universe, in the order of {@code assets}.
 * Returns and covariances are fractions per year (0.07 is 7% a year).
 */
public final class MarketEstimates {

    private final List<String> assets;
    private final double[] expectedAnnualReturns;
    private final double[][] annualCovariance;

    public MarketEstimates(List<String> assets, double[] expectedAnnualReturns, double[][] annualCovariance) {
        this.assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        int n = this.assets.size();
        if (expectedAnnualReturns.length != n) {
            throw new IllegalArgumentException(
                    "expectedAnnualReturns has " + expectedAnnualReturns.length + " entries for " + n + " assets");
        }
        if (annualCovariance.length != n) {
            throw new IllegalArgumentException("annualCovariance has " + annualCovariance.length + " rows for " + n + " assets");
        }
        this.expectedAnnualReturns = expectedAnnualReturns.clone();
        this.annualCovariance = new double[n][];
        for (int i = 0; i < n; i++) {
            if (annualCovariance[i].length != n) {
                throw new IllegalArgumentException("annualCovariance row " + i + " has " + annualCovariance[i].length + " columns for " + n + " assets");
            }
            this.annualCovariance[i] = annualCovariance[i].clone();
        }
    }

    public List<String> assets() {
        return assets;
    }

    /** A copy: the estimates stay immutable. */
    public double[] expectedAnnualReturns() {
        return expectedAnnualReturns.clone();
    }

    /** A copy: the estimates stay immutable. */
    public double[][] annualCovariance() {
        double[][] copy = new double[annualCovariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = annualCovariance[i].clone();
        }
        return copy;
    }
}
