package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;
import java.util.Arrays;

/**
 * Sample covariance (divisor n - 1) and Pearson correlation of every pair of assets over the
 * periods in which both have a return, per period (not annualised): pandas'
 * {@code DataFrame.cov()} and {@code corr()}. The means of a pair are those of its common
 * periods, so the correlation is not the covariance over the full-sample volatilities.
 *
 * <p>With no missing return the centred returns' Gram matrix gives both at once. Otherwise, with
 * x the returns centred on each asset's own mean and 0 where missing, m the 0/1 presence mask and
 * k = m^T m the common-period counts, the pair sums s = x^T m and the pair sums of squares
 * q = (x*x)^T m turn x^T x into the pairwise-centred sums (x^T x - s s^T / k), all as cross
 * products over contiguous rows instead of one pass over the periods per pair; only the columns
 * of assets with missing returns need them. Centring on the own mean first keeps the
 * subtraction from cancelling digits.
 */
final class PairwiseMoments {

    private final double[][] covariance;
    private final double[][] correlation;

    private PairwiseMoments(double[][] covariance, double[][] correlation) {
        this.covariance = covariance;
        this.correlation = correlation;
    }

    static PairwiseMoments covariance(ReturnSeries returns) {
        return estimate(returns, false);
    }

    static PairwiseMoments covarianceAndCorrelation(ReturnSeries returns) {
        return estimate(returns, true);
    }

    /** Per-period covariance, owned by the caller. */
    double[][] perPeriodCovariance() {
        return covariance;
    }

    /** Pairwise correlation, owned by the caller; only when asked for. */
    double[][] correlation() {
        if (correlation == null) {
            throw new IllegalStateException("the correlation was not estimated");
        }
        return correlation;
    }

    private static PairwiseMoments estimate(ReturnSeries returns, boolean withCorrelation) {
        ObservationRequirement.requireTwoPerAsset(returns);
        int n = returns.assetCount();
        CentredReturns x = CentredReturns.of(returns);
        double[][] products = CrossProducts.gram(x.values(), n);
        double[][] covariance = new double[n][n];
        double[][] correlation = withCorrelation ? new double[n][n] : null;
        if (x.isComplete()) {
            double divisor = returns.periodCount() - 1;
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    covariance[i][j] = covariance[j][i] = products[i][j] / divisor;
                    if (withCorrelation) {
                        correlation[i][j] = correlation[j][i] = correlationOf(products[i][j], products[i][i], products[j][j], i == j);
                    }
                }
            }
            return new PairwiseMoments(covariance, correlation);
        }
        // only pairs with an incomplete asset need the masked sums: with j complete, i's common periods with j are
        // all of i's, over which i's centred returns sum to 0 and its squares to products[i][i]
        int[] incomplete = x.incompleteAssets();
        int[] maskColumn = new int[n];
        Arrays.fill(maskColumn, -1);
        for (int k = 0; k < incomplete.length; k++) {
            maskColumn[incomplete[k]] = k;
        }
        double[][] mask = x.presenceOf(incomplete);
        double[][] commonPeriods = CrossProducts.of(x.presence(), n, mask, incomplete.length);
        double[][] sums = CrossProducts.of(x.values(), n, mask, incomplete.length);
        double[][] squareSums = withCorrelation ? CrossProducts.of(squared(x.values()), n, mask, incomplete.length) : null;
        int periods = returns.periodCount();
        double[][] counts = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                counts[i][j] = maskColumn[j] >= 0 ? commonPeriods[i][maskColumn[j]]
                        : maskColumn[i] >= 0 ? commonPeriods[j][maskColumn[i]] : periods;
            }
        }
        ObservationRequirement.requireTwoPerPair(returns, counts);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double k = counts[i][j];
                // sumIJ: asset i's centred returns summed over the periods where j has one too
                double sumIJ = maskColumn[j] >= 0 ? sums[i][maskColumn[j]] : 0.0;
                double sumJI = maskColumn[i] >= 0 ? sums[j][maskColumn[i]] : 0.0;
                double centredProduct = products[i][j] - sumIJ * sumJI / k;
                covariance[i][j] = covariance[j][i] = centredProduct / (k - 1);
                if (withCorrelation) {
                    double squaresIJ = maskColumn[j] >= 0 ? squareSums[i][maskColumn[j]] : products[i][i];
                    double squaresJI = maskColumn[i] >= 0 ? squareSums[j][maskColumn[i]] : products[j][j];
                    correlation[i][j] = correlation[j][i] = correlationOf(centredProduct, squaresIJ - sumIJ * sumIJ / k,
                            squaresJI - sumJI * sumJI / k, i == j);
                }
            }
        }
        return new PairwiseMoments(covariance, correlation);
    }

    /**
     * Pearson correlation from centred sums; 0 when either side does not vary (undefined, and 0
     * keeps the matrix usable as a distance), clamped to [-1, 1] against rounding.
     */
    private static double correlationOf(double product, double squaresI, double squaresJ, boolean diagonal) {
        if (diagonal) {
            return 1.0;
        }
        if (squaresI <= 0 || squaresJ <= 0) {
            return 0.0;
        }
        return Math.max(-1.0, Math.min(1.0, product / Math.sqrt(squaresI * squaresJ)));
    }

    private static double[][] squared(double[][] values) {
        double[][] squares = new double[values.length][];
        for (int p = 0; p < values.length; p++) {
            double[] row = values[p];
            double[] square = new double[row.length];
            for (int a = 0; a < row.length; a++) {
                square[a] = row[a] * row[a];
            }
            squares[p] = square;
        }
        return squares;
    }
}
