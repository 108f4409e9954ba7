package io.ballast.platform.quant.risk;

import java.time.LocalDate;
import java.util.Map;

/**
 * What replaying a {@link HistoricalWindow} does to today's portfolio (buy and hold over the
 * window, no rebalancing).
 *
 * @param window the window's name
 * @param from first date of the window as asked
 * @param to last date of the window as asked
 * @param periodCount periods whose end dates fall in the window
 * @param portfolioPnlFraction {@code sum_i w_i R_i}, the P&L as a fraction of today's value
 * @param cumulativeReturnByAsset {@code R_i = prod(1 + r_i,t) - 1} over the window for each held
 *        asset, in asset order; a missing return inside the window counts as no move
 * @param pnlContributionByAsset {@code w_i R_i} for each held asset; they sum to the P&L
 * @param worstPeriodDate end date of the window's worst period for today's portfolio
 *        ({@code sum_i w_i r_i,t}, over periods where every held asset has a return); null when
 *        the window has no such period
 * @param worstPeriodReturn that period's portfolio return; null with the date
 */
public record HistoricalReplayResult(String window, LocalDate from, LocalDate to, int periodCount, double portfolioPnlFraction,
        Map<String, Double> cumulativeReturnByAsset, Map<String, Double> pnlContributionByAsset, LocalDate worstPeriodDate,
        Double worstPeriodReturn) {
}
