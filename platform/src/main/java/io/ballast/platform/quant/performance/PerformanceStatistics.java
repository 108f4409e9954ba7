package io.ballast.platform.quant.performance;

import java.util.Map;

/**
 * Performance of a periodic return series, as {@link PerformanceEvaluator} computes it. Fractions
 * throughout (0.12 = 12%); a null field is undefined for the data and
 * {@link #unavailableMeasures()} maps its name to the reason.
 *
 * @param periodCount non-missing periods used
 * @param periodsPerYear annualisation factor used
 * @param annualRiskFreeRate the risk-free rate used, annual
 * @param annualTargetReturn the Sortino target used, annual
 * @param totalReturn {@link CompoundReturn#total}
 * @param annualisedReturn {@link CompoundReturn#annualised}, geometric
 * @param annualisedVolatility sample standard deviation times {@code sqrt(periodsPerYear)}
 * @param sharpeRatio {@link SharpeRatio}, arithmetic mean excess return over volatility, annualised
 * @param annualDownsideDeviation {@link DownsideDeviation} below the target
 * @param sortinoRatio {@link SortinoRatio}
 * @param maximumDrawdownFraction {@link io.ballast.platform.quant.risk.Drawdown#maximum}, non-positive
 * @param calmarRatio {@link CalmarRatio}
 * @param winRate {@link WinRate}
 * @param profitFactor {@link ProfitFactor}
 * @param benchmarkRelative against the benchmark; null when none was given
 * @param unavailableMeasures field name (with {@code benchmarkRelative.} before those of the
 *        benchmark) to the reason it is null
 */
public record PerformanceStatistics(int periodCount, int periodsPerYear, double annualRiskFreeRate, double annualTargetReturn,
        double totalReturn, double annualisedReturn, double annualisedVolatility, Double sharpeRatio,
        double annualDownsideDeviation, Double sortinoRatio, double maximumDrawdownFraction, Double calmarRatio, double winRate,
        Double profitFactor, BenchmarkRelativeStatistics benchmarkRelative, Map<String, String> unavailableMeasures) {
}
