package io.ballast.api.optimizer;

import java.util.List;
import java.util.Objects;

/**
 * Annualised estimates for a universe, in the order of {@code assets}.
 * Returns and covariances are fractions per year (0.07 is 7% a year). The correlation is given
 * with the covariance when it was estimated on its own (pairwise-complete observations give a
 * correlation that is not exactly the covariance over the volatilities); otherwise it is derived
 * from the covariance.
 */
public final class MarketEstimates {

    private final List<String> assets;
    private final double[] expectedAnnualReturns;
    private final double[][] annualCovariance;
    private final double[][] correlation;

    /** Estimates whose correlation is derived from the covariance. */
    public MarketEstimates(List<String> assets, double[] expectedAnnualReturns, double[][] annualCovariance) {
        this(assets, expectedAnnualReturns, annualCovariance, correlationOf(annualCovariance));
    }

    public MarketEstimates(List<String> assets, double[] expectedAnnualReturns, double[][] annualCovariance,
            double[][] correlation) {
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
        this.correlation = squareCopy("correlation", correlation, n);
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
        return squareCopy("annualCovariance", annualCovariance, annualCovariance.length);
    }

    /** A copy: the estimates stay immutable. */
    public double[][] correlation() {
        return squareCopy("correlation", correlation, correlation.length);
    }

    /** Annual volatilities, the square roots of the covariance diagonal. */
    public double[] annualVolatilities() {
        double[] volatilities = new double[annualCovariance.length];
        for (int i = 0; i < volatilities.length; i++) {
            volatilities[i] = Math.sqrt(annualCovariance[i][i]);
        }
        return volatilities;
    }

    private static double[][] correlationOf(double[][] covariance) {
        int n = covariance.length;
        double[][] correlation = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                correlation[i][j] = i == j ? 1.0 : covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
            }
        }
        return correlation;
    }

    private static double[][] squareCopy(String field, double[][] matrix, int n) {
        if (matrix.length != n) {
            throw new IllegalArgumentException(field + " has " + matrix.length + " rows for " + n + " assets");
        }
        double[][] copy = new double[n][];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException(field + " row " + i + " has " + matrix[i].length + " columns for " + n + " assets");
            }
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
