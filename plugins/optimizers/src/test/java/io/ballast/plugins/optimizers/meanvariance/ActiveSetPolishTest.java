package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.constraints.LinearConstraint;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The ADMM-then-polish path ({@link RestrictedProgram#polished()}) against the active-set path
 * ({@link RestrictedProgram#solve}, through {@link QuadraticProgramSolver} on problems of at most
 * {@value QuadraticProgramSolver#POLISH_ABOVE} assets, where it never polishes): two methods, one
 * optimum. Binding caps, shorts, sector caps and a turnover limit, for least variance and for the
 * homogenised program of maximum Sharpe.
 */
class ActiveSetPolishTest {

    static Stream<Arguments> problems() {
        return Stream.of(40, 60, 80).flatMap(n -> {
            List<String> assets = SmallMarkets.names(n);
            Map<String, String> sectors = new HashMap<>();
            Map<String, Double> current = new HashMap<>();
            for (int i = 0; i < n; i++) {
                sectors.put(assets.get(i), "sector" + i % 4);
                current.put(assets.get(i), 1.0 / n);
            }
            WeightConstraints cap = WeightConstraints.longOnly().withBounds(0, 2.0 / n);
            return Stream.of(
                    Arguments.of(n, "binding cap", cap),
                    Arguments.of(n, "bounded shorts", WeightConstraints.longOnly().withBounds(-0.1, 1)),
                    Arguments.of(n, "cap and sector caps", cap.withSectorCaps(sectors, Map.of("sector0", 0.2, "sector1", 0.22))),
                    Arguments.of(n, "turnover from equal weights", WeightConstraints.longOnly().withBounds(0, 0.1)
                            .withTurnoverLimit(0.4, current)));
        });
    }

    @ParameterizedTest(name = "{0} assets, {1}")
    @MethodSource("problems")
    void polishedLeastVarianceEqualsTheActiveSetOptimum(int n, String label, WeightConstraints constraints) {
        MarketEstimates market = SmallMarkets.factorModel(n, 7 + n);
        CheckedEstimates estimates = CheckedEstimates.of(SmallMarkets.request(market, constraints, Map.of()), "min-volatility", false);
        ConstraintSystem system = ConstraintSystem.of(market.assets(), constraints);

        assertPolishedEqualsActiveSet(MeanVarianceObjective.leastVariance(0).over(estimates, system));
    }

    /**
     * The homogenised program's sector and turnover rows ({@code a·y − b·Σy ≤ 0}) are degenerate
     * enough that the polish does not always settle; the solver then falls back to the active-set
     * path, so those are left out here.
     */
    static Stream<Arguments> boxProblems() {
        return problems().filter(arguments -> ((String) arguments.get()[1]).startsWith("b"));
    }

    @ParameterizedTest(name = "{0} assets, {1}")
    @MethodSource("boxProblems")
    void polishedMaximumSharpeProgramEqualsTheActiveSetOptimum(int n, String label, WeightConstraints constraints) {
        MarketEstimates market = SmallMarkets.factorModel(n, 7 + n);
        CheckedEstimates estimates = CheckedEstimates.of(SmallMarkets.request(market, constraints, Map.of()), "max-sharpe", true);
        ConstraintSystem system = ConstraintSystem.of(market.assets(), constraints);
        double[] excess = Arrays.copyOf(market.expectedAnnualReturns(), system.variableCount());
        for (int i = 0; i < n; i++) {
            excess[i] -= 0.02;
        }
        ConstraintSystem scaled = system.homogenised().withEquality(new LinearConstraint("normalisation", excess, 1));

        assertPolishedEqualsActiveSet(MeanVarianceObjective.leastVariance(0).over(estimates, scaled));
    }

    /** Above the threshold the solver polishes; the weights-only certificate (Σw = 1, box) confirms the optimum. */
    @Test
    void minimumVolatilityOfManyAssetsWithABindingCapIsCertified() {
        int n = 160;
        MarketEstimates market = SmallMarkets.factorModel(n, 11);
        double cap = 2.0 / n;
        WeightConstraints constraints = WeightConstraints.longOnly().withBounds(0, cap);

        TargetWeights weights = new MinimumVolatilityOptimizer().optimize(SmallMarkets.request(market, constraints, Map.of()));

        double[] w = Performance.weightsOf(weights, market);
        assertThat(Arrays.stream(w).filter(value -> value > 1e-9).count()).isGreaterThan(QuadraticProgramSolver.POLISH_ABOVE);
        OptimalityCertificate.assertBudgetAndBoxOptimal(market, w, 0, cap);
    }

    /** {@code ½xᵀQx − cᵀx}. */
    private static double objective(QuadraticProgram program, double[] x) {
        double value = 0;
        for (int i = 0; i < x.length; i++) {
            double row = 0;
            for (int j = 0; j < x.length; j++) {
                row += program.quadratic(i, j) * x[j];
            }
            value += x[i] * (row / 2 - program.linear(i));
        }
        return value;
    }

    private static void assertPolishedEqualsActiveSet(QuadraticProgram program) {
        int variables = program.constraints().variableCount();
        boolean[] free = new boolean[variables];
        Arrays.fill(free, true);

        double[] polished = new RestrictedProgram(program, free, new double[variables]).polished().orElseThrow().point();
        double[] activeSet = QuadraticProgramSolver.minimise(program);

        // the active-set optimum is certified to the KKT check's tolerance (1e-6 of the gradient), the polished one
        // to round-off: the polished objective is never above it, and the points agree to what that tolerance leaves
        assertThat(objective(program, polished)).isLessThanOrEqualTo(objective(program, activeSet) + 1e-13 * Math.abs(objective(program, activeSet)));
        for (int i = 0; i < variables; i++) {
            assertThat(polished[i]).as("variable %d", i).isCloseTo(activeSet[i], within(5e-8));
        }
    }
}
