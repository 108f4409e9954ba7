package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Replays a window of history on today's weights: each held asset's cumulative return over the
 * window, {@code R_i = prod_t (1 + r_i,t) - 1}, applied to its weight gives the P&L of holding
 * today's portfolio through that window, {@code sum_i w_i R_i}; and the worst single period of the
 * window for today's weights. See {@link HistoricalReplayResult}.
 */
public final class HistoricalStressReplay {

    private final PortfolioWeights portfolio;
    private final PeriodDates periodDates;
    private final AssetReturnMatrix returns;

    private HistoricalStressReplay(PortfolioWeights portfolio, PeriodDates periodDates, AssetReturnMatrix returns) {
        this.portfolio = portfolio;
        this.periodDates = periodDates;
        this.returns = returns;
    }

    /** {@code returns[period][asset]} with {@code NaN} for missing; {@code periodDates} one per period. */
    public static HistoricalStressReplay of(List<String> assets, List<LocalDate> periodDates, double[][] returns, double[] weights) {
        PortfolioWeights portfolio = PortfolioWeights.of(assets, weights);
        return of(portfolio, new PeriodDates(periodDates), AssetReturnMatrix.of(returns, portfolio.assetCount()));
    }

    public static HistoricalStressReplay of(PortfolioWeights portfolio, PeriodDates periodDates, AssetReturnMatrix returns) {
        if (returns.assetCount() != portfolio.assetCount()) {
            throw new InvalidInputException("returns", "must give one return per asset (" + portfolio.assetCount() + "), got "
                    + returns.assetCount());
        }
        periodDates.requireCount(returns.periodCount());
        return new HistoricalStressReplay(portfolio, periodDates, returns);
    }

    /**
     * Rejects a window that holds no period, and one in which a held asset has no return at all
     * (its move over the window is unknown).
     */
    public HistoricalReplayResult replay(HistoricalWindow window) {
        int[] periods = IntStream.range(0, periodDates.size()).filter(t -> window.contains(periodDates.get(t))).toArray();
        if (periods.length == 0) {
            throw new InvalidInputException("historicalWindows", "window '" + window.name() + "' (" + window.from() + " to "
                    + window.to() + ") holds no period of the return series (" + periodDates.get(0) + " to "
                    + periodDates.get(periodDates.size() - 1) + ")");
        }
        int[] held = portfolio.heldAssetIndices();
        Map<String, Double> cumulativeReturns = new LinkedHashMap<>();
        Map<String, Double> contributions = new LinkedHashMap<>();
        double pnl = 0;
        for (int asset : held) {
            double growth = 1;
            int observed = 0;
            for (int t : periods) {
                double r = returns.returnAt(t, asset);
                if (!Double.isNaN(r)) {
                    growth *= 1 + r;
                    observed++;
                }
            }
            String id = portfolio.assets().get(asset);
            if (observed == 0) {
                throw new InvalidInputException("historicalWindows", "asset '" + id + "' has no return in window '" + window.name() + "'");
            }
            double contribution = portfolio.weight(asset) * (growth - 1);
            cumulativeReturns.put(id, growth - 1);
            contributions.put(id, contribution);
            pnl += contribution;
        }
        LocalDate worstDate = null;
        Double worstReturn = null;
        for (int t : periods) {
            if (returns.isComplete(t, held)) {
                double periodReturn = 0;
                for (int asset : held) {
                    periodReturn += portfolio.weight(asset) * returns.returnAt(t, asset);
                }
                if (worstReturn == null || periodReturn < worstReturn) {
                    worstReturn = periodReturn;
                    worstDate = periodDates.get(t);
                }
            }
        }
        return new HistoricalReplayResult(window.name(), window.from(), window.to(), periods.length, pnl,
                Collections.unmodifiableMap(cumulativeReturns), Collections.unmodifiableMap(contributions), worstDate, worstReturn);
    }
}
