package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The returns of a portfolio's held assets (weight not 0) over the periods where every one of them
 * has a return, and the portfolio's return series built from them.
 *
 * <p>Missing returns: a period counts only when every held asset has a return in it; other periods
 * are left out, never filled. Leaving them out keeps the portfolio return of each used period
 * exact ({@code r_p = sum_i w_i r_i} with today's weights, rebalanced every period) and makes every
 * method (historical, parametric, Monte Carlo, contributions) see the same periods; renormalising
 * the weights over the assets that happen to have a return would report a different portfolio.
 * Assets not held may have gaps anywhere without costing periods. At least two periods must remain.
 */
public final class HeldAssetReturns {

    private final List<String> assets;
    private final double[] weights;
    private final int[] assetIndices;
    private final int[] periodIndices;
    private final double[][] returns;
    /** Computed on first use; a race computes the same matrix twice, never a wrong one. */
    private volatile RealMatrix covariance;

    private HeldAssetReturns(List<String> assets, double[] weights, int[] assetIndices, int[] periodIndices, double[][] returns) {
        this.assets = assets;
        this.weights = weights;
        this.assetIndices = assetIndices;
        this.periodIndices = periodIndices;
        this.returns = returns;
    }

    /** Validates the plain inputs: ids, weights and {@code returns[period][asset]} with NaN for missing. */
    public static HeldAssetReturns of(List<String> assets, double[][] returns, double[] weights) {
        PortfolioWeights portfolio = PortfolioWeights.of(assets, weights);
        return of(portfolio, AssetReturnMatrix.of(returns, portfolio.assetCount()));
    }

    public static HeldAssetReturns of(PortfolioWeights portfolio, AssetReturnMatrix matrix) {
        if (matrix.assetCount() != portfolio.assetCount()) {
            throw new InvalidInputException("returns", "must give one return per asset (" + portfolio.assetCount() + "), got "
                    + matrix.assetCount());
        }
        int[] held = portfolio.heldAssetIndices();
        int[] periods = IntStream.range(0, matrix.periodCount()).filter(t -> matrix.isComplete(t, held)).toArray();
        if (periods.length < 2) {
            throw new InvalidInputException("returns", "needs at least two periods where every held asset has a return, got "
                    + periods.length);
        }
        double[][] rows = new double[periods.length][];
        boolean everyAssetHeld = held.length == matrix.assetCount();
        for (int row = 0; row < periods.length; row++) {
            if (everyAssetHeld) {
                // both holders are immutable: share the row instead of copying the whole matrix again
                rows[row] = matrix.sharedRow(periods[row]);
            } else {
                rows[row] = new double[held.length];
                for (int column = 0; column < held.length; column++) {
                    rows[row][column] = matrix.returnAt(periods[row], held[column]);
                }
            }
        }
        List<String> heldAssets = Arrays.stream(held).mapToObj(i -> portfolio.assets().get(i)).toList();
        double[] heldWeights = Arrays.stream(held).mapToDouble(portfolio::weight).toArray();
        return new HeldAssetReturns(heldAssets, heldWeights, held, periods, rows);
    }

    /** Ids of the held assets, in input order. */
    public List<String> assets() {
        return assets;
    }

    /** Weights of the held assets, in the order of {@link #assets()}. */
    public double[] weights() {
        return weights.clone();
    }

    /** Positions of the held assets in the input asset list. */
    public int[] assetIndices() {
        return assetIndices.clone();
    }

    /** Positions of the used periods in the input, ascending. */
    public int[] periodIndices() {
        return periodIndices.clone();
    }

    public int periodCount() {
        return periodIndices.length;
    }

    /** The return of held asset {@code asset} (in {@link #assets()} order) in used period {@code row}. */
    public double returnAt(int row, int asset) {
        return returns[row][asset];
    }

    /** The portfolio's periodic returns {@code sum_i w_i r_i} over the used periods. */
    public double[] portfolioReturns() {
        double[] portfolio = new double[returns.length];
        for (int t = 0; t < returns.length; t++) {
            double sum = 0;
            double[] row = returns[t];
            for (int i = 0; i < row.length; i++) {
                sum += weights[i] * row[i];
            }
            portfolio[t] = sum;
        }
        return portfolio;
    }

    /** Arithmetic mean periodic return of each held asset over the used periods. */
    public double[] meanReturns() {
        double[] means = new double[weights.length];
        for (double[] row : returns) {
            for (int i = 0; i < row.length; i++) {
                means[i] += row[i];
            }
        }
        for (int i = 0; i < means.length; i++) {
            means[i] /= returns.length;
        }
        return means;
    }

    /**
     * Sample covariance (n - 1) of the held assets' periodic returns over the used periods. Every
     * entry uses the same periods, so the matrix is positive semidefinite and
     * {@code w' Sigma w} equals the sample variance of {@link #portfolioReturns()}.
     */
    public RealMatrix periodicCovariance() {
        RealMatrix computed = covariance;
        if (computed == null) {
            computed = sampleCovariance();
            covariance = computed;
        }
        return computed.copy();
    }

    private RealMatrix sampleCovariance() {
        // centred cross-product on a blocked Commons Math matrix: the same sample estimator as
        // Commons Math's Covariance, which copies two columns per pair and takes ~4 s for 500 assets
        double[] means = meanReturns();
        double[][] centred = new double[returns.length][weights.length];
        for (int t = 0; t < returns.length; t++) {
            for (int i = 0; i < weights.length; i++) {
                centred[t][i] = returns[t][i] - means[i];
            }
        }
        BlockRealMatrix deviations = new BlockRealMatrix(centred);
        return deviations.transpose().multiply(deviations).scalarMultiply(1.0 / (returns.length - 1));
    }
}
