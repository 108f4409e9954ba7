package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.StockPricesEstimates;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

class MaximumSharpeOptimizerTest {

    private final MaximumSharpeOptimizer optimizer = new MaximumSharpeOptimizer();

    @Test
    void withoutBindingBoundsTheTangencyPortfolioIsInverseCovarianceTimesExcessReturns() {
        double[][] covariance = {{0.04, 0.006, -0.004}, {0.006, 0.09, 0.018}, {-0.004, 0.018, 0.0625}};
        double[] expected = {0.09, 0.12, 0.06};
        double riskFree = 0.03;
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B", "C"), expected, covariance);
        // second method: solve Σx = μ − rf by LU decomposition, then scale x to sum to 1
        RealVector tangency = new LUDecomposition(new Array2DRowRealMatrix(covariance)).getSolver()
                .solve(new ArrayRealVector(new double[] {0.06, 0.09, 0.03}));
        tangency = tangency.mapDivide(sum(tangency));

        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, riskFree)
                .withConstraints(WeightConstraints.longOnly().withBounds(-10, 10)));

        for (int i = 0; i < 3; i++) {
            assertThat(weights.weight(estimates.assets().get(i))).isCloseTo(tangency.getEntry(i), within(1e-10));
        }
    }

    @Test
    void twoUncorrelatedAssetsWeighExcessReturnOverVariance() {
        // diagonal Σ: w ∝ (μ_i − rf) / σ_i² = (0.06 / 0.04, 0.045 / 0.09) = (1.5, 0.5), so (0.75, 0.25)
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0.08, 0.065}, new double[] {0.2, 0.3}, 0);

        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));

        assertThat(weights.weight("A")).isCloseTo(0.75, within(1e-12));
        assertThat(weights.weight("B")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void anAssetBelowTheRiskFreeRateIsNotHeldLongOnly() {
        // C returns less than the risk-free rate and is uncorrelated: long-only, its tangency weight (negative) is cut to 0
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0.08, 0.065, 0.01},
                new double[] {0.2, 0.3, 0.1}, 0);

        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));

        assertThat(weights.weight("A")).isCloseTo(0.75, within(1e-12));
        assertThat(weights.weight("C")).isZero();
    }

    @Test
    void boundsHoldOnTheStockData() {
        // PyPortfolioOpt's test_max_sharpe_long_weight_bounds: every weight within [0.03, 0.13]
        MarketEstimates estimates = StockPricesEstimates.load();

        TargetWeights weights = optimizer.optimize(SmallMarkets.request(estimates, WeightConstraints.longOnly().withBounds(0.03, 0.13), Map.of()));

        assertThat(weights.weightByAsset().values()).allSatisfy(w -> assertThat(w).isBetween(0.03, 0.13));
        assertThat(weights.weightByAsset().values()).filteredOn(w -> w == 0.13).isNotEmpty();
        assertThat(weights.weightByAsset().values()).filteredOn(w -> w == 0.03).isNotEmpty();
    }

    @Test
    void noSharperPortfolioOnTheFrontierNearby() {
        // the tangency portfolio has the highest Sharpe ratio of all: in particular of the efficient-return portfolios around it
        MarketEstimates estimates = StockPricesEstimates.load();
        TargetWeights tangency = optimizer.optimize(OptimizationRequest.of(estimates, 0.02));
        Performance best = Performance.of(tangency, estimates, 0.02);

        for (double shift : new double[] {-0.02, -0.005, 0.005, 0.02}) {
            TargetWeights nearby = new EfficientReturnOptimizer().optimize(OptimizationRequest.of(estimates, 0.02)
                    .withParameters(Map.of("targetReturn", best.expectedReturn() + shift)));
            assertThat(Performance.of(nearby, estimates, 0.02).sharpe()).isLessThan(best.sharpe());
        }
    }

    @Test
    void refusesWhenNoAssetBeatsTheRiskFreeRate() {
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0.01, 0.015}, new double[] {0.2, 0.3}, 0.2);

        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(estimates, 0.02)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimates.expectedAnnualReturns: max-sharpe needs at least one asset expected to return more than"
                        + " the risk-free rate 0.02; the highest is B at 0.015");
    }

    @Test
    void refusesWhenTheConstraintsKeepEveryPortfolioBelowTheRiskFreeRate() {
        // A beats the risk-free rate, but B, which does not, must hold at least 80%
        MarketEstimates estimates = SmallMarkets.withCommonCorrelation(new double[] {0.05, 0.0}, new double[] {0.2, 0.3}, 0.2);
        WeightConstraints constraints = WeightConstraints.longOnly().withAssetBounds("B", 0.8, 1);

        assertThatThrownBy(() -> optimizer.optimize(SmallMarkets.request(estimates, constraints, Map.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("constraints: no portfolio within the constraints is expected to return more than the"
                        + " risk-free rate 0.02");
    }

    @Test
    void refusesNonFiniteExpectedReturns() {
        MarketEstimates estimates = new MarketEstimates(List.of("A", "B"), new double[] {0.1, Double.NaN},
                new double[][] {{0.04, 0}, {0, 0.09}});

        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(estimates, 0.02)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimates.expectedAnnualReturns.B is NaN, not a finite number");
    }

    private static double sum(RealVector vector) {
        double sum = 0;
        for (double entry : vector.toArray()) {
            sum += entry;
        }
        return sum;
    }
}
