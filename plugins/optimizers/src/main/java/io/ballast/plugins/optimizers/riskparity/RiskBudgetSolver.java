package io.ballast.plugins.optimizers.riskparity;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.apache.commons.math3.linear.RealVector;

/**
 * The long-only portfolio whose risk contributions w_i(Σw)_i / w'Σw equal given budgets b_i, as
 * Spinu (2013) finds it: the unique minimiser y > 0 of the convex f(y) = ½ y'Σy − Σ b_i ln y_i
 * satisfies y_i(Σy)_i = b_i, so w = y / Σy.
 *
 * <p>Solved by Newton's method with a backtracking (Armijo) line search that keeps y positive,
 * written here because neither Commons Math nor ojAlgo offers this log-barrier problem directly
 * (their general optimizers neither keep y inside the domain nor reach 1e-12 as surely). The
 * Hessian Σ + diag(b/y²) is positive definite for any covariance, so each Newton step is a
 * Cholesky solve. Iteration stops once the largest relative risk-contribution error
 * |RC_i / b_i − 1| is below {@link #TARGET_ERROR}.
 */
final class RiskBudgetSolver {

    /** The relative risk-contribution error iteration aims for. */
    static final double TARGET_ERROR = 1e-12;
    /**
     * The error accepted when round-off stops progress short of {@link #TARGET_ERROR}: on real
     * covariances (stock_prices.csv's pairwise one) double precision ends near 1e-10.
     */
    static final double ACCEPTED_ERROR = 1e-8;
    private static final int MAX_ITERATIONS = 100;
    private static final int MAX_HALVINGS = 60;
    private static final double ARMIJO_FRACTION = 1e-4;

    private final double[][] covariance;
    private final double[] budgets;
    private final int n;

    private RiskBudgetSolver(double[][] covariance, double[] budgets) {
        this.covariance = covariance;
        this.budgets = budgets;
        this.n = budgets.length;
    }

    /**
     * @param covariance a covariance matrix with positive variances
     * @param budgets    positive risk budgets summing to 1, in the covariance's order
     * @return long-only weights summing to 1 whose risk contributions are the budgets
     * @throws IllegalArgumentException naming {@code estimates.annualCovariance} when it is not a
     *         covariance matrix the problem can be solved for
     */
    static double[] weights(double[][] covariance, double[] budgets) {
        return new RiskBudgetSolver(covariance, budgets).solve();
    }

    private double[] solve() {
        double[] y = start();
        double error = Double.POSITIVE_INFINITY;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] sigmaY = times(y);
            error = riskContributionError(y, sigmaY);
            if (error < TARGET_ERROR) {
                break;
            }
            double[] gradient = new double[n];
            double[][] hessian = new double[n][];
            for (int i = 0; i < n; i++) {
                gradient[i] = sigmaY[i] - budgets[i] / y[i];
                hessian[i] = covariance[i].clone();
                hessian[i][i] += budgets[i] / (y[i] * y[i]);
            }
            double[] step = newtonStep(hessian, gradient);
            double[] next = lineSearch(y, sigmaY, gradient, step);
            if (next == null) {
                break; // no decrease left within round-off
            }
            y = next;
        }
        double[] finalSigmaY = times(y);
        error = riskContributionError(y, finalSigmaY);
        if (!(error < ACCEPTED_ERROR)) {
            throw new IllegalArgumentException("estimates.annualCovariance: risk parity did not converge (largest relative"
                    + " risk-contribution error " + error + "); the covariance may be singular or not a covariance matrix");
        }
        double total = 0;
        for (double value : y) {
            total += value;
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = y[i] / total;
        }
        return weights;
    }

    /** y_i ∝ b_i/σ_i, scaled so y'Σy = Σb = 1, which the solution also satisfies (y'∇f = 0). */
    private double[] start() {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = budgets[i] / Math.sqrt(covariance[i][i]);
        }
        double scale = 1 / Math.sqrt(requirePositive(dot(y, times(y))));
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
        }
        return y;
    }

    private double[] newtonStep(double[][] hessian, double[] gradient) {
        try {
            CholeskyDecomposition cholesky = new CholeskyDecomposition(new Array2DRowRealMatrix(hessian, false),
                    1e-10, CholeskyDecomposition.DEFAULT_ABSOLUTE_POSITIVITY_THRESHOLD);
            RealVector step = cholesky.getSolver().solve(new ArrayRealVector(gradient, false));
            return step.mapMultiply(-1).toArray();
        } catch (NonSymmetricMatrixException e) {
            throw new IllegalArgumentException("estimates.annualCovariance is not symmetric", e);
        } catch (NonPositiveDefiniteMatrixException e) {
            throw new IllegalArgumentException("estimates.annualCovariance is not positive semidefinite", e);
        }
    }

    /** Halves the step until y stays positive and f decreases enough (Armijo); null when no step does. */
    private double[] lineSearch(double[] y, double[] sigmaY, double[] gradient, double[] step) {
        double objective = objective(y, sigmaY);
        double slope = dot(gradient, step);
        double length = 1;
        for (int halving = 0; halving < MAX_HALVINGS; halving++, length /= 2) {
            double[] next = new double[n];
            boolean positive = true;
            for (int i = 0; i < n && positive; i++) {
                next[i] = y[i] + length * step[i];
                positive = next[i] > 0;
            }
            if (positive && objective(next, times(next)) <= objective + ARMIJO_FRACTION * length * slope) {
                return next;
            }
        }
        return null;
    }

    private double objective(double[] y, double[] sigmaY) {
        double value = 0.5 * dot(y, sigmaY);
        for (int i = 0; i < n; i++) {
            value -= budgets[i] * Math.log(y[i]);
        }
        return value;
    }

    /** max_i |RC_i / b_i − 1| with RC_i = y_i(Σy)_i / y'Σy (scale-free, so the same for w). */
    private double riskContributionError(double[] y, double[] sigmaY) {
        double variance = requirePositive(dot(y, sigmaY));
        double worst = 0;
        for (int i = 0; i < n; i++) {
            worst = Math.max(worst, Math.abs(y[i] * sigmaY[i] / variance / budgets[i] - 1));
        }
        return worst;
    }

    /** A long-only portfolio's variance y'Σy, which only a matrix that is no covariance makes zero or negative. */
    private static double requirePositive(double variance) {
        if (!(variance > 0)) {
            throw new IllegalArgumentException("estimates.annualCovariance is not positive definite: a long-only portfolio"
                    + " has variance " + variance);
        }
        return variance;
    }

    private double[] times(double[] vector) {
        double[] product = new double[n];
        for (int i = 0; i < n; i++) {
            product[i] = dot(covariance[i], vector);
        }
        return product;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
