package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.ojalgo.structure.Access1D;

/**
 * Solves a {@link QuadraticProgram} with ojAlgo's dense active-set convex solver
 * ({@link ConvexSolver}, {@code DirectASS}), screening the assets first.
 * <p>
 * ojAlgo's active-set solver changes one constraint per iteration at a cost of about n³, so on
 * its own it takes seconds for a long-only portfolio of 500 assets, most of which end at weight 0
 * (11 s measured for minimum volatility). No ojAlgo option closes that gap (the ADMM solver takes
 * 0.2 s and is approximate; see the branch report), so this class solves the program on a working
 * set of assets and leaves the others at rest (at their lower bound, trading nothing), which is
 * exact when no asset at rest would rather move: the Karush-Kuhn-Tucker condition, checked with
 * the full gradient and the subproblem's multipliers. Assets that fail the check join the working
 * set and the subproblem is solved again from the previous solution. The working set only grows, so
 * this ends, at worst with every asset in it, which is the plain ojAlgo solve.
 * <p>
 * The first working set is the assets ojAlgo would keep anyway (those that cannot rest, those the
 * starting point holds) and the {@value #FIRST_WORKING_SET} with the lowest own variance.
 * Only assets with a non-negative lower bound are left at rest: a short book holds nearly every
 * asset, and there a feasible starting point is what keeps ojAlgo fast.
 */
public final class QuadraticProgramSolver {

    /** Assets in the first working set beyond those that must be in it. */
    static final int FIRST_WORKING_SET = 20;
    /** Fewest assets added to the working set in one round. */
    private static final int FEWEST_ADDED = 10;
    /** How far a starting point may be from feasible and still be trusted (ojAlgo trusts it blindly). */
    private static final double START_TOLERANCE = 1e-12;
    /** How far a fixed-at-rest row may be from holding and still count as holding. */
    private static final double ROW_TOLERANCE = 1e-12;
    /** Relative size of a reduced cost below zero that still counts as optimal. */
    private static final double OPTIMALITY_TOLERANCE = 1e-9;
    /** Relative ridge for the convexity check, so that a semidefinite (singular) matrix passes. */
    private static final double CONVEXITY_RIDGE = 1e-10;

    private QuadraticProgramSolver() {
    }

    /**
     * @return the minimising point, one value per variable of the program's constraint system
     * @throws IllegalArgumentException when the constraints cannot be met together, the objective is
     *         not convex, or ojAlgo fails; the message says which
     */
    public static double[] minimise(QuadraticProgram program) {
        return new Screening(program).solve();
    }

    /** The state of one solve: which assets are in the working set. */
    private static final class Screening {

        private final QuadraticProgram program;
        private final ConstraintSystem system;
        private final int assets;
        private final double[] lower;
        private final double[] upper;
        private final boolean[] working;
        private final Integer[] preferenceOrder;
        private int nextPreferred;

        Screening(QuadraticProgram program) {
            this.program = program;
            this.system = program.constraints();
            this.assets = system.assetCount();
            this.lower = system.lowerBounds();
            this.upper = system.upperBounds();
            this.working = new boolean[assets];
            this.preferenceOrder = IntStream.range(0, assets).boxed()
                    .sorted(Comparator.comparingDouble(asset -> program.quadratic(asset, asset)))
                    .toArray(Integer[]::new);
        }

        double[] solve() {
            for (int asset = 0; asset < assets; asset++) {
                working[asset] = !(system.canRest(asset) && lower[asset] >= 0);
            }
            double[] kickStart = program.startingPoint().filter(point -> system.admits(point, START_TOLERANCE))
                    .filter(this::joinWorkingSet).orElse(null);
            addPreferred(FIRST_WORKING_SET);
            int infeasibleRounds = 0;
            while (true) {
                Subproblem subproblem = new Subproblem(this);
                Optional<SubproblemSolution> solution = subproblem.solve(kickStart);
                if (solution.isEmpty()) {
                    if (workingCount() == assets) {
                        throw new InfeasibleProgramException("constraints: no portfolio meets all the constraints together"
                                + " (weight bounds, sector caps, turnover limit and any target)");
                    }
                    // too few assets to meet the constraints at all: widen fast
                    infeasibleRounds++;
                    addPreferred(FIRST_WORKING_SET << infeasibleRounds);
                    kickStart = null;
                    continue;
                }
                double[] x = solution.get().point();
                List<Integer> restless = restlessAssets(solution.get());
                if (restless.isEmpty()) {
                    return x;
                }
                int adding = Math.min(restless.size(), Math.max(FEWEST_ADDED, workingCount() / 2));
                for (int asset : restless.subList(0, adding)) {
                    working[asset] = true;
                }
                kickStart = x;
            }
        }

        /**
         * Puts the assets a starting point holds into the working set, if they are few (a vertex
         * such as the highest-return portfolio) or all must be in it anyway (a short book); a
         * start that holds many assets that could rest would only stop the screening.
         */
        private boolean joinWorkingSet(double[] point) {
            List<Integer> held = IntStream.range(0, assets).filter(asset -> !working[asset] && !atRest(point, asset)).boxed().toList();
            if (held.size() > FIRST_WORKING_SET) {
                return false;
            }
            held.forEach(asset -> working[asset] = true);
            return true;
        }

        private boolean atRest(double[] point, int asset) {
            int trade = system.tradeVariable(asset);
            return point[asset] == lower[asset] && (trade < 0 || point[trade] == 0);
        }

        private void addPreferred(int count) {
            int added = 0;
            while (added < count && nextPreferred < assets) {
                int asset = preferenceOrder[nextPreferred++];
                if (!working[asset]) {
                    working[asset] = true;
                    added++;
                }
            }
        }

        private int workingCount() {
            int count = 0;
            for (boolean in : working) {
                count += in ? 1 : 0;
            }
            return count;
        }

        /**
         * Assets at rest whose reduced cost along the direction they would move (up, with their
         * trade) is negative, most negative first.
         */
        private List<Integer> restlessAssets(SubproblemSolution solution) {
            double[] x = solution.point();
            int m = x.length;
            int[] held = IntStream.range(0, m).filter(i -> x[i] != 0).toArray();
            double scale = 0;
            for (int i = 0; i < m; i++) {
                if (isWorking(i)) {
                    scale = Math.max(scale, Math.abs(gradient(i, x, held)));
                }
            }
            double tolerance = OPTIMALITY_TOLERANCE * Math.max(scale, Double.MIN_NORMAL);
            List<Integer> restless = new ArrayList<>();
            double[] shortfall = new double[assets];
            for (int asset = 0; asset < assets; asset++) {
                if (working[asset] || lower[asset] == upper[asset]) {
                    continue;
                }
                double weightCost = reducedCost(asset, x, held, solution);
                int trade = system.tradeVariable(asset);
                double worst = weightCost;
                if (trade >= 0) {
                    double tradeCost = reducedCost(trade, x, held, solution);
                    worst = Math.min(tradeCost, weightCost + tradeCost);
                }
                if (worst < -tolerance) {
                    restless.add(asset);
                    shortfall[asset] = worst;
                }
            }
            restless.sort(Comparator.comparingDouble(asset -> shortfall[asset]));
            return restless;
        }

        private boolean isWorking(int variable) {
            return working[variable < assets ? variable : variable - assets];
        }

        /** {@code (Qx − c)_i}, summing over the non-zero entries of {@code x} only. */
        private double gradient(int variable, double[] x, int[] held) {
            double[] row = program.quadraticRow(variable);
            double value = -program.linear(variable);
            for (int j : held) {
                value += row[j] * x[j];
            }
            return value;
        }

        /** {@code (Qx − c)_i + Σ λ_k a_ki} over the subproblem's constraints: the bound multiplier variable i would need. */
        private double reducedCost(int variable, double[] x, int[] held, SubproblemSolution solution) {
            double value = gradient(variable, x, held);
            List<LinearConstraint> equalities = system.equalities();
            for (int k = 0; k < equalities.size(); k++) {
                value += solution.equalityMultipliers()[k] * equalities.get(k).coefficient(variable);
            }
            List<LinearConstraint> inequalities = system.inequalities();
            for (int k = 0; k < inequalities.size(); k++) {
                value += solution.inequalityMultipliers()[k] * inequalities.get(k).coefficient(variable);
            }
            return value;
        }
    }

    /**
     * The program restricted to the working set's variables, the other assets fixed at rest: their
     * terms move to the right-hand sides and the linear term, and rows left without a working
     * variable are checked and dropped.
     */
    private static final class Subproblem {

        private final Screening screening;
        private final QuadraticProgram program;
        private final ConstraintSystem system;
        private final int[] variables;
        private final double[] fixed;

        Subproblem(Screening screening) {
            this.screening = screening;
            this.program = screening.program;
            this.system = screening.system;
            int m = system.variableCount();
            this.variables = IntStream.range(0, m).filter(screening::isWorking).toArray();
            this.fixed = new double[m];
            for (int i = 0; i < m; i++) {
                if (!screening.isWorking(i)) {
                    fixed[i] = i < screening.assets ? screening.lower[i] : 0;
                }
            }
        }

        /** Empty when the subproblem has no feasible point. */
        Optional<SubproblemSolution> solve(double[] kickStart) {
            int k = variables.length;
            int[] fixedHeld = IntStream.range(0, fixed.length).filter(i -> fixed[i] != 0).toArray();
            R064Store quadratic = R064Store.FACTORY.make(k, k);
            R064Store linear = R064Store.FACTORY.make(k, 1);
            for (int a = 0; a < k; a++) {
                double[] row = program.quadraticRow(variables[a]);
                for (int b = 0; b < k; b++) {
                    quadratic.set(a, b, row[variables[b]]);
                }
                double shifted = program.linear(variables[a]);
                for (int j : fixedHeld) {
                    shifted -= row[j] * fixed[j];
                }
                linear.set(a, shifted);
            }
            requireConvex(quadratic);
            RowBlock equalities = new RowBlock(system.equalities(), true);
            RowBlock inequalities = new RowBlock(system.inequalities(), false);
            if (equalities.brokenAtRest || inequalities.brokenAtRest) {
                return Optional.empty();
            }
            List<double[]> boundRows = new ArrayList<>();
            List<Double> boundRights = new ArrayList<>();
            for (int a = 0; a < k; a++) {
                int variable = variables[a];
                if (Double.isFinite(screening.lower[variable])) {
                    double[] row = new double[k];
                    row[a] = -1;
                    boundRows.add(row);
                    boundRights.add(-screening.lower[variable]);
                }
                if (Double.isFinite(screening.upper[variable])) {
                    double[] row = new double[k];
                    row[a] = 1;
                    boundRows.add(row);
                    boundRights.add(screening.upper[variable]);
                }
            }
            ConvexSolver.Builder builder = ConvexSolver.newBuilder().objective(quadratic, linear);
            if (equalities.size() > 0) {
                builder.equalities(equalities.matrix(), equalities.rights());
            }
            int inequalityCount = inequalities.size() + boundRows.size();
            if (inequalityCount > 0) {
                R064Store matrix = R064Store.FACTORY.make(inequalityCount, k);
                R064Store rights = R064Store.FACTORY.make(inequalityCount, 1);
                inequalities.copyInto(matrix, rights);
                for (int r = 0; r < boundRows.size(); r++) {
                    for (int a = 0; a < k; a++) {
                        matrix.set(inequalities.size() + r, a, boundRows.get(r)[a]);
                    }
                    rights.set(inequalities.size() + r, boundRights.get(r));
                }
                builder.inequalities(matrix, rights);
            }
            Optimisation.Options options = new Optimisation.Options();
            // dense: DirectASS; the default (iterative Schur complement) measured 2-3 times slower here
            options.sparse = Boolean.FALSE;
            ConvexSolver solver = builder.build(options);
            Optimisation.Result result = kickStart == null ? solver.solve()
                    : solver.solve(Optimisation.Result.of(Optimisation.State.FEASIBLE, restrict(kickStart)));
            Optimisation.State state = result.getState();
            if (state == Optimisation.State.INFEASIBLE) {
                return Optional.empty();
            }
            if (!state.isFeasible()) {
                throw new IllegalArgumentException("the quadratic program solver (ojAlgo) ended " + state
                        + " instead of finding an optimum: the constraints may be contradictory or the estimates ill-conditioned");
            }
            double[] point = fixed.clone();
            for (int a = 0; a < k; a++) {
                point[variables[a]] = result.doubleValue(a);
            }
            Access1D<?> multipliers = result.getMultipliers().orElse(null);
            if (multipliers == null) {
                if (variables.length == fixed.length) {
                    return Optional.of(new SubproblemSolution(point, new double[equalities.all.size()], new double[inequalities.all.size()]));
                }
                throw new IllegalStateException("ojAlgo returned no multipliers, so optimality cannot be checked");
            }
            return Optional.of(new SubproblemSolution(point, equalities.spread(multipliers, 0),
                    inequalities.spread(multipliers, equalities.size())));
        }

        private double[] restrict(double[] point) {
            double[] restricted = new double[variables.length];
            for (int a = 0; a < variables.length; a++) {
                restricted[a] = point[variables[a]];
            }
            return restricted;
        }

        /**
         * ojAlgo assumes a convex objective and does not check it; a covariance that is not
         * positive semidefinite would give a saddle point presented as an optimum.
         */
        private static void requireConvex(R064Store quadratic) {
            int k = (int) quadratic.countRows();
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

        /** The rows of one kind restricted to the working variables, with the ones left empty checked and dropped. */
        private final class RowBlock {

            private final List<LinearConstraint> all;
            private final List<Integer> kept = new ArrayList<>();
            private final List<double[]> rows = new ArrayList<>();
            private final List<Double> rights = new ArrayList<>();
            private boolean brokenAtRest;

            RowBlock(List<LinearConstraint> all, boolean equality) {
                this.all = all;
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
                    rows.add(row);
                    rights.add(right);
                }
            }

            int size() {
                return rows.size();
            }

            R064Store matrix() {
                R064Store matrix = R064Store.FACTORY.make(rows.size(), variables.length);
                copyInto(matrix, R064Store.FACTORY.make(rows.size(), 1));
                return matrix;
            }

            R064Store rights() {
                R064Store column = R064Store.FACTORY.make(rights.size(), 1);
                for (int r = 0; r < rights.size(); r++) {
                    column.set(r, rights.get(r));
                }
                return column;
            }

            void copyInto(R064Store matrix, R064Store column) {
                for (int r = 0; r < rows.size(); r++) {
                    double[] row = rows.get(r);
                    for (int a = 0; a < row.length; a++) {
                        matrix.set(r, a, row[a]);
                    }
                    column.set(r, rights.get(r));
                }
            }

            /** Multipliers of the kept rows (from {@code offset} in ojAlgo's list) in place; 0 for dropped rows. */
            double[] spread(Access1D<?> multipliers, int offset) {
                double[] byRow = new double[all.size()];
                for (int r = 0; r < kept.size(); r++) {
                    byRow[kept.get(r)] = multipliers.doubleValue(offset + r);
                }
                return byRow;
            }
        }
    }

    private record SubproblemSolution(double[] point, double[] equalityMultipliers, double[] inequalityMultipliers) {
    }
}
