package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;
import java.util.stream.IntStream;

/**
 * Returns less each asset's mean over its own returns, as rows of periods, with 0 where a
 * return is missing so that cross products skip it; {@code presence} is 1 where a return exists
 * and 0 where not, and is {@code null} when none is missing (the fast path needs no mask).
 */
record CentredReturns(double[][] values, double[][] presence, double[] means) {

    static CentredReturns of(ReturnSeries returns) {
        int periods = returns.periodCount();
        int assets = returns.assetCount();
        double[] sums = new double[assets];
        int[] counts = new int[assets];
        boolean complete = true;
        for (int p = 0; p < periods; p++) {
            for (int a = 0; a < assets; a++) {
                double value = returns.returnAt(p, a);
                if (Double.isNaN(value)) {
                    complete = false;
                } else {
                    sums[a] += value;
                    counts[a]++;
                }
            }
        }
        double[] means = new double[assets];
        for (int a = 0; a < assets; a++) {
            means[a] = sums[a] / counts[a];
        }
        double[][] values = new double[periods][];
        double[][] presence = complete ? null : new double[periods][assets];
        for (int p = 0; p < periods; p++) {
            double[] row = returns.periodReturns(p);
            for (int a = 0; a < assets; a++) {
                if (Double.isNaN(row[a])) {
                    row[a] = 0.0;
                } else {
                    row[a] -= means[a];
                    if (presence != null) {
                        presence[p][a] = 1.0;
                    }
                }
            }
            values[p] = row;
        }
        return new CentredReturns(values, presence, means);
    }

    boolean isComplete() {
        return presence == null;
    }

    /** The assets with at least one missing return, ascending. */
    int[] incompleteAssets() {
        boolean[] incomplete = new boolean[means.length];
        if (presence != null) {
            for (double[] row : presence) {
                for (int a = 0; a < row.length; a++) {
                    incomplete[a] |= row[a] == 0.0;
                }
            }
        }
        return IntStream.range(0, means.length).filter(a -> incomplete[a]).toArray();
    }

    /** The presence mask of some assets only, rows of periods. */
    double[][] presenceOf(int[] assets) {
        double[][] subset = new double[values.length][assets.length];
        for (int p = 0; p < values.length; p++) {
            for (int k = 0; k < assets.length; k++) {
                subset[p][k] = presence == null ? 1.0 : presence[p][assets[k]];
            }
        }
        return subset;
    }
}
