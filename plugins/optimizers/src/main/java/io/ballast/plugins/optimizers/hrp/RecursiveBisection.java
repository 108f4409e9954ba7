package io.ballast.plugins.optimizers.hrp;

/**
 * López de Prado's (2016) recursive bisection, as PyPortfolioOpt's {@code HRPOpt} runs it: the
 * assets in quasi-diagonal order are split into a first and a second half (the first takes the
 * smaller half when the count is odd), each half is valued by the variance of its own
 * inverse-variance portfolio, the halves share their parent's weight in inverse proportion to
 * those variances, and each half is split again down to single assets.
 */
final class RecursiveBisection {

    private final double[][] covariance;
    private final int[] order;
    private final double[] weights;

    private RecursiveBisection(double[][] covariance, int[] order) {
        this.covariance = covariance;
        this.order = order;
        this.weights = new double[covariance.length];
    }

    /**
     * @param covariance the covariance matrix (any scale: the weights do not depend on it)
     * @param order      the assets' indices in quasi-diagonal order, each exactly once
     * @return the weights by asset index, positive and summing to 1
     */
    static double[] weights(double[][] covariance, int[] order) {
        RecursiveBisection bisection = new RecursiveBisection(covariance, order);
        for (int asset : order) {
            bisection.weights[asset] = 1.0;
        }
        bisection.split(0, order.length);
        return bisection.weights;
    }

    private void split(int from, int to) {
        if (to - from < 2) {
            return;
        }
        int middle = from + (to - from) / 2;
        double firstVariance = clusterVariance(from, middle);
        double secondVariance = clusterVariance(middle, to);
        double firstShare = 1 - firstVariance / (firstVariance + secondVariance);
        scale(from, middle, firstShare);
        scale(middle, to, 1 - firstShare);
        split(from, middle);
        split(middle, to);
    }

    private void scale(int from, int to, double factor) {
        for (int position = from; position < to; position++) {
            weights[order[position]] *= factor;
        }
    }

    /** The variance of the inverse-variance portfolio of the assets at positions [from, to) of the order. */
    private double clusterVariance(int from, int to) {
        int count = to - from;
        double[] inverseVariance = new double[count];
        double total = 0;
        for (int a = 0; a < count; a++) {
            int asset = order[from + a];
            inverseVariance[a] = 1.0 / covariance[asset][asset];
            total += inverseVariance[a];
        }
        double variance = 0;
        for (int a = 0; a < count; a++) {
            double[] row = covariance[order[from + a]];
            double rowSum = 0;
            for (int b = 0; b < count; b++) {
                rowSum += row[order[from + b]] * inverseVariance[b];
            }
            variance += inverseVariance[a] * rowSum;
        }
        return variance / (total * total);
    }

    /** The variance of the inverse-variance portfolio of {@code assets} (indices into the covariance). */
    static double clusterVariance(double[][] covariance, int[] assets) {
        return new RecursiveBisection(covariance, assets).clusterVariance(0, assets.length);
    }
}
