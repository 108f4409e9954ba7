package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.ojalgo.structure.Access1D;

/**
 * A {@link QuadraticProgram} restricted to some of its variables, the others fixed: their terms
 * move to the right-hand sides and the linear term, rows left without a free variable are checked
 * and dropped, and variable bounds become inequality rows. Solved with ojAlgo's dense active-set
 * solver ({@code DirectASS}), and if that does not end in a {@linkplain KarushKuhnTucker certified}
 * optimum, with its iterative-Schur-complement variant ({@code IterativeASS}).
 * <p>
 * ojAlgo's active-set solver can stall on degenerate vertices (several constraints active where
 * fewer would do, as sector caps and trade rows make) and report the stalled point as feasible or
 * even optimal; measured on a turnover-limited problem it returned a variance 25% above the
 * optimum as OPTIMAL. So no answer is taken on ojAlgo's word: each is checked against the
 * optimality conditions, with the multipliers ojAlgo returns.
 */
final class RestrictedProgram {

    /** How far a row left without free variables may be from holding and still count as holding. */
    private static final double ROW_TOLERANCE = 1e-12;
    /** Relative ridge for the convexity check, so that a semidefinite (singular) matrix passes. */
    private static final double CONVEXITY_RIDGE = 1e-10;
    /** Active-set iterations allowed per variable and row before the attempt counts as stalled. */
    private static final int ITERATIONS_PER_DIMENSION = 2;

    private final int[] variables;
    private final double[] fixed;
    private final R064Store quadratic;
    private final R064Store linear;
    private final Rows equalities;
    private final Rows inequalities;
    private final int boundRowCount;
    private final R064Store inequalityMatrix;
    private final R064Store inequalityRights;
    private final boolean brokenAtRest;
    private final double[] restrictedLower;
    private final double[] restrictedUpper;

    /**
     * @param free   whether each variable of the program is free (solved for) or fixed
     * @param fixed  the value of each fixed variable (ignored for free ones)
     */
    RestrictedProgram(QuadraticProgram program, boolean[] free, double[] fixed) {
        ConstraintSystem system = program.constraints();
        int m = system.variableCount();
        this.variables = IntStream.range(0, m).filter(i -> free[i]).toArray();
        this.fixed = new double[m];
        for (int i = 0; i < m; i++) {
            this.fixed[i] = free[i] ? 0 : fixed[i];
        }
        int k = variables.length;
        int[] fixedHeld = IntStream.range(0, m).filter(i -> this.fixed[i] != 0).toArray();
        quadratic = R064Store.FACTORY.make(k, k);
        linear = R064Store.FACTORY.make(k, 1);
        for (int a = 0; a < k; a++) {
            double[] row = program.quadraticRow(variables[a]);
            for (int b = 0; b < k; b++) {
                quadratic.set(a, b, row[variables[b]]);
            }
            double shifted = program.linear(variables[a]);
            for (int j : fixedHeld) {
                shifted -= row[j] * this.fixed[j];
            }
            linear.set(a, shifted);
        }
        equalities = new Rows(system.equalities(), true);
        inequalities = new Rows(system.inequalities(), false);
        brokenAtRest = equalities.brokenAtRest || inequalities.brokenAtRest;
        double[] lower = system.lowerBounds();
        double[] upper = system.upperBounds();
        List<double[]> boundRows = new ArrayList<>();
        List<Double> boundRights = new ArrayList<>();
        restrictedLower = new double[k];
        restrictedUpper = new double[k];
        for (int a = 0; a < k; a++) {
            restrictedLower[a] = lower[variables[a]];
            restrictedUpper[a] = upper[variables[a]];
            if (Double.isFinite(lower[variables[a]])) {
                double[] row = new double[k];
                row[a] = -1;
                boundRows.add(row);
                boundRights.add(-lower[variables[a]]);
            }
            if (Double.isFinite(upper[variables[a]])) {
                double[] row = new double[k];
                row[a] = 1;
                boundRows.add(row);
                boundRights.add(upper[variables[a]]);
            }
        }
        boundRowCount = boundRows.size();
        int rows = inequalities.size() + boundRowCount;
        inequalityMatrix = R064Store.FACTORY.make(rows, k);
        inequalityRights = R064Store.FACTORY.make(rows, 1);
        inequalities.copyInto(inequalityMatrix, inequalityRights);
        for (int r = 0; r < boundRowCount; r++) {
            for (int a = 0; a < k; a++) {
                inequalityMatrix.set(inequalities.size() + r, a, boundRows.get(r)[a]);
            }
            inequalityRights.set(inequalities.size() + r, boundRights.get(r));
        }
    }

    /**
     * @param kickStart  a point of the whole program that meets its constraints, with the fixed
     *                   variables at their fixed values; null to let ojAlgo find its own start
     * @param directFirst whether to try {@code DirectASS} before {@code IterativeASS}; a caller whose
     *                   earlier attempts stalled in it can skip it
     * @return the certified optimum, or empty when the restricted program has no feasible point
     * @throws IllegalArgumentException when the objective is not convex or ojAlgo finds no certified optimum
     */
    Optional<Solution> solve(double[] kickStart, boolean directFirst) {
        if (brokenAtRest) {
            return Optional.empty();
        }
        requireConvex();
        List<Optimisation.State> states = new ArrayList<>();
        boolean infeasible = true;
        for (boolean iterative : directFirst ? new boolean[] {false, true} : new boolean[] {true}) {
            Optimisation.Result result = run(iterative, kickStart);
            states.add(result.getState());
            if (result.getState() == Optimisation.State.INFEASIBLE) {
                continue;
            }
            infeasible = false;
            Optional<Solution> certified = certified(result, directFirst && iterative);
            if (certified.isPresent()) {
                return certified;
            }
        }
        if (infeasible) {
            return Optional.empty();
        }
        throw new IllegalArgumentException("the quadratic program solver (ojAlgo) found no optimum it could certify (it ended "
                + states + "): the constraints may be degenerate or the estimates ill-conditioned");
    }

    private Optimisation.Result run(boolean iterative, double[] kickStart) {
        Optimisation.Options options = new Optimisation.Options();
        // dense DirectASS first: 2 to 3 times faster than IterativeASS on these problems (measured)
        options.sparse = iterative;
        options.iterations_abort = ITERATIONS_PER_DIMENSION * (variables.length + (int) inequalityMatrix.countRows()) + 100;
        ConvexSolver solver = builder().build(options);
        return kickStart == null ? solver.solve() : solver.solve(Optimisation.Result.of(Optimisation.State.FEASIBLE, restrict(kickStart)));
    }

    private ConvexSolver.Builder builder() {
        ConvexSolver.Builder builder = ConvexSolver.newBuilder().objective(quadratic, linear);
        if (equalities.size() > 0) {
            builder.equalities(equalityMatrix(), equalityRights());
        }
        if (inequalityMatrix.countRows() > 0) {
            builder.inequalities(inequalityMatrix, inequalityRights);
        }
        return builder;
    }

    /**
     * The optimum found by {@linkplain ActiveSetPolish polishing} an approximate one from ojAlgo's
     * ADMM solver (alternating directions: each iteration one solve with a fixed factorisation, so
     * its cost does not grow with the number of constraints that end up active, unlike the
     * active-set solver's), then {@linkplain KarushKuhnTucker certified}.
     *
     * @return the certified optimum, or empty when ADMM or the polishing fails or the result is not certified
     * @throws IllegalArgumentException when the objective is not convex
     */
    Optional<Solution> polished() {
        if (brokenAtRest) {
            return Optional.empty();
        }
        requireConvex();
        Optimisation.Options options = new Optimisation.Options();
        options.convex().algorithm(ConvexSolver.Algorithm.ADMM);
        // ojAlgo's experimental ADMM path: 25 times faster here than the default one (1.1 s against 0.04 s at 150 assets, measured)
        options.experimental = true;
        Optimisation.Result approximate = builder().build(options).solve();
        int k = variables.length;
        double[] start = new double[k];
        for (int a = 0; a < k; a++) {
            start[a] = approximate.doubleValue(a);
            if (!Double.isFinite(start[a])) {
                return Optional.empty();
            }
        }
        int general = inequalities.size();
        R064Store generalMatrix = R064Store.FACTORY.make(general, k);
        R064Store generalRights = R064Store.FACTORY.make(general, 1);
        inequalities.copyInto(generalMatrix, generalRights);
        return new ActiveSetPolish(quadratic, linear, equalityMatrix(), equalityRights(), generalMatrix, generalRights, restrictedLower,
                restrictedUpper).polish(start).flatMap(polished -> certified(polished.point(), ojAlgoMultipliers(polished), false));
    }

    /** The polished multipliers in ojAlgo's order: equalities, general inequalities, then each variable's lower and upper bound rows. */
    private Access1D<Double> ojAlgoMultipliers(ActiveSetPolish.Polished polished) {
        double[] all = new double[equalities.size() + (int) inequalityMatrix.countRows()];
        System.arraycopy(polished.equalityMultipliers(), 0, all, 0, equalities.size());
        System.arraycopy(polished.inequalityMultipliers(), 0, all, equalities.size(), inequalities.size());
        int at = equalities.size() + inequalities.size();
        for (int a = 0; a < variables.length; a++) {
            if (Double.isFinite(restrictedLower[a])) {
                all[at++] = polished.lowerMultipliers()[a];
            }
            if (Double.isFinite(restrictedUpper[a])) {
                all[at++] = polished.upperMultipliers()[a];
            }
        }
        return Access1D.wrap(all);
    }

    private R064Store equalityMatrix() {
        R064Store matrix = R064Store.FACTORY.make(equalities.size(), variables.length);
        equalities.copyInto(matrix, R064Store.FACTORY.make(equalities.size(), 1));
        return matrix;
    }

    private R064Store equalityRights() {
        R064Store rights = R064Store.FACTORY.make(equalities.size(), 1);
        equalities.copyInto(R064Store.FACTORY.make(equalities.size(), variables.length), rights);
        return rights;
    }

    private Optional<Solution> certified(Optimisation.Result result, boolean directStalled) {
        Access1D<?> multipliers = result.getMultipliers().orElse(null);
        if (multipliers == null || !result.getState().isFeasible()) {
            return Optional.empty();
        }
        double[] x = new double[variables.length];
        for (int a = 0; a < x.length; a++) {
            x[a] = result.doubleValue(a);
        }
        return certified(x, multipliers, directStalled);
    }

    private Optional<Solution> certified(double[] x, Access1D<?> multipliers, boolean directStalled) {
        if (!KarushKuhnTucker.holds(quadratic, linear, equalityMatrix(), equalityRights(), inequalityMatrix, inequalityRights, x, multipliers)) {
            return Optional.empty();
        }
        double[] point = fixed.clone();
        for (int a = 0; a < x.length; a++) {
            point[variables[a]] = x[a];
        }
        return Optional.of(new Solution(point, equalities.byRow(multipliers, 0), inequalities.byRow(multipliers, equalities.size()),
                directStalled));
    }

    private double[] restrict(double[] point) {
        double[] restricted = new double[variables.length];
        for (int a = 0; a < variables.length; a++) {
            restricted[a] = point[variables[a]];
        }
        return restricted;
    }

    /**
     * ojAlgo assumes a convex objective and does not check it; a covariance that is not positive
     * semidefinite would give a saddle point presented as an optimum.
     */
    private void requireConvex() {
        int k = variables.length;
        double largest = 0;
        for (int a = 0; a < k; a++) {
            largest = Math.max(largest, Math.abs(quadratic.doubleValue(a, a)));
        }
        R064Store ridged = quadratic.copy();
        for (int a = 0; a < k; a++) {
            ridged.add(a, a, CONVEXITY_RIDGE * Math.max(largest, Double.MIN_NORMAL));
        }
        Cholesky<Double> cholesky = Cholesky.R064.make(ridged);
        if (!cholesky.decompose(ridged) || !cholesky.isSPD()) {
            throw new IllegalArgumentException("estimates.annualCovariance is not positive semidefinite, so the quadratic"
                    + " program is not convex and has no reliable optimum; repair the covariance (nearest positive"
                    + " semidefinite matrix) before optimizing");
        }
    }

    /**
     * A certified optimum.
     *
     * @param point                 every variable of the program, the fixed ones at their values
     * @param equalityMultipliers   the multiplier of each equality of the program's system, 0 for dropped rows
     * @param inequalityMultipliers the multiplier of each inequality of the program's system, 0 for dropped rows
     * @param directStalled         whether {@code DirectASS} was tried and did not give it
     */
    record Solution(double[] point, double[] equalityMultipliers, double[] inequalityMultipliers, boolean directStalled) {
    }

    /** The rows of one kind restricted to the free variables, with the ones left empty checked and dropped. */
    private final class Rows {

        private final int total;
        private final List<Integer> kept = new ArrayList<>();
        private final List<double[]> coefficients = new ArrayList<>();
        private final List<Double> rights = new ArrayList<>();
        private boolean brokenAtRest;

        Rows(List<LinearConstraint> all, boolean equality) {
            this.total = all.size();
            for (int index = 0; index < all.size(); index++) {
                LinearConstraint constraint = all.get(index);
                double right = constraint.bound() - constraint.valueAt(fixed);
                double[] row = new double[variables.length];
                boolean empty = true;
                for (int a = 0; a < variables.length; a++) {
                    row[a] = constraint.coefficient(variables[a]);
                    empty &= row[a] == 0;
                }
                if (empty) {
                    brokenAtRest |= equality ? Math.abs(right) > ROW_TOLERANCE : right < -ROW_TOLERANCE;
                    continue;
                }
                kept.add(index);
                coefficients.add(row);
                rights.add(right);
            }
        }

        int size() {
            return coefficients.size();
        }

        void copyInto(R064Store matrix, R064Store column) {
            for (int r = 0; r < coefficients.size(); r++) {
                double[] row = coefficients.get(r);
                for (int a = 0; a < row.length; a++) {
                    matrix.set(r, a, row[a]);
                }
                column.set(r, rights.get(r));
            }
        }

        /** Multipliers of the kept rows (from {@code offset} in ojAlgo's list) in the system's order; 0 for dropped rows. */
        double[] byRow(Access1D<?> multipliers, int offset) {
            double[] byRow = new double[total];
            for (int r = 0; r < kept.size(); r++) {
                byRow[kept.get(r)] = multipliers.doubleValue(offset + r);
            }
            return byRow;
        }
    }
}
