package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.plugins.optimizers.StockPricesEstimates;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Agreement with the performance PyPortfolioOpt's own tests publish for {@code stock_prices.csv}
 * (repository robertmartin8/PyPortfolioOpt, {@code tests/test_efficient_frontier.py}), with
 * geometric mean returns, pairwise sample covariance and a risk-free rate of 0.02. Tuples are
 * (expected return, volatility, Sharpe). PyPortfolioOpt's {@code weight_bounds=(None, None)} means
 * bounds of -1 and 1. The issue asks for 1e-3 relative; the answers agree to 1e-6 (to round-off for
 * the quadratic programs, to PyPortfolioOpt's solver tolerance for efficient risk), so that is
 * what is asserted.
 */
class PyPortfolioOptAgreementTest {

    private static final double RISK_FREE_RATE = 0.02;
    private static final double RELATIVE_PERCENT = 1e-4; // 1e-6 relative

    private final MarketEstimates estimates = StockPricesEstimates.load();

    @Test
    void minimumVolatilityLongOnly() {
        // test_min_volatility
        assertPerformance(new MinimumVolatilityOptimizer(), WeightConstraints.longOnly(), Map.of(),
                0.15056821399482578, 0.15915084514118694, 0.8204054077060996);
    }

    @Test
    void minimumVolatilityWithShorts() {
        // test_min_volatility_short
        assertPerformance(new MinimumVolatilityOptimizer(), WeightConstraints.longOnly().withBounds(-1, 1), Map.of(),
                0.1516319319875544, 0.1555915367269669, 0.8460095886741129);
    }

    @Test
    void minimumVolatilityWithL2Regularisation() {
        // test_min_volatility_L2_reg, gamma = 1
        assertPerformance(new MinimumVolatilityOptimizer(), WeightConstraints.longOnly().withL2Regularisation(1), Map.of(),
                0.17356099329164965, 0.1955254118258614, 0.785376140408869);
    }

    @Test
    void maximumSharpeLongOnly() {
        // test_max_sharpe_long_only
        assertPerformance(new MaximumSharpeOptimizer(), WeightConstraints.longOnly(), Map.of(),
                0.3047768672819914, 0.22165566922402932, 1.2847714127003216);
    }

    @Test
    void maximumSharpeWithShorts() {
        // test_max_sharpe_short
        assertPerformance(new MaximumSharpeOptimizer(), WeightConstraints.longOnly().withBounds(-1, 1), Map.of(),
                0.4937195216716211, 0.29516576454651955, 1.6049270564945908);
    }

    @Test
    void maximumSharpeWithL2Regularisation() {
        // test_max_sharpe_L2_reg, gamma = 5 (applied to the scaled variables, as PyPortfolioOpt does)
        assertPerformance(new MaximumSharpeOptimizer(), WeightConstraints.longOnly().withL2Regularisation(5), Map.of(),
                0.2516854357026833, 0.22043282695478603, 1.051047790401043);
    }

    @Test
    void maximumSharpeWithShortsAndL2Regularisation() {
        // test_max_sharpe_L2_reg_with_shorts, gamma = 1 (L2_reg's default)
        assertPerformance(new MaximumSharpeOptimizer(), WeightConstraints.longOnly().withBounds(-1, 1).withL2Regularisation(1), Map.of(),
                0.2995338981166366, 0.2234696161770517, 1.2508810052063901);
    }

    @Test
    void efficientReturn() {
        // test_efficient_return, target 0.25
        assertPerformance(new EfficientReturnOptimizer(), WeightConstraints.longOnly(), Map.of("targetReturn", 0.25),
                0.25, 0.18723269942026335, 1.2284179030274036);
    }

    @Test
    void efficientRisk() {
        // test_efficient_risk, target 0.19
        assertPerformance(new EfficientRiskOptimizer(), WeightConstraints.longOnly(), Map.of("targetVolatility", 0.19),
                0.2552422849133517, 0.1900000002876062, 1.2381172871434818);
    }

    @Test
    void efficientRiskWithShorts() {
        // test_efficient_risk_short, target 0.19, bounds (-1, 1)
        assertPerformance(new EfficientRiskOptimizer(), WeightConstraints.longOnly().withBounds(-1, 1), Map.of("targetVolatility", 0.19),
                0.30035471606347336, 0.1900000003049494, 1.4755511348079207);
    }

    @Test
    void efficientRiskWithL2Regularisation() {
        // test_efficient_risk_L2_reg, gamma = 5, target 0.19
        assertPerformance(new EfficientRiskOptimizer(), WeightConstraints.longOnly().withL2Regularisation(5),
                Map.of("targetVolatility", 0.19), 0.1931352562313653, 0.18999999989010993, 0.9112381912184281);
    }

    private void assertPerformance(Optimizer optimizer, WeightConstraints constraints, Map<String, Object> parameters,
            double expectedReturn, double volatility, double sharpe) {
        OptimizationRequest request = OptimizationRequest.of(estimates, RISK_FREE_RATE).withConstraints(constraints)
                .withParameters(parameters);
        TargetWeights weights = optimizer.optimize(request);
        Performance performance = Performance.of(weights, estimates, RISK_FREE_RATE);
        assertThat(weights.weightByAsset().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-12));
        assertThat(performance.expectedReturn()).isCloseTo(expectedReturn, withinPercentage(RELATIVE_PERCENT));
        assertThat(performance.volatility()).isCloseTo(volatility, withinPercentage(RELATIVE_PERCENT));
        assertThat(performance.sharpe()).isCloseTo(sharpe, withinPercentage(RELATIVE_PERCENT));
    }
}
