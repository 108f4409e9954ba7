package io.ballast.plugins.optimizers.constraints;

import io.ballast.api.optimizer.WeightConstraints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link WeightConstraints} as linear algebra over a solver's variables, shared by every optimizer
 * that honours constraints.
 * <p>
 * Variables {@code 0..n-1} are the asset weights, in the request's order. With a turnover limit,
 * variable {@code n + j} is the trade of asset {@code j}, held at or above
 * {@code |w_j − current_j|} by two inequalities (and so never negative, without a bound of its
 * own), and the trades sum to at most the limit (less what selling current positions outside the
 * universe trades). The budget {@code Σw = 1} is an equality;
 * per-asset bounds (with the maximum position folded in) are variable bounds; each sector cap is an
 * inequality over that sector's assets. An upper bound that the budget and the other lower bounds
 * already imply ({@code upper_j ≥ 1 − Σ_{i≠j} lower_i}, e.g. 1 for a long-only book) is left out,
 * so long-only problems reach the solver with nothing but non-negativity and the budget.
 * <p>
 * {@link #homogenised()} rewrites the system for ratio objectives (maximum Sharpe, maximum
 * diversification) in the variables {@code y = κw} with {@code κ = Σy > 0}, as Cornuejols and
 * Tütüncü (and PyPortfolioOpt's {@code max_sharpe}) do: every constraint {@code a·w ≤ b} becomes
 * {@code a·y − b·Σy ≤ 0}; a zero lower bound stays a bound, any other bound becomes such an
 * inequality; and {@code Σy ≥ 0} replaces the budget. {@link #homogenised(LowerBoundShift)} writes
 * the same system in variables shifted so that positive lower bounds are at 0, where a solver can
 * leave the assets at their bound out of its working set.
 */
public final class ConstraintSystem {

    /** Below this share of the portfolio above the lower bounds, {@link #lowerBoundShift()} does not apply. */
    static final double SMALLEST_FREE_SHARE = 1e-9;

    private final int assetCount;
    private final double[] lowerBounds;
    private final double[] upperBounds;
    private final List<LinearConstraint> equalities;
    private final List<LinearConstraint> inequalities;
    private final boolean turnoverLimited;
    private final boolean homogenised;
    private final double[] currentWeights;

    private ConstraintSystem(int assetCount, double[] lowerBounds, double[] upperBounds, List<LinearConstraint> equalities,
            List<LinearConstraint> inequalities, boolean turnoverLimited, boolean homogenised, double[] currentWeights) {
        this.assetCount = assetCount;
        this.lowerBounds = lowerBounds;
        this.upperBounds = upperBounds;
        this.equalities = List.copyOf(equalities);
        this.inequalities = List.copyOf(inequalities);
        this.turnoverLimited = turnoverLimited;
        this.homogenised = homogenised;
        this.currentWeights = currentWeights;
    }

    /**
     * Translates {@code constraints} for {@code assets}, after refusing what is infeasible on its face.
     *
     * @throws IllegalArgumentException naming the constraint that no fully invested portfolio can meet
     */
    public static ConstraintSystem of(List<String> assets, WeightConstraints constraints) {
        FeasibilityPrecheck.requireFeasible(assets, constraints);
        int n = assets.size();
        boolean turnoverLimited = constraints.maxTurnover().isPresent();
        int variables = turnoverLimited ? 2 * n : n;
        double[] lower = new double[variables];
        double[] upper = new double[variables];
        double lowerSum = 0;
        for (int j = 0; j < n; j++) {
            lower[j] = constraints.lowerBound(assets.get(j));
            upper[j] = constraints.upperBound(assets.get(j));
            lowerSum += lower[j];
        }
        for (int j = 0; j < n; j++) {
            if (upper[j] >= 1 - (lowerSum - lower[j])) {
                upper[j] = Double.POSITIVE_INFINITY;
            }
        }
        List<LinearConstraint> equalities = new ArrayList<>();
        double[] ones = new double[variables];
        Arrays.fill(ones, 0, n, 1.0);
        equalities.add(new LinearConstraint("budget (weights sum to 1)", ones, 1));
        List<LinearConstraint> inequalities = new ArrayList<>(sectorCaps(assets, constraints, variables));
        double[] current = new double[n];
        for (int j = 0; j < n; j++) {
            current[j] = constraints.currentWeights().getOrDefault(assets.get(j), 0.0);
        }
        if (turnoverLimited) {
            for (int j = 0; j < n; j++) {
                // no bound t ≥ 0: the two rows imply it, and with it ojAlgo's active-set solver meets three active
                // constraints in two variables wherever an asset does not trade, and there cycled or stopped at
                // non-optimal points it reported optimal (measured on stock_prices.csv)
                lower[n + j] = Double.NEGATIVE_INFINITY;
                upper[n + j] = Double.POSITIVE_INFINITY;
                double[] buy = new double[variables];
                buy[j] = 1;
                buy[n + j] = -1;
                inequalities.add(new LinearConstraint("constraints.maxTurnover (trade of " + assets.get(j) + ")", buy, current[j]));
                double[] sell = new double[variables];
                sell[j] = -1;
                sell[n + j] = -1;
                inequalities.add(new LinearConstraint("constraints.maxTurnover (trade of " + assets.get(j) + ")", sell, -current[j]));
            }
            double[] trades = new double[variables];
            Arrays.fill(trades, n, variables, 1.0);
            double budget = constraints.maxTurnover().getAsDouble() - turnoverOutsideUniverse(assets, constraints);
            inequalities.add(new LinearConstraint("constraints.maxTurnover", trades, budget));
        }
        return new ConstraintSystem(n, lower, upper, equalities, inequalities, turnoverLimited, false, current);
    }

    /** The turnover of selling every current position in an asset outside {@code assets}. */
    static double turnoverOutsideUniverse(List<String> assets, WeightConstraints constraints) {
        double sales = 0;
        for (Map.Entry<String, Double> current : constraints.currentWeights().entrySet()) {
            if (!assets.contains(current.getKey())) {
                sales += Math.abs(current.getValue());
            }
        }
        return sales;
    }

    private static List<LinearConstraint> sectorCaps(List<String> assets, WeightConstraints constraints, int variables) {
        List<LinearConstraint> caps = new ArrayList<>();
        for (Map.Entry<String, Double> cap : constraints.maxWeightBySector().entrySet()) {
            double[] members = new double[variables];
            double upperSum = 0;
            for (int j = 0; j < assets.size(); j++) {
                if (cap.getKey().equals(constraints.sectorByAsset().get(assets.get(j)))) {
                    members[j] = 1;
                    upperSum += constraints.upperBound(assets.get(j));
                }
            }
            // a cap the sector's own upper bounds never reach cannot bind
            if (cap.getValue() < upperSum) {
                caps.add(new LinearConstraint("constraints.maxWeightBySector." + cap.getKey(), members, cap.getValue()));
            }
        }
        return caps;
    }

    /**
     * The same constraints in {@code y = κw}, {@code κ = Σy}, for ratio objectives; see the class
     * comment. The caller adds the normalisation that fixes the scale (e.g. {@code (μ − rf)·y = 1})
     * and recovers the weights as {@code y / Σy}.
     */
    public ConstraintSystem homogenised() {
        if (homogenised) {
            throw new IllegalStateException("the system is already homogenised");
        }
        int variables = variableCount();
        double[] lower = new double[variables];
        double[] upper = new double[variables];
        for (int i = 0; i < variables; i++) {
            lower[i] = lowerBounds[i] == 0 ? 0 : Double.NEGATIVE_INFINITY;
            upper[i] = Double.POSITIVE_INFINITY;
        }
        List<LinearConstraint> rows = scaleFreeInequalities(true);
        double[] negativeScale = new double[variables];
        Arrays.fill(negativeScale, 0, assetCount, -1.0);
        rows.add(new LinearConstraint("positive scale (Σy ≥ 0)", negativeScale, 0));
        return new ConstraintSystem(assetCount, lower, upper, scaleFreeEqualities(), rows, turnoverLimited, true, currentWeights);
    }

    /** The equalities in {@code y}; the budget has no such form, as {@code Σy = κ} defines κ. */
    private List<LinearConstraint> scaleFreeEqualities() {
        List<LinearConstraint> rows = new ArrayList<>();
        // equalities.get(0) is the budget
        for (LinearConstraint equality : equalities.subList(1, equalities.size())) {
            rows.add(scaleFree(equality.name(), equality.coefficients(), equality.bound()));
        }
        return rows;
    }

    /** The inequalities and the finite bounds (the non-zero lower ones if asked) as rows in {@code y}. */
    private List<LinearConstraint> scaleFreeInequalities(boolean lowerBoundRows) {
        int variables = variableCount();
        List<LinearConstraint> rows = new ArrayList<>();
        for (LinearConstraint inequality : inequalities) {
            rows.add(scaleFree(inequality.name(), inequality.coefficients(), inequality.bound()));
        }
        for (int i = 0; i < variables; i++) {
            if (lowerBoundRows && lowerBounds[i] != 0 && Double.isFinite(lowerBounds[i])) {
                double[] below = new double[variables];
                below[i] = -1;
                rows.add(scaleFree("lower weight bound of variable " + i, below, -lowerBounds[i]));
            }
            if (Double.isFinite(upperBounds[i])) {
                double[] above = new double[variables];
                above[i] = 1;
                rows.add(scaleFree("upper weight bound of variable " + i, above, upperBounds[i]));
            }
        }
        return rows;
    }

    /**
     * The change of variables that rests assets at positive lower bounds in a homogenised system
     * ({@link LowerBoundShift}), when it applies: no turnover limit, every lower bound at or above
     * 0 and one above, and their sum {@code L} below 1 by more than {@value #SMALLEST_FREE_SHARE}
     * (nearer 1 the shift divides by almost 0, and the portfolio is the lower bounds anyway).
     */
    public Optional<LowerBoundShift> lowerBoundShift() {
        if (homogenised || turnoverLimited) {
            return Optional.empty();
        }
        double lowerSum = 0;
        boolean positive = false;
        for (int j = 0; j < assetCount; j++) {
            if (!(lowerBounds[j] >= 0)) {
                return Optional.empty();
            }
            lowerSum += lowerBounds[j];
            positive |= lowerBounds[j] > 0;
        }
        if (!positive || !(1 - lowerSum > SMALLEST_FREE_SHARE)) {
            return Optional.empty();
        }
        return Optional.of(new LowerBoundShift(lowerBounds, 1 - lowerSum));
    }

    /**
     * {@link #homogenised()} in the shifted variables {@code z = y − lκ} of {@code shift} (from
     * {@link #lowerBoundShift()}): every variable is bounded below by 0 and nothing else, every row
     * {@code c·y ≤ 0} becomes {@code (Tᵀc)·z ≤ 0}, and {@code Σy ≥ 0} is left out as {@code z ≥ 0}
     * implies it. The caller adds the normalisation through {@link LowerBoundShift#row} too.
     */
    public ConstraintSystem homogenised(LowerBoundShift shift) {
        if (homogenised || turnoverLimited) {
            throw new IllegalStateException("the lower bound shift applies to a system not yet homogenised, without trades");
        }
        double[] lower = new double[assetCount];
        double[] upper = new double[assetCount];
        Arrays.fill(upper, Double.POSITIVE_INFINITY);
        return new ConstraintSystem(assetCount, lower, upper, shifted(shift, scaleFreeEqualities()),
                shifted(shift, scaleFreeInequalities(false)), false, true, currentWeights);
    }

    private static List<LinearConstraint> shifted(LowerBoundShift shift, List<LinearConstraint> rows) {
        return rows.stream().map(row -> new LinearConstraint(row.name(), shift.row(row.coefficients()), row.bound())).toList();
    }

    /** {@code a·w ≤ b} with {@code w = y/Σy} and {@code Σy > 0} is {@code (a − b·1)·y ≤ 0} (1 over the assets). */
    private LinearConstraint scaleFree(String name, double[] coefficients, double bound) {
        double[] scaled = coefficients.clone();
        for (int j = 0; j < assetCount; j++) {
            scaled[j] -= bound;
        }
        return new LinearConstraint(name, scaled, 0);
    }

    /** The same system with one more equality (a target, a normalisation). */
    public ConstraintSystem withEquality(LinearConstraint equality) {
        requireSize(equality);
        List<LinearConstraint> more = new ArrayList<>(equalities);
        more.add(equality);
        return new ConstraintSystem(assetCount, lowerBounds, upperBounds, more, inequalities, turnoverLimited, homogenised, currentWeights);
    }

    /** The same system with one more inequality (a target return, say). */
    public ConstraintSystem withInequality(LinearConstraint inequality) {
        requireSize(inequality);
        List<LinearConstraint> more = new ArrayList<>(inequalities);
        more.add(inequality);
        return new ConstraintSystem(assetCount, lowerBounds, upperBounds, equalities, more, turnoverLimited, homogenised, currentWeights);
    }

    private void requireSize(LinearConstraint constraint) {
        if (constraint.variableCount() != variableCount()) {
            throw new IllegalArgumentException(constraint.name() + " has " + constraint.variableCount() + " coefficients for "
                    + variableCount() + " variables");
        }
    }

    /**
     * A point that meets every constraint, if the simplest candidate does: the weights nearest to
     * equal within the bounds ({@link BoundedProportions}) with trades at their least. Solvers start
     * from it; empty when it breaks a sector cap or the turnover limit, or for a homogenised system.
     */
    public Optional<double[]> spreadPoint() {
        if (homogenised) {
            return Optional.empty();
        }
        double[] ones = new double[assetCount];
        Arrays.fill(ones, 1.0);
        double[] lower = Arrays.copyOf(lowerBounds, assetCount);
        double[] upper = new double[assetCount];
        for (int j = 0; j < assetCount; j++) {
            // an upper bound left out as implied is at most 1 − Σ other lower bounds: that is the bound to clip to
            upper[j] = Double.isFinite(upperBounds[j]) ? upperBounds[j] : 1 - (sum(lower) - lower[j]);
        }
        double[] weights = BoundedProportions.of(ones, lower, upper);
        double[] point = Arrays.copyOf(weights, variableCount());
        if (turnoverLimited) {
            for (int j = 0; j < assetCount; j++) {
                point[assetCount + j] = Math.abs(weights[j] - currentWeights[j]);
            }
        }
        return admits(point, FeasibilityPrecheck.TOLERANCE) ? Optional.of(point) : Optional.empty();
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum;
    }

    /** Whether {@code x} meets every bound and constraint within {@code tolerance}. */
    public boolean admits(double[] x, double tolerance) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] < lowerBounds[i] - tolerance || x[i] > upperBounds[i] + tolerance) {
                return false;
            }
        }
        for (LinearConstraint equality : equalities) {
            if (Math.abs(equality.valueAt(x) - equality.bound()) > tolerance) {
                return false;
            }
        }
        for (LinearConstraint inequality : inequalities) {
            if (inequality.valueAt(x) > inequality.bound() + tolerance) {
                return false;
            }
        }
        return true;
    }

    public int assetCount() {
        return assetCount;
    }

    /** Assets, then (with a turnover limit) one trade per asset. */
    public int variableCount() {
        return lowerBounds.length;
    }

    /** The trade variable of asset {@code asset}, or -1 when there is no turnover limit. */
    public int tradeVariable(int asset) {
        return turnoverLimited ? assetCount + asset : -1;
    }

    /**
     * Whether asset {@code asset} may be left out of a subproblem at rest: at its (finite) lower
     * bound and, with a turnover limit, trading nothing, which needs its current weight to equal
     * that bound. A solver that fixes assets at rest must still check that none of them would rather
     * move.
     */
    public boolean canRest(int asset) {
        if (!Double.isFinite(lowerBounds[asset])) {
            return false;
        }
        return !turnoverLimited || currentWeights[asset] == (homogenised ? 0 : lowerBounds[asset]);
    }

    /** Lower bound of each variable; {@code -∞} for none. A copy. */
    public double[] lowerBounds() {
        return lowerBounds.clone();
    }

    /** Upper bound of each variable; {@code +∞} for none (or implied). A copy. */
    public double[] upperBounds() {
        return upperBounds.clone();
    }

    public List<LinearConstraint> equalities() {
        return equalities;
    }

    public List<LinearConstraint> inequalities() {
        return inequalities;
    }

    public boolean isHomogenised() {
        return homogenised;
    }
}
