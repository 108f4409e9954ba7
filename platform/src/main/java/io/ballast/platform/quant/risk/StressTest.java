package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link StressScenario} to a portfolio: the P&L fraction is {@code sum_i w_i shock_i}
 * (positions revalued at the shocked prices, no rebalancing). A scenario naming an asset the
 * portfolio does not list is rejected: a misspelt ticker must not silently shock nothing.
 */
public final class StressTest {

    private StressTest() {
    }

    public static StressTestResult apply(List<String> assets, double[] weights, StressScenario scenario) {
        return apply(PortfolioWeights.of(assets, weights), scenario);
    }

    public static StressTestResult apply(PortfolioWeights portfolio, StressScenario scenario) {
        for (String shocked : scenario.shockFractionByAsset().keySet()) {
            if (!portfolio.assets().contains(shocked)) {
                throw new InvalidInputException("stressScenarios", "scenario '" + scenario.name() + "' shocks '" + shocked
                        + "', which the portfolio does not list");
            }
        }
        Map<String, Double> contributions = new LinkedHashMap<>();
        double pnl = 0;
        for (int i : portfolio.heldAssetIndices()) {
            String asset = portfolio.assets().get(i);
            double contribution = portfolio.weight(i) * scenario.shockOf(asset);
            contributions.put(asset, contribution);
            pnl += contribution;
        }
        return new StressTestResult(scenario.name(), pnl, Collections.unmodifiableMap(contributions));
    }
}
