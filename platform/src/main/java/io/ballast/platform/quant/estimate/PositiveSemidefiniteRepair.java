package io.ballast.platform.quant.estimate;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Checking that a symmetric matrix (a covariance) is positive semidefinite, and replacing one
 * that is not by the nearest one that is. Pairwise-complete estimates from histories with gaps
 * can have negative eigenvalues, and a quadratic program over such a matrix has no meaning.
 *
 * <p>The repair sets the negative eigenvalues to 0 and rebuilds {@code V max(L, 0) V^T} from
 * Commons Math's {@link EigenDecomposition}: for a symmetric matrix this is the nearest positive
 * semidefinite matrix in the Frobenius norm (Higham, "Computing a nearest symmetric positive
 * semidefinite matrix", Linear Algebra and its Applications 103, 1988), and PyPortfolioOpt's
 * {@code fix_nonpositive_semidefinite} "spectral" method. It keeps the eigenvectors, not the
 * diagonal: the variances of the assets involved change a little.
 */
public final class PositiveSemidefiniteRepair {

    /**
     * How negative an eigenvalue may be, relative to the largest variance, and still count as 0:
     * rounding in the estimate and in the rebuilt matrix is far smaller, estimation error far larger.
     */
    static final double RELATIVE_TOLERANCE = 1e-10;

    private PositiveSemidefiniteRepair() {
    }

    /**
     * The outcome of {@link #repair}: the matrix, how many negative eigenvalues were set to 0, and
     * the smallest eigenvalue before that (NaN when nothing was repaired: it was not computed).
     */
    public record Outcome(double[][] matrix, int clippedEigenvalues, double smallestEigenvalue) {

        /** Whether the matrix had to change. */
        public boolean repaired() {
            return clippedEigenvalues > 0;
        }
    }

    /**
     * Whether a symmetric matrix is positive semidefinite: no eigenvalue below
     * {@code -1e-10} times its largest diagonal entry. Checked by a Cholesky factorisation of the
     * matrix shifted by that tolerance, which is much cheaper than the eigenvalues.
     */
    public static boolean isPositiveSemidefinite(double[][] symmetric) {
        int n = requireSquare(symmetric);
        double largestDiagonal = 0.0;
        for (int i = 0; i < n; i++) {
            if (!(symmetric[i][i] >= 0)) {
                return false;
            }
            largestDiagonal = Math.max(largestDiagonal, symmetric[i][i]);
        }
        if (largestDiagonal == 0.0) {
            return isZero(symmetric);
        }
        double shift = RELATIVE_TOLERANCE * largestDiagonal;
        double[][] shifted = symmetrised(symmetric);
        for (int i = 0; i < n; i++) {
            shifted[i][i] += shift;
        }
        try {
            new CholeskyDecomposition(new Array2DRowRealMatrix(shifted, false),
                    CholeskyDecomposition.DEFAULT_RELATIVE_SYMMETRY_THRESHOLD, 0.0);
            return true;
        } catch (NonPositiveDefiniteMatrixException e) {
            return false;
        }
    }

    /**
     * The matrix itself when it is positive semidefinite, else the nearest positive semidefinite
     * matrix in the Frobenius norm, with how many eigenvalues were clipped to 0.
     */
    public static Outcome repair(double[][] symmetric) {
        int n = requireSquare(symmetric);
        if (isPositiveSemidefinite(symmetric)) {
            return new Outcome(copy(symmetric), 0, Double.NaN);
        }
        EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(symmetrised(symmetric), false));
        double[] eigenvalues = eigen.getRealEigenvalues();
        RealMatrix vectors = eigen.getV();
        int clipped = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (double eigenvalue : eigenvalues) {
            smallest = Math.min(smallest, eigenvalue);
            if (eigenvalue < 0) {
                clipped++;
            }
        }
        double[][] rebuilt = new double[n][n];
        for (int k = 0; k < n; k++) {
            double eigenvalue = eigenvalues[k];
            if (eigenvalue <= 0) {
                continue;
            }
            double[] v = vectors.getColumn(k);
            for (int i = 0; i < n; i++) {
                double scaled = eigenvalue * v[i];
                for (int j = i; j < n; j++) {
                    rebuilt[i][j] += scaled * v[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                rebuilt[i][j] = rebuilt[j][i];
            }
        }
        return new Outcome(rebuilt, clipped, smallest);
    }

    private static int requireSquare(double[][] matrix) {
        for (double[] row : matrix) {
            if (row.length != matrix.length) {
                throw new IllegalArgumentException("the matrix has a row of " + row.length + " entries and " + matrix.length + " rows");
            }
        }
        return matrix.length;
    }

    private static boolean isZero(double[][] matrix) {
        for (double[] row : matrix) {
            for (double value : row) {
                if (value != 0.0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code (A + A^T) / 2}: exactly symmetric, so the decompositions take their symmetric paths whatever rounding left. */
    private static double[][] symmetrised(double[][] matrix) {
        int n = matrix.length;
        double[][] average = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                average[i][j] = 0.5 * (matrix[i][j] + matrix[j][i]);
            }
        }
        return average;
    }

    private static double[][] copy(double[][] matrix) {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }
}
