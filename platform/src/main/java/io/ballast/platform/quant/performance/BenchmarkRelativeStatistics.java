package io.ballast.platform.quant.performance;

/**
 * Statistics of a return series against a benchmark, all over the periods where both have a
 * return. A null ratio is undefined for the data; {@link PerformanceStatistics#unavailableMeasures()}
 * says why.
 *
 * @param periodCount periods where both have a return
 * @param beta {@link io.ballast.platform.quant.risk.Beta}; null when the benchmark does not move
 * @param annualTrackingError {@link io.ballast.platform.quant.risk.TrackingError}, an annual fraction
 * @param informationRatio {@link InformationRatio}, annualised; null when the tracking error is 0
 * @param treynorRatio {@link TreynorRatio}; null when beta is 0 or undefined
 * @param annualJensensAlpha {@link JensensAlpha}, an annual fraction; null when beta is undefined
 */
public record BenchmarkRelativeStatistics(int periodCount, Double beta, double annualTrackingError, Double informationRatio,
        Double treynorRatio, Double annualJensensAlpha) {
}
