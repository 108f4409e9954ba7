package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

/**
 * Solves a {@link QuadraticProgram} with ojAlgo's active-set convex solver, screening the assets
 * first.
 * <p>
 * ojAlgo's active-set solver changes one constraint per iteration at a cost of about n³, so on
 * its own it takes seconds for a long-only portfolio of 500 assets, most of which end at weight 0
 * (11 s measured for minimum volatility). So this class solves the program on a working set of
 * assets ({@link RestrictedProgram}) and leaves the others at rest (at their lower bound, trading
 * nothing). That is exact when no asset at rest would rather move: the Karush-Kuhn-Tucker
 * condition, checked with the full gradient and the restricted program's multipliers. Assets that
 * fail the check join the working set and the program is solved again from the previous solution.
 * The working set only grows, so this ends, at worst with every asset in it, which is the plain
 * ojAlgo solve.
 * <p>
 * When many assets must be held (a binding cap: at least 1/cap of them) the screening cannot keep
 * the working set small and the active-set solver takes a minute at 500 assets (measured). Once the
 * working set has grown past {@value #POLISH_ABOVE}, the whole program is solved approximately by
 * ojAlgo's ADMM and made exact by {@link ActiveSetPolish} (certified like any other answer); only
 * if that fails does the active-set path go on.
 * <p>
 * The first working set is the assets that cannot rest, those a small starting point holds, and
 * the {@value #FIRST_WORKING_SET} with the lowest own variance. Only assets with a non-negative
 * lower bound are left at rest: a short book holds nearly every asset, and there a feasible
 * starting point is what keeps ojAlgo fast (the program's own, or else the constraint system's
 * {@linkplain ConstraintSystem#spreadPoint() spread point}): from its own start ojAlgo took 27 s
 * for minimum volatility of 500 assets with shorts, from the spread point 0.05 s.
 */
public final class QuadraticProgramSolver {

    /** Assets in the first working set beyond those that must be in it. */
    static final int FIRST_WORKING_SET = 20;
    /** Fewest assets added to the working set in one round. */
    private static final int FEWEST_ADDED = 10;
    /** How far a starting point may be from feasible and still be trusted (ojAlgo trusts it blindly). */
    private static final double START_TOLERANCE = 1e-12;
    /** Relative size of a negative reduced cost that still counts as optimal. */
    private static final double OPTIMALITY_TOLERANCE = 1e-9;
    /** Working sets larger than this are solved by ADMM and polishing first, as the active-set solver's time grows with them. */
    static final int POLISH_ABOVE = 80;

    private final QuadraticProgram program;
    private final ConstraintSystem system;
    private final int assets;
    private final double[] lower;
    private final double[] upper;
    private final boolean[] working;
    private final Integer[] preferenceOrder;
    private int nextPreferred;

    private QuadraticProgramSolver(QuadraticProgram program) {
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

    /**
     * @return the minimising point, one value per variable of the program's constraint system
     * @throws InfeasibleProgramException when no point meets the constraints together
     * @throws IllegalArgumentException   when the objective is not convex or ojAlgo finds no certified optimum
     */
    public static double[] minimise(QuadraticProgram program) {
        return new QuadraticProgramSolver(program).solve();
    }

    private double[] solve() {
        for (int asset = 0; asset < assets; asset++) {
            working[asset] = !(system.canRest(asset) && lower[asset] >= 0);
        }
        double[] kickStart = program.startingPoint().or(system::spreadPoint).filter(point -> system.admits(point, START_TOLERANCE))
                .filter(this::joinWorkingSet).orElse(null);
        addPreferred(FIRST_WORKING_SET);
        int infeasibleRounds = 0;
        boolean directFirst = true;
        boolean polishTried = false;
        for (int round = 0; ; round++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("the quadratic program solver was interrupted");
            }
            boolean polishing = !polishTried && round > 0 && workingCount() > POLISH_ABOVE;
            if (polishing) {
                // screening has not kept the working set small: the whole program at once, approximately then exactly
                Arrays.fill(working, true);
                polishTried = true;
            }
            RestrictedProgram restricted = new RestrictedProgram(program, freeVariables(), restingPoint());
            Optional<RestrictedProgram.Solution> solution = polishing ? restricted.polished() : Optional.empty();
            if (solution.isEmpty()) {
                solution = restricted.solve(kickStart, directFirst);
            }
            if (solution.isEmpty()) {
                if (workingCount() == assets) {
                    throw InfeasibleProgramException.contradictoryConstraints();
                }
                // too few assets to meet the constraints at all: widen fast
                infeasibleRounds++;
                addPreferred(FIRST_WORKING_SET << infeasibleRounds);
                kickStart = null;
                continue;
            }
            // a problem that made DirectASS stall once (degenerate rows) will likely do so again
            directFirst &= !solution.get().directStalled();
            List<Integer> restless = restlessAssets(solution.get());
            if (restless.isEmpty()) {
                return solution.get().point();
            }
            int adding = Math.min(restless.size(), Math.max(FEWEST_ADDED, workingCount() / 2));
            for (int asset : restless.subList(0, adding)) {
                working[asset] = true;
            }
            kickStart = solution.get().point();
        }
    }

    /**
     * Puts the assets a starting point holds into the working set, if they are few (a vertex such
     * as the highest-return portfolio) or all must be in it anyway (a short book); a start that
     * holds many assets that could rest would only stop the screening.
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

    /** Whether variable i (an asset's weight, or its trade) belongs to an asset in the working set. */
    private boolean isWorking(int variable) {
        return working[variable < assets ? variable : variable - assets];
    }

    private boolean[] freeVariables() {
        boolean[] free = new boolean[system.variableCount()];
        for (int i = 0; i < free.length; i++) {
            free[i] = isWorking(i);
        }
        return free;
    }

    /** Assets at their lower bound, trades at 0. */
    private double[] restingPoint() {
        double[] rest = new double[system.variableCount()];
        System.arraycopy(lower, 0, rest, 0, assets);
        for (int asset = 0; asset < assets; asset++) {
            if (!Double.isFinite(rest[asset])) {
                rest[asset] = 0; // such an asset never rests: it is always in the working set
            }
        }
        return rest;
    }

    /**
     * Assets at rest whose reduced cost along the direction they would move (up, with their trade)
     * is negative, most negative first. For an asset with a trade variable t (at rest its two trade
     * rows are dropped, their multipliers free to choose), the conditions are that t's own reduced
     * cost and the sum of the weight's and t's are not negative.
     */
    private List<Integer> restlessAssets(RestrictedProgram.Solution solution) {
        double[] x = solution.point();
        int[] held = IntStream.range(0, x.length).filter(i -> x[i] != 0).toArray();
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
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
            double worst = reducedCost(asset, x, held, solution);
            int trade = system.tradeVariable(asset);
            if (trade >= 0) {
                double tradeCost = reducedCost(trade, x, held, solution);
                worst = Math.min(tradeCost, worst + tradeCost);
            }
            if (worst < -tolerance) {
                restless.add(asset);
                shortfall[asset] = worst;
            }
        }
        restless.sort(Comparator.comparingDouble(asset -> shortfall[asset]));
        return restless;
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

    /** {@code (Qx − c)_i + Σ λ_k a_ki} over the system's rows: the bound multiplier variable i would need. */
    private double reducedCost(int variable, double[] x, int[] held, RestrictedProgram.Solution solution) {
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
