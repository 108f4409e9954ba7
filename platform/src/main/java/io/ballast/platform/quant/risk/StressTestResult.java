package io.ballast.platform.quant.risk;

import java.util.Map;

/**
 * What a {@link StressScenario} does to a portfolio: its P&L as a fraction of portfolio value
 * ({@code -0.12} = loses 12%) and each held asset's part of it, {@code w_i * shock_i}, which sum to
 * the P&L.
 *
 * @param scenario the scenario's name
 * @param portfolioPnlFraction {@code sum_i w_i shock_i}
 * @param pnlContributionByAsset {@code w_i shock_i} for each held asset, in asset order
 */
public record StressTestResult(String scenario, double portfolioPnlFraction, Map<String, Double> pnlContributionByAsset) {
}
