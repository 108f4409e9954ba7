package io.ballast.plugins.optimizers.meanvariance;

import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.structure.Access1D;

/**
 * The Karush-Kuhn-Tucker conditions of a convex quadratic program
 * {@code min ½xᵀQx − cᵀx} subject to {@code Ax = b} and {@code Gx ≤ h}, checked for a point and
 * multipliers: the point meets the constraints, the multipliers of the inequalities are not
 * negative and vanish where an inequality is slack, and {@code Qx − c + Aᵀλ + Gᵀν = 0}. When they
 * hold the point is a global optimum, whoever computed it. Tolerances are relative to the size of
 * the gradient and of the point, and loose enough for any converged solver: they are there to catch
 * a solver that stopped at the wrong point, not to grade its last digits.
 */
final class KarushKuhnTucker {

    private static final double FEASIBILITY = 1e-7;
    private static final double OPTIMALITY = 1e-6;

    private KarushKuhnTucker() {
    }

    /**
     * @param multipliers λ for the equalities, then ν for the inequalities, ojAlgo's order and sign
     */
    static boolean holds(R064Store quadratic, R064Store linear, R064Store equalities, R064Store equalityRights,
            R064Store inequalities, R064Store inequalityRights, double[] x, Access1D<?> multipliers) {
        int k = x.length;
        int equalityCount = (int) equalities.countRows();
        int inequalityCount = (int) inequalities.countRows();
        if (multipliers.count() != equalityCount + inequalityCount) {
            return false;
        }
        double pointScale = Double.MIN_NORMAL;
        for (double value : x) {
            pointScale = Math.max(pointScale, Math.abs(value));
        }
        double[] residual = new double[k];
        double gradientScale = Double.MIN_NORMAL;
        for (int a = 0; a < k; a++) {
            double curvature = 0;
            for (int b = 0; b < k; b++) {
                curvature += quadratic.doubleValue(a, b) * x[b];
            }
            residual[a] = curvature - linear.doubleValue(a);
            gradientScale = Math.max(gradientScale, Math.max(Math.abs(curvature), Math.abs(linear.doubleValue(a))));
        }
        for (int r = 0; r < equalityCount; r++) {
            double multiplier = multipliers.doubleValue(r);
            double value = rowValue(equalities, r, x, residual, multiplier);
            if (Math.abs(value - equalityRights.doubleValue(r)) > FEASIBILITY * (1 + Math.abs(equalityRights.doubleValue(r)))) {
                return false;
            }
        }
        for (int r = 0; r < inequalityCount; r++) {
            double multiplier = multipliers.doubleValue(equalityCount + r);
            double value = rowValue(inequalities, r, x, residual, multiplier);
            double slack = inequalityRights.doubleValue(r) - value;
            if (slack < -FEASIBILITY * (1 + Math.abs(inequalityRights.doubleValue(r)))
                    || multiplier < -OPTIMALITY * gradientScale
                    || Math.abs(multiplier * slack) > OPTIMALITY * gradientScale * pointScale) {
                return false;
            }
        }
        for (double entry : residual) {
            if (Math.abs(entry) > OPTIMALITY * gradientScale) {
                return false;
            }
        }
        return true;
    }

    /** {@code row · x}, adding {@code multiplier × row} to the stationarity residual on the way. */
    private static double rowValue(R064Store matrix, int row, double[] x, double[] residual, double multiplier) {
        double value = 0;
        for (int a = 0; a < x.length; a++) {
            double coefficient = matrix.doubleValue(row, a);
            if (coefficient != 0) {
                value += coefficient * x[a];
                residual[a] += multiplier * coefficient;
            }
        }
        return value;
    }
}
