package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Periodic simple returns of several assets, {@code [period][asset]}, oldest period first, with
 * {@code NaN} for a missing return (an asset not yet listed, a missing price). Validated: at least
 * one period, every period with one value per asset, no infinities. Holds its own copy.
 */
public final class AssetReturnMatrix {

    private final double[][] returns;
    private final int assetCount;

    private AssetReturnMatrix(double[][] returns, int assetCount) {
        this.returns = returns;
        this.assetCount = assetCount;
    }

    /** @param assetCount the number of assets each period must give a return for */
    public static AssetReturnMatrix of(double[][] returns, int assetCount) {
        if (returns == null || returns.length == 0) {
            throw new InvalidInputException("returns", "must hold at least one period");
        }
        double[][] copy = new double[returns.length][];
        for (int t = 0; t < returns.length; t++) {
            double[] row = returns[t];
            if (row == null || row.length != assetCount) {
                throw new InvalidInputException("returns", "period " + t + " must give one return per asset (" + assetCount
                        + "), got " + (row == null ? "none" : row.length));
            }
            for (int i = 0; i < assetCount; i++) {
                if (Double.isInfinite(row[i])) {
                    throw new InvalidInputException("returns", "period " + t + ", asset " + i + " is infinite");
                }
            }
            copy[t] = row.clone();
        }
        return new AssetReturnMatrix(copy, assetCount);
    }

    public int periodCount() {
        return returns.length;
    }

    public int assetCount() {
        return assetCount;
    }

    /** The return of {@code asset} in {@code period}, {@code NaN} when missing. */
    public double returnAt(int period, int asset) {
        return returns[period][asset];
    }

    /** The period's row itself, for an immutable holder in this package to share rather than copy. */
    double[] sharedRow(int period) {
        return returns[period];
    }

    /** Whether every one of {@code assets} has a return in {@code period}. */
    public boolean isComplete(int period, int[] assets) {
        for (int asset : assets) {
            if (Double.isNaN(returns[period][asset])) {
                return false;
            }
        }
        return true;
    }
}
