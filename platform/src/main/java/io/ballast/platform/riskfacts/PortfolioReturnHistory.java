package io.ballast.platform.riskfacts;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.platform.quant.risk.EmpiricalTailLoss;
import io.ballast.platform.quant.risk.HeldAssetReturns;
import io.ballast.platform.quant.risk.TailLoss;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The portfolio's daily returns at today's weights over the last {@value #MAX_RETURNS} days on which
 * every held asset has a return (cash earns 0, so it only dilutes), and the one-day tail losses read
 * off them by historical simulation. An asset's return on a day is its close over its previous
 * stored close, minus 1.
 */
final class PortfolioReturnHistory {

    /** A trading year of daily returns. */
    static final int MAX_RETURNS = 250;
    /** Below this many returns a 99% quantile rests on less than one observation: unknown (NaN). */
    static final int MIN_RETURNS_FOR_TAIL_LOSS = 60;

    private final double[] returns;

    private PortfolioReturnHistory(double[] returns) {
        this.returns = returns;
    }

    /**
     * @param closesByAsset the held assets' bars, oldest first (at least {@value #MAX_RETURNS} + 1 for a full year)
     * @param weights       each held asset's weight, a signed fraction of the NAV; assets of weight 0 are ignored
     */
    static PortfolioReturnHistory of(Map<String, List<PriceBar>> closesByAsset, Map<String, Double> weights) {
        List<String> assets = weights.entrySet().stream().filter(e -> e.getValue() != 0).map(Map.Entry::getKey).sorted().toList();
        if (assets.isEmpty()) {
            return new PortfolioReturnHistory(new double[0]);
        }
        List<Map<Instant, Double>> returnsByAsset = new ArrayList<>();
        Set<Instant> commonDays = null;
        for (String asset : assets) {
            Map<Instant, Double> assetReturns = dailyReturns(closesByAsset.getOrDefault(asset, List.of()));
            returnsByAsset.add(assetReturns);
            if (commonDays == null) {
                commonDays = new TreeSet<>(assetReturns.keySet());
            } else {
                commonDays.retainAll(assetReturns.keySet());
            }
        }
        List<Instant> days = new ArrayList<>(commonDays);
        days = days.subList(Math.max(0, days.size() - MAX_RETURNS), days.size());
        if (days.size() < 2) {
            return new PortfolioReturnHistory(new double[0]);
        }
        double[][] matrix = new double[days.size()][assets.size()];
        for (int t = 0; t < days.size(); t++) {
            for (int i = 0; i < assets.size(); i++) {
                matrix[t][i] = returnsByAsset.get(i).get(days.get(t));
            }
        }
        double[] assetWeights = assets.stream().mapToDouble(weights::get).toArray();
        return new PortfolioReturnHistory(HeldAssetReturns.of(assets, matrix, assetWeights).portfolioReturns());
    }

    /** The portfolio's daily returns, oldest first. */
    double[] returns() {
        return returns.clone();
    }

    /**
     * One-day VaR and ES at {@code confidence} as loss fractions of the NAV; NaN for both when there
     * are fewer than {@value #MIN_RETURNS_FOR_TAIL_LOSS} returns. A tail that still gains is no loss: 0.
     */
    TailLoss tailLoss(double confidence) {
        if (returns.length < MIN_RETURNS_FOR_TAIL_LOSS) {
            return new TailLoss(confidence, Double.NaN, Double.NaN);
        }
        TailLoss estimate = EmpiricalTailLoss.of(returns).at(confidence);
        return new TailLoss(confidence, Math.max(0, estimate.valueAtRiskFraction()), Math.max(0, estimate.expectedShortfallFraction()));
    }

    private static Map<Instant, Double> dailyReturns(List<PriceBar> bars) {
        Map<Instant, Double> returns = new HashMap<>();
        for (int t = 1; t < bars.size(); t++) {
            returns.put(bars.get(t).time(), bars.get(t).close().doubleValue() / bars.get(t - 1).close().doubleValue() - 1);
        }
        return returns;
    }
}
