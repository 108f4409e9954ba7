package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import io.ballast.plugins.optimizers.request.CheckedEstimates;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Ratio maximisation with positive lower bounds, solved in the shifted variables (the fast path)
 * and as the whole homogenised program (the way it was solved before, still used for turnover
 * limits): the same weights, on random factor-model markets with floors of 0.001 to 0.01, with and
 * without binding upper bounds and sector caps.
 */
class LowerBoundShiftAgreementTest {

    private static final double RISK_FREE_RATE = 0.02;

    static Stream<Arguments> markets() {
        return Stream.of(
                Arguments.of(20, 11L, Shape.FLOORS_ONLY), Arguments.of(40, 12L, Shape.FLOORS_ONLY), Arguments.of(60, 13L, Shape.FLOORS_ONLY),
                Arguments.of(20, 21L, Shape.UPPER_BOUNDS), Arguments.of(40, 22L, Shape.UPPER_BOUNDS), Arguments.of(60, 23L, Shape.UPPER_BOUNDS),
                Arguments.of(20, 31L, Shape.SECTOR_CAPS), Arguments.of(40, 32L, Shape.SECTOR_CAPS), Arguments.of(60, 33L, Shape.SECTOR_CAPS),
                Arguments.of(30, 41L, Shape.L2_REGULARISED));
    }

    @ParameterizedTest
    @MethodSource("markets")
    void maximumSharpeMatchesTheWholeProgram(int n, long seed, Shape shape) {
        MarketEstimates estimates = SmallMarkets.factorModel(n, seed);
        OptimizationRequest request = SmallMarkets.request(estimates, shape.constraints(estimates, seed), Map.of());
        double[] excessReturns = estimates.expectedAnnualReturns();
        for (int i = 0; i < n; i++) {
            excessReturns[i] -= RISK_FREE_RATE;
        }

        assertAgree(new MaximumSharpeOptimizer().optimize(request), excessReturns, request, shape);
    }

    @ParameterizedTest
    @MethodSource("markets")
    void maximumDiversificationMatchesTheWholeProgram(int n, long seed, Shape shape) {
        MarketEstimates estimates = SmallMarkets.factorModel(n, seed);
        OptimizationRequest request = SmallMarkets.request(estimates, shape.constraints(estimates, seed), Map.of());

        assertAgree(new MaximumDiversificationOptimizer().optimize(request), estimates.annualVolatilities(), request, shape);
    }

    private static void assertAgree(TargetWeights fast, double[] numerator, OptimizationRequest request, Shape shape) {
        MarketEstimates estimates = request.estimates().orElseThrow();
        WeightConstraints constraints = request.constraints();
        ConstraintSystem system = ConstraintSystem.of(estimates.assets(), constraints);
        assertThat(system.lowerBoundShift()).as("the optimizer takes the shifted path").isPresent();
        double[] whole = RatioMaximisation.weightsOfWholeProgram(numerator, CheckedEstimates.of(request, "test", false), system,
                constraints.l2Gamma(), "unreachable");

        int atFloor = 0;
        int atCap = 0;
        for (int i = 0; i < whole.length; i++) {
            String asset = estimates.assets().get(i);
            assertThat(fast.weight(asset)).as("weight of %s", asset).isCloseTo(whole[i], within(1e-8));
            atFloor += whole[i] < constraints.lowerBound(asset) + 1e-9 ? 1 : 0;
            atCap += whole[i] > constraints.upperBound(asset) - 1e-9 ? 1 : 0;
        }
        // the cases must exercise what the shift changes: assets resting on their floors, and the rows that bind
        assertThat(atFloor).as("assets at their floor").isPositive().isLessThan(whole.length);
        if (shape == Shape.UPPER_BOUNDS) {
            assertThat(atCap).as("assets at their upper bound").isPositive();
        }
        if (shape == Shape.SECTOR_CAPS) {
            double largest = Stream.of("s0", "s1", "s2", "s3").mapToDouble(sector -> sectorWeight(whole, estimates, constraints, sector))
                    .max().orElseThrow();
            assertThat(largest).as("weight of the largest sector").isCloseTo(Shape.SECTOR_CAP, within(1e-9));
        }
    }

    private static double sectorWeight(double[] weights, MarketEstimates estimates, WeightConstraints constraints, String sector) {
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += sector.equals(constraints.sectorByAsset().get(estimates.assets().get(i))) ? weights[i] : 0;
        }
        return sum;
    }

    enum Shape {
        FLOORS_ONLY, UPPER_BOUNDS, SECTOR_CAPS, L2_REGULARISED;

        /** Four sectors capped at 0.26 each: one at least must hold 0.25, so a cap binds unless all hold 0.22 to 0.26. */
        static final double SECTOR_CAP = 0.26;

        /** A floor drawn from 0.001 to 0.01 for each asset, and the shape's other limits. */
        WeightConstraints constraints(MarketEstimates estimates, long seed) {
            Random random = new Random(seed);
            int n = estimates.assets().size();
            double upper = this == UPPER_BOUNDS ? 0.08 : 1;
            WeightConstraints constraints = WeightConstraints.longOnly();
            for (String asset : estimates.assets()) {
                constraints = constraints.withAssetBounds(asset, 0.001 + 0.009 * random.nextDouble(), upper);
            }
            if (this == SECTOR_CAPS) {
                Map<String, String> sectors = new HashMap<>();
                for (int i = 0; i < n; i++) {
                    sectors.put(estimates.assets().get(i), "s" + (i % 4));
                }
                constraints = constraints.withSectorCaps(sectors, Map.of("s0", SECTOR_CAP, "s1", SECTOR_CAP, "s2", SECTOR_CAP, "s3", SECTOR_CAP));
            }
            return this == L2_REGULARISED ? constraints.withL2Regularisation(0.1) : constraints;
        }
    }
}
