package io.ballast.plugins.optimizers.meanvariance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.ojalgo.matrix.decomposition.LU;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * Turns an approximate minimiser of {@code ½xᵀQx − cᵀx} subject to {@code Ax = b},
 * {@code Gx ≤ h} and {@code lower ≤ x ≤ upper} into an exact one, as OSQP's solution polishing
 * does: guess from the approximate point which bounds and rows hold with equality, solve the
 * equality-constrained optimality (KKT) system with those exactly, and repair the guess (release a
 * bound or row whose multiplier has the wrong sign, hold one the point breaks) until nothing
 * changes, a primal-dual active-set iteration. The guess from a good approximation is nearly right,
 * so a few rounds do; each costs one dense LU of the free variables and active rows.
 * <p>
 * Written here because ojAlgo has no polishing step for its ADMM solver and its active-set solver
 * changes one constraint per iteration (hundreds of iterations at 500 assets). The KKT matrix is
 * regularised ({@code ±δ} on the diagonal, quasi-definite, so it factors even with dependent active
 * rows or variables without curvature) and the regularisation is removed by iterative refinement.
 * Multipliers follow ojAlgo's sign: {@code Qx − c + Aᵀλ + Gᵀν − μ_lower + μ_upper = 0}.
 */
final class ActiveSetPolish {

    /** Distance to a bound (relative to the point's size) within which the approximate point is taken to be on it. */
    private static final double IDENTIFICATION = 1e-6;
    /** Breach of a bound or row (relative) that the repair corrects. */
    private static final double PRIMAL_REPAIR = 1e-11;
    /** Negative multiplier (relative to the gradient) that the repair releases. */
    private static final double DUAL_REPAIR = 1e-11;
    private static final double REGULARISATION = 1e-9;
    private static final int REFINEMENTS = 4;
    /** Rounds that change every wrong guess at once, before changing one per round. */
    private static final int ALL_AT_ONCE_ROUNDS = 4;
    private static final int ROUNDS = 30;

    private final R064Store quadratic;
    private final R064Store linear;
    private final R064Store equalities;
    private final R064Store equalityRights;
    private final R064Store inequalities;
    private final R064Store inequalityRights;
    private final double[] lower;
    private final double[] upper;
    private final int k;
    private final int equalityCount;
    private final int inequalityCount;

    /**
     * @param inequalities general rows only ({@code Gx ≤ h}); the variable bounds come apart
     */
    ActiveSetPolish(R064Store quadratic, R064Store linear, R064Store equalities, R064Store equalityRights, R064Store inequalities,
            R064Store inequalityRights, double[] lower, double[] upper) {
        this.quadratic = quadratic;
        this.linear = linear;
        this.equalities = equalities;
        this.equalityRights = equalityRights;
        this.inequalities = inequalities;
        this.inequalityRights = inequalityRights;
        this.lower = lower;
        this.upper = upper;
        this.k = lower.length;
        this.equalityCount = (int) equalities.countRows();
        this.inequalityCount = (int) inequalities.countRows();
    }

    /**
     * A point with multipliers meeting the KKT conditions to round-off.
     *
     * @param point                 the minimiser
     * @param equalityMultipliers   λ, one per equality row
     * @param inequalityMultipliers ν, one per general inequality row
     * @param lowerMultipliers      μ of each lower bound (0 where the variable is above it)
     * @param upperMultipliers      μ of each upper bound
     */
    record Polished(double[] point, double[] equalityMultipliers, double[] inequalityMultipliers, double[] lowerMultipliers,
            double[] upperMultipliers) {
    }

    /**
     * @param approximate a point near the minimiser (from ADMM, say)
     * @return the exact minimiser, or empty when the repair does not settle within a few rounds
     * @throws CancellationException when the thread is interrupted (the caller timed out)
     */
    Optional<Polished> polish(double[] approximate) {
        double pointScale = 1;
        for (double value : approximate) {
            pointScale = Math.max(pointScale, Math.abs(value));
        }
        double identification = IDENTIFICATION * pointScale;
        int[] atBound = new int[k]; // −1 at lower, +1 at upper, 0 free
        for (int a = 0; a < k; a++) {
            if (approximate[a] <= lower[a] + identification) {
                atBound[a] = -1;
            } else if (approximate[a] >= upper[a] - identification) {
                atBound[a] = 1;
            }
        }
        boolean[] rowActive = new boolean[inequalityCount];
        for (int r = 0; r < inequalityCount; r++) {
            rowActive[r] = inequalityRights.doubleValue(r) - rowValue(inequalities, r, approximate) <= identification;
        }
        for (int round = 0; round < ROUNDS; round++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the quadratic program solver was interrupted");
            }
            Optional<Polished> solved = solveActive(atBound, rowActive);
            if (solved.isEmpty()) {
                return Optional.empty();
            }
            if (!repair(solved.get(), atBound, rowActive, round < ALL_AT_ONCE_ROUNDS)) {
                return solved;
            }
        }
        return Optional.empty();
    }

    /**
     * Changes the guess where the solution breaks a bound or a multiplier has the wrong sign; whether
     * anything changed. All such changes at once while {@code all} (fast from a good guess), else only
     * the largest (the all-at-once iteration can cycle on degenerate problems; one at a time cannot,
     * as each change lowers the objective or restores feasibility, like an active-set method).
     */
    private boolean repair(Polished solved, int[] atBound, boolean[] rowActive, boolean all) {
        double[] x = solved.point();
        double gradientScale = Double.MIN_NORMAL;
        for (int a = 0; a < k; a++) {
            gradientScale = Math.max(gradientScale, Math.abs(linear.doubleValue(a)));
            double curvature = 0;
            for (int b = 0; b < k; b++) {
                curvature += quadratic.doubleValue(a, b) * x[b];
            }
            gradientScale = Math.max(gradientScale, Math.abs(curvature));
        }
        // a change is a variable's new bound state (index < k) or a row to toggle (index k + r), with its relative size
        List<int[]> changes = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            double below = (lower[a] - x[a]) / (1 + Math.abs(lower[a]));
            double above = (x[a] - upper[a]) / (1 + Math.abs(upper[a]));
            if (atBound[a] == 0 && below > PRIMAL_REPAIR) {
                changes.add(new int[] {a, -1});
                sizes.add(below);
            } else if (atBound[a] == 0 && above > PRIMAL_REPAIR) {
                changes.add(new int[] {a, 1});
                sizes.add(above);
            } else if (atBound[a] != 0) {
                double multiplier = (atBound[a] < 0 ? solved.lowerMultipliers()[a] : solved.upperMultipliers()[a]) / gradientScale;
                if (multiplier < -DUAL_REPAIR) {
                    changes.add(new int[] {a, 0});
                    sizes.add(-multiplier);
                }
            }
        }
        for (int r = 0; r < inequalityCount; r++) {
            double right = inequalityRights.doubleValue(r);
            double breach = rowActive[r] ? -solved.inequalityMultipliers()[r] / gradientScale
                    : (rowValue(inequalities, r, x) - right) / (1 + Math.abs(right));
            if (breach > (rowActive[r] ? DUAL_REPAIR : PRIMAL_REPAIR)) {
                changes.add(new int[] {k + r, 0});
                sizes.add(breach);
            }
        }
        if (!all && changes.size() > 1) {
            int largest = 0;
            for (int c = 1; c < changes.size(); c++) {
                largest = sizes.get(c) > sizes.get(largest) ? c : largest;
            }
            changes = List.of(changes.get(largest));
        }
        for (int[] change : changes) {
            if (change[0] < k) {
                atBound[change[0]] = change[1];
            } else {
                rowActive[change[0] - k] ^= true;
            }
        }
        return !changes.isEmpty();
    }

    /** Minimises with the guessed bounds and rows held as equalities: one KKT solve over the free variables. */
    private Optional<Polished> solveActive(int[] atBound, boolean[] rowActive) {
        int[] free = java.util.stream.IntStream.range(0, k).filter(a -> atBound[a] == 0).toArray();
        int[] active = java.util.stream.IntStream.range(0, inequalityCount).filter(r -> rowActive[r]).toArray();
        double[] x = new double[k];
        for (int a = 0; a < k; a++) {
            x[a] = atBound[a] < 0 ? lower[a] : atBound[a] > 0 ? upper[a] : 0;
        }
        int f = free.length;
        int size = f + equalityCount + active.length;
        R064Store exact = R064Store.FACTORY.make(size, size);
        R064Store right = R064Store.FACTORY.make(size, 1);
        for (int p = 0; p < f; p++) {
            int a = free[p];
            for (int q = 0; q < f; q++) {
                exact.set(p, q, quadratic.doubleValue(a, free[q]));
            }
            double value = linear.doubleValue(a);
            for (int b = 0; b < k; b++) {
                if (atBound[b] != 0) {
                    value -= quadratic.doubleValue(a, b) * x[b];
                }
            }
            right.set(p, value);
        }
        for (int e = 0; e < equalityCount; e++) {
            fillRow(exact, right, f + e, free, equalities, e, equalityRights.doubleValue(e), x, atBound);
        }
        for (int r = 0; r < active.length; r++) {
            fillRow(exact, right, f + equalityCount + r, free, inequalities, active[r], inequalityRights.doubleValue(active[r]), x, atBound);
        }
        R064Store regularised = exact.copy();
        double scale = Double.MIN_NORMAL;
        for (int p = 0; p < f; p++) {
            scale = Math.max(scale, Math.abs(exact.doubleValue(p, p)));
        }
        for (int p = 0; p < size; p++) {
            regularised.add(p, p, (p < f ? 1 : -1) * REGULARISATION * scale);
        }
        LU<Double> lu = LU.R064.make(regularised);
        if (!lu.decompose(regularised) || !lu.isSolvable()) {
            return Optional.empty();
        }
        R064Store solution = R064Store.FACTORY.make(size, 1);
        for (int refinement = 0; refinement <= REFINEMENTS; refinement++) {
            // residual of the exact (unregularised) system, corrected through the regularised factors
            R064Store residual = right.copy();
            MatrixStore<Double> product = exact.multiply(solution);
            for (int p = 0; p < size; p++) {
                residual.add(p, -product.doubleValue(p));
            }
            MatrixStore<Double> step = lu.getSolution(residual);
            for (int p = 0; p < size; p++) {
                solution.add(p, step.doubleValue(p));
            }
        }
        for (int p = 0; p < size; p++) {
            if (!Double.isFinite(solution.doubleValue(p))) {
                return Optional.empty();
            }
        }
        for (int p = 0; p < f; p++) {
            x[free[p]] = solution.doubleValue(p);
        }
        double[] equalityMultipliers = new double[equalityCount];
        for (int e = 0; e < equalityCount; e++) {
            equalityMultipliers[e] = solution.doubleValue(f + e);
        }
        double[] inequalityMultipliers = new double[inequalityCount];
        for (int r = 0; r < active.length; r++) {
            inequalityMultipliers[active[r]] = solution.doubleValue(f + equalityCount + r);
        }
        return Optional.of(boundMultipliers(x, equalityMultipliers, inequalityMultipliers, atBound));
    }

    /** Row {@code row} of {@code matrix} over the free variables into the KKT system, its transpose too, the fixed part moved right. */
    private void fillRow(R064Store exact, R064Store right, int at, int[] free, R064Store matrix, int row, double bound, double[] x,
            int[] atBound) {
        for (int p = 0; p < free.length; p++) {
            double coefficient = matrix.doubleValue(row, free[p]);
            exact.set(at, p, coefficient);
            exact.set(p, at, coefficient);
        }
        double value = bound;
        for (int b = 0; b < k; b++) {
            if (atBound[b] != 0) {
                value -= matrix.doubleValue(row, b) * x[b];
            }
        }
        right.set(at, value);
    }

    /** The bound multipliers that make the gradient of the Lagrangian vanish at the fixed variables. */
    private Polished boundMultipliers(double[] x, double[] equalityMultipliers, double[] inequalityMultipliers, int[] atBound) {
        double[] lowerMultipliers = new double[k];
        double[] upperMultipliers = new double[k];
        for (int a = 0; a < k; a++) {
            if (atBound[a] == 0) {
                continue;
            }
            double stationarity = -linear.doubleValue(a);
            for (int b = 0; b < k; b++) {
                stationarity += quadratic.doubleValue(a, b) * x[b];
            }
            for (int e = 0; e < equalityCount; e++) {
                stationarity += equalityMultipliers[e] * equalities.doubleValue(e, a);
            }
            for (int r = 0; r < inequalityCount; r++) {
                if (inequalityMultipliers[r] != 0) {
                    stationarity += inequalityMultipliers[r] * inequalities.doubleValue(r, a);
                }
            }
            if (atBound[a] < 0) {
                lowerMultipliers[a] = stationarity;
            } else {
                upperMultipliers[a] = -stationarity;
            }
        }
        return new Polished(x, equalityMultipliers, inequalityMultipliers, lowerMultipliers, upperMultipliers);
    }

    private static double rowValue(R064Store matrix, int row, double[] x) {
        double value = 0;
        for (int a = 0; a < x.length; a++) {
            value += matrix.doubleValue(row, a) * x[a];
        }
        return value;
    }
}
