package io.ballast.platform.quant.risk.report;

import io.ballast.platform.quant.performance.PerformanceStatistics;
import io.ballast.platform.quant.risk.HistoricalReplayResult;
import io.ballast.platform.quant.risk.RiskContribution;
import io.ballast.platform.quant.risk.StressTestResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The risk report of a portfolio, built by {@link PortfolioRiskReporter}. Fractions throughout
 * (0.02 = 2%). Everything is computed over the analysed periods: those where every held asset has
 * a return (see {@link io.ballast.platform.quant.risk.HeldAssetReturns}). A null field could not be
 * computed for the data; {@link #unavailableMeasures()} maps its name to the reason. Records,
 * lists, maps, numbers and {@link LocalDate}s only, so Jackson writes it as it is (dates need the
 * JSR-310 module).
 *
 * @param assets the asset ids given, in input order
 * @param periodsPerYear the annualisation factor used
 * @param periodCount periods given
 * @param analysedPeriodCount periods used
 * @param firstAnalysedPeriod end date of the first period used
 * @param lastAnalysedPeriod end date of the last period used
 * @param periodicVolatility sample standard deviation of the portfolio's periodic returns
 * @param annualVolatility {@code periodicVolatility * sqrt(periodsPerYear)}
 * @param tailRisk VaR and ES, one-period loss fractions, for every method and confidence
 * @param monteCarloPaths paths simulated for the Monte Carlo estimates
 * @param monteCarloSeed the seed they used
 * @param maximumDrawdownFraction deepest fall below a running peak, non-positive
 * @param herfindahlIndex {@code sum w_i^2} of the weights
 * @param effectiveNumberOfAssets {@code 1 / herfindahlIndex}
 * @param diversificationRatio {@code (sum w_i sigma_i) / sigma_p}; null when {@code sigma_p} is 0
 * @param riskContributions per held asset, in annual volatility fractions (components sum to
 *        {@link #annualVolatility()}); empty when the portfolio has no volatility
 * @param performance performance statistics of the portfolio's return series (and against the benchmark)
 * @param stressTests the results of the settings' stress scenarios, in order
 * @param historicalReplays the results of the settings' historical windows, in order
 * @param unavailableMeasures field (e.g. {@code diversificationRatio}, {@code tailRisk.CORNISH_FISHER},
 *        {@code performance.sharpeRatio}) to the reason it is null or empty
 */
public record PortfolioRiskReport(List<String> assets, int periodsPerYear, int periodCount, int analysedPeriodCount,
        LocalDate firstAnalysedPeriod, LocalDate lastAnalysedPeriod, double periodicVolatility, double annualVolatility,
        List<TailRiskEstimate> tailRisk, int monteCarloPaths, long monteCarloSeed, double maximumDrawdownFraction,
        double herfindahlIndex, double effectiveNumberOfAssets, Double diversificationRatio,
        List<RiskContribution> riskContributions, PerformanceStatistics performance, List<StressTestResult> stressTests,
        List<HistoricalReplayResult> historicalReplays, Map<String, String> unavailableMeasures) {
}
