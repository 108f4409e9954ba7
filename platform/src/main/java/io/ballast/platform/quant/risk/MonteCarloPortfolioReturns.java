package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RectangularCholeskyDecomposition;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One-period portfolio returns simulated from a multivariate normal model of the held assets'
 * returns, for Monte Carlo VaR and ES (read the sample with {@link EmpiricalTailLoss}).
 *
 * <p>Model: asset returns {@code R ~ N(mu, Sigma)} with {@code mu} the arithmetic mean and
 * {@code Sigma} the sample (n - 1) covariance of the periodic returns over the periods every held
 * asset has a return ({@link HeldAssetReturns}). Each path draws {@code z}, a vector of {@code k}
 * independent standard normals, and sets {@code R = mu + B z} where {@code B B' = Sigma} is the root
 * from Commons Math's pivoted {@link RectangularCholeskyDecomposition} ({@code k} the numerical rank
 * of {@code Sigma}, so singular matrices, e.g. more assets than periods, work too). Only the
 * portfolio return is kept, computed as {@code w.R = w.mu + (B'w).z}: the same number as the full
 * path, with {@code O(k)} work per path instead of {@code O(n k)}.
 *
 * <p>Reproducible: paths are drawn in blocks of {@value #PATHS_PER_BLOCK}, block {@code b} from its
 * own Commons Math {@link MersenneTwister} seeded with {@code (seed, b)}. Blocks run in parallel and
 * each fills its own slice, so the sample depends only on the inputs, the seed and the path count.
 */
public final class MonteCarloPortfolioReturns {

    /** Upper bound on paths, about 80 MB of results. */
    public static final int MAXIMUM_PATHS = 10_000_000;
    static final int PATHS_PER_BLOCK = 8192;
    /** Cholesky pivots below this fraction of the largest variance count as zero (rank deficiency). */
    private static final double RELATIVE_PIVOT_THRESHOLD = 1e-12;

    private MonteCarloPortfolioReturns() {
    }

    public static double[] simulate(List<String> assets, double[][] returns, double[] weights, int paths, long seed) {
        return simulate(HeldAssetReturns.of(assets, returns, weights), paths, seed);
    }

    public static double[] simulate(HeldAssetReturns held, int paths, long seed) {
        checkPaths(paths);
        double[] weights = held.weights();
        double[] means = held.meanReturns();
        double portfolioMean = 0;
        for (int i = 0; i < weights.length; i++) {
            portfolioMean += weights[i] * means[i];
        }
        double[] loadings = factorLoadings(held.periodicCovariance(), weights);
        double[] simulated = new double[paths];
        int blocks = (paths + PATHS_PER_BLOCK - 1) / PATHS_PER_BLOCK;
        double mean = portfolioMean;
        IntStream.range(0, blocks).parallel().forEach(block -> {
            RandomGenerator generator = new MersenneTwister(new int[] {(int) seed, (int) (seed >>> 32), block});
            int end = Math.min(paths, (block + 1) * PATHS_PER_BLOCK);
            for (int path = block * PATHS_PER_BLOCK; path < end; path++) {
                double deviation = 0;
                for (double loading : loadings) {
                    deviation += loading * generator.nextGaussian();
                }
                simulated[path] = mean + deviation;
            }
        });
        return simulated;
    }

    /** Rejects a path count outside [1, {@value #MAXIMUM_PATHS}] naming the field {@code monteCarloPaths}. */
    public static int checkPaths(int paths) {
        if (paths < 1 || paths > MAXIMUM_PATHS) {
            throw new InvalidInputException("monteCarloPaths", "must lie between 1 and " + MAXIMUM_PATHS + ", got " + paths);
        }
        return paths;
    }

    /** {@code B'w}: the portfolio's exposure to each independent normal factor. Empty when nothing varies. */
    private static double[] factorLoadings(RealMatrix covariance, double[] weights) {
        double largestVariance = 0;
        for (int i = 0; i < weights.length; i++) {
            largestVariance = Math.max(largestVariance, covariance.getEntry(i, i));
        }
        if (largestVariance == 0) {
            return new double[0];
        }
        RealMatrix root = new RectangularCholeskyDecomposition(covariance, largestVariance * RELATIVE_PIVOT_THRESHOLD).getRootMatrix();
        return root.preMultiply(weights);
    }
}
