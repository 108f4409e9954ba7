package io.ballast.plugins.optimizers.riskparity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.OptimizerCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RiskParityOptimizerTest {

    private final RiskParityOptimizer optimizer = new RiskParityOptimizer();

    private static MarketEstimates estimates(List<String> assets, double[][] covariance) {
        return new MarketEstimates(assets, new double[assets.size()], covariance);
    }

    private static double[][] covariance(double[] volatilities, double[][] correlation) {
        int n = volatilities.length;
        double[][] covariance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                covariance[i][j] = correlation[i][j] * volatilities[i] * volatilities[j];
            }
        }
        return covariance;
    }

    /** Each asset's share of the portfolio variance, w_i(Σw)_i / w'Σw, worked out here from the weights. */
    private static double[] riskShares(TargetWeights weights, MarketEstimates estimates) {
        List<String> assets = estimates.assets();
        double[][] covariance = estimates.annualCovariance();
        int n = assets.size();
        double[] contributions = new double[n];
        double variance = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                contributions[i] += weights.weight(assets.get(i)) * covariance[i][j] * weights.weight(assets.get(j));
            }
            variance += contributions[i];
        }
        for (int i = 0; i < n; i++) {
            contributions[i] /= variance;
        }
        return contributions;
    }

    private static final double[][] FOUR_ASSET_CORRELATION = {
        {1.0, 0.6, -0.2, 0.3},
        {0.6, 1.0, 0.1, 0.5},
        {-0.2, 0.1, 1.0, 0.4},
        {0.3, 0.5, 0.4, 1.0},
    };
    private static final MarketEstimates FOUR_ASSETS = estimates(List.of("EQ", "CREDIT", "GOLD", "REIT"),
            covariance(new double[] {0.18, 0.09, 0.15, 0.22}, FOUR_ASSET_CORRELATION));

    @Test
    void aDiagonalCovarianceGivesInverseVolatilityWeights() {
        // uncorrelated: RC_i ∝ w_i²σ_i², equal when w_i ∝ 1/σ_i
        double[] volatilities = {0.1, 0.2, 0.4, 0.25};
        double[][] correlation = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(
                estimates(List.of("A", "B", "C", "D"), covariance(volatilities, correlation)), 0));

        double inverseSum = 10 + 5 + 2.5 + 4;
        assertThat(weights.weight("A")).isCloseTo(10 / inverseSum, within(1e-14));
        assertThat(weights.weight("B")).isCloseTo(5 / inverseSum, within(1e-14));
        assertThat(weights.weight("C")).isCloseTo(2.5 / inverseSum, within(1e-14));
        assertThat(weights.weight("D")).isCloseTo(4 / inverseSum, within(1e-14));
    }

    @Test
    void aConstantCorrelationAlsoGivesInverseVolatilityWeights() {
        // Maillard, Roncalli & Teiletche (2010): with one correlation ρ for all pairs, w_i ∝ 1/σ_i
        double rho = 0.35;
        double[][] correlation = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                correlation[i][j] = i == j ? 1 : rho;
            }
        }
        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(
                estimates(List.of("A", "B", "C", "D"), covariance(new double[] {0.1, 0.2, 0.4, 0.25}, correlation)), 0));

        double inverseSum = 10 + 5 + 2.5 + 4;
        assertThat(weights.weight("A")).isCloseTo(10 / inverseSum, within(1e-13));
        assertThat(weights.weight("C")).isCloseTo(2.5 / inverseSum, within(1e-13));
    }

    @Test
    void twoCorrelatedAssetsWorkedByHand() {
        // σ₁ = 0.2, σ₂ = 0.1, ρ = 0.5: RC₁ = w₁(0.04w₁ + 0.01w₂), RC₂ = w₂(0.01w₂ + 0.01w₁).
        // Equal when 0.04w₁² = 0.01w₂², i.e. w₁ = w₂/2: w = (1/3, 2/3), whatever ρ.
        MarketEstimates estimates = estimates(List.of("STOCKS", "BONDS"), new double[][] {{0.04, 0.01}, {0.01, 0.01}});

        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(estimates, 0));

        assertThat(weights.weight("STOCKS")).isCloseTo(1.0 / 3, within(1e-14));
        assertThat(weights.weight("BONDS")).isCloseTo(2.0 / 3, within(1e-14));
    }

    @Test
    void twoCorrelatedAssetsWithBudgetsWorkedByHand() {
        // Budgets 0.8 / 0.2 on the same pair: with x = w₁/w₂, x(0.04x + 0.01) = 4(0.01 + 0.01x),
        // so 4x² − 3x − 4 = 0 and x = (3 + √73)/8; w₁ = x/(1 + x).
        MarketEstimates estimates = estimates(List.of("STOCKS", "BONDS"), new double[][] {{0.04, 0.01}, {0.01, 0.01}});
        OptimizationRequest request = OptimizationRequest.of(estimates, 0)
                .withParameters(Map.of("riskBudgets", Map.of("STOCKS", 0.8, "BONDS", 0.2)));

        TargetWeights weights = optimizer.optimize(request);

        double ratio = (3 + Math.sqrt(73)) / 8;
        assertThat(weights.weight("STOCKS")).isCloseTo(ratio / (1 + ratio), within(1e-14));
        assertThat(weights.weight("BONDS")).isCloseTo(1 / (1 + ratio), within(1e-14));
    }

    @Test
    void equalRiskContributionsWithCorrelatedAssets() {
        double[] shares = riskShares(optimizer.optimize(OptimizationRequest.of(FOUR_ASSETS, 0)), FOUR_ASSETS);

        for (double share : shares) {
            assertThat(share / 0.25 - 1).isCloseTo(0, within(1e-10));
        }
    }

    @Test
    void riskContributionsFollowTheBudgets() {
        Map<String, Object> budgets = Map.of("EQ", 0.4, "CREDIT", 0.1, "GOLD", 0.2, "REIT", 0.3);
        TargetWeights weights = optimizer.optimize(OptimizationRequest.of(FOUR_ASSETS, 0).withParameters(Map.of("riskBudgets", budgets)));

        double[] shares = riskShares(weights, FOUR_ASSETS);
        double[] expected = {0.4, 0.1, 0.2, 0.3};
        for (int i = 0; i < 4; i++) {
            assertThat(shares[i] / expected[i] - 1).as(FOUR_ASSETS.assets().get(i)).isCloseTo(0, within(1e-10));
            assertThat(weights.weight(FOUR_ASSETS.assets().get(i))).isPositive();
        }
    }

    @Test
    void budgetsMayBeIntegerNumbersAndAreRescaledWithinTolerance() {
        Map<String, Object> budgets = new LinkedHashMap<>();
        budgets.put("EQ", 1.0 / 3);
        budgets.put("CREDIT", 1.0 / 3);
        budgets.put("GOLD", 1.0 / 6);
        budgets.put("REIT", 1.0 / 6 + 5e-7);
        double[] shares = riskShares(
                optimizer.optimize(OptimizationRequest.of(FOUR_ASSETS, 0).withParameters(Map.of("riskBudgets", budgets))),
                FOUR_ASSETS);

        double total = 1 + 5e-7;
        assertThat(shares[0]).isCloseTo(1.0 / 3 / total, within(1e-11));
        assertThat(shares[3]).isCloseTo((1.0 / 6 + 5e-7) / total, within(1e-11));
    }

    @Test
    void twentyStocksConvergeToEqualRiskContributions() {
        // a realistic 20×20 covariance with strong correlations (a one-factor model plus noise)
        int n = 20;
        double[] beta = new double[n];
        double[] idiosyncratic = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i] = 0.5 + 0.05 * i;
            idiosyncratic[i] = 0.01 + 0.002 * ((7 * i) % 11);
        }
        double[][] covariance = new double[n][n];
        List<String> assets = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            assets.add("S" + i);
            for (int j = 0; j < n; j++) {
                covariance[i][j] = 0.04 * beta[i] * beta[j] + (i == j ? idiosyncratic[i] : 0);
            }
        }
        MarketEstimates estimates = estimates(assets, covariance);

        double[] shares = riskShares(optimizer.optimize(OptimizationRequest.of(estimates, 0)), estimates);

        for (double share : shares) {
            assertThat(share * n - 1).isCloseTo(0, within(1e-10));
        }
    }

    @Test
    void refusesABudgetForAnUnknownAsset() {
        OptimizationRequest request = OptimizationRequest.of(FOUR_ASSETS, 0)
                .withParameters(Map.of("riskBudgets", Map.of("EQ", 0.5, "CREDIT", 0.2, "GOLD", 0.1, "REIT", 0.1, "OIL", 0.1)));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.riskBudgets.OIL: OIL is not one of the assets [EQ, CREDIT, GOLD, REIT]");
    }

    @Test
    void refusesANonPositiveBudget() {
        OptimizationRequest request = OptimizationRequest.of(FOUR_ASSETS, 0)
                .withParameters(Map.of("riskBudgets", Map.of("EQ", 0.6, "CREDIT", 0.4, "GOLD", 0.0, "REIT", 0.0)));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("parameters\\.riskBudgets\\.(GOLD|REIT) must be positive, not 0\\.0");
    }

    @Test
    void refusesBudgetsThatLeaveAnAssetOut() {
        OptimizationRequest request = OptimizationRequest.of(FOUR_ASSETS, 0)
                .withParameters(Map.of("riskBudgets", Map.of("EQ", 0.5, "CREDIT", 0.5)));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.riskBudgets has no budget for GOLD; give every asset a positive budget, or none for equal budgets");
    }

    @Test
    void refusesBudgetsThatDoNotSumToOne() {
        OptimizationRequest request = OptimizationRequest.of(FOUR_ASSETS, 0)
                .withParameters(Map.of("riskBudgets", Map.of("EQ", 0.25, "CREDIT", 0.25, "GOLD", 0.25, "REIT", 0.5)));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.riskBudgets sum to 1.25, not 1");
    }

    @Test
    void refusesBudgetsThatAreNotNumbers() {
        OptimizationRequest request = OptimizationRequest.of(FOUR_ASSETS, 0)
                .withParameters(Map.of("riskBudgets", Map.of("EQ", "half")));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.riskBudgets.EQ must be a finite number, not half");
    }

    @Test
    void refusesBudgetsThatAreNotAMap() {
        OptimizationRequest request = OptimizationRequest.of(FOUR_ASSETS, 0).withParameters(Map.of("riskBudgets", 0.25));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameters.riskBudgets must be a map from names to numbers, not 0.25");
    }

    @Test
    void refusesAPerAssetMinimumItCannotHonour() {
        OptimizationRequest request = OptimizationRequest.of(FOUR_ASSETS, 0)
                .withConstraints(WeightConstraints.longOnly().withAssetBounds("GOLD", 0.3, 1));

        assertThatThrownBy(() -> optimizer.optimize(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("constraints.minWeightByAsset.GOLD is 0.3: risk-parity cannot honour it");
    }

    @Test
    void refusesAZeroVariance() {
        MarketEstimates estimates = estimates(List.of("CASH", "STOCK"), new double[][] {{0, 0}, {0, 0.04}});

        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(estimates, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimates.annualCovariance: the variance of CASH is 0.0; it must be a positive finite number");
    }

    @Test
    void refusesAMatrixThatIsNoCovariance() {
        // correlation −1.5 between two assets: Σ is indefinite, and a long-only mix has negative "variance"
        MarketEstimates estimates = estimates(List.of("A", "B"), new double[][] {{0.04, -0.045}, {-0.045, 0.0225}});

        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(estimates, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("estimates.annualCovariance is not positive definite: a long-only portfolio has variance -");
    }

    @Test
    void needsEstimates() {
        assertThatThrownBy(() -> optimizer.optimize(OptimizationRequest.of(List.of("A", "B"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("estimates: risk-parity needs");
    }

    @Test
    void isFoundInTheCatalogue() {
        assertThat(optimizer.id()).isEqualTo("risk-parity");
        assertThat(OptimizerCatalogue.optimizer("risk-parity")).get().isInstanceOf(RiskParityOptimizer.class);
    }
}
