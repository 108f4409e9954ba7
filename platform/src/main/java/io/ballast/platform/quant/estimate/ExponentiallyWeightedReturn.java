package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;

/**
 * Expected return as the exponentially weighted mean of each asset's returns times the periods
 * per year: pandas' {@code ewm(span, adjust=True).mean()} at the last period, as PyPortfolioOpt's
 * {@code ema_historical_return(compounding=False)}. The return k periods before the last period
 * weighs {@code (1 - alpha)^k}; a missing return gets no weight but still counts as a period of
 * decay (pandas' {@code ignore_na=False}), and the weights of each asset are normalised over its
 * own returns.
 */
public final class ExponentiallyWeightedReturn {

    private ExponentiallyWeightedReturn() {
    }

    /**
     * Annual expected returns (fractions), in the order of {@code returns.assets()}.
     *
     * @param span the pandas span in periods, at least 1 (PyPortfolioOpt's default is 500)
     * @throws io.ballast.platform.problem.InvalidInputException when an asset has fewer than two
     *     returns (field {@code prices}), the span is below 1 or {@code periodsPerYear} below 1
     */
    public static double[] annualised(ReturnSeries returns, double span, int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        double retention = ExponentialDecay.ofSpan(span).retention();
        ObservationRequirement.requireTwoPerAsset(returns);
        double[] annual = new double[returns.assetCount()];
        for (int a = 0; a < annual.length; a++) {
            // weights relative to the asset's latest return: the ratio is the same, and an asset
            // whose returns ended long ago does not underflow to 0 / 0
            int last = returns.periodCount() - 1;
            while (Double.isNaN(returns.returnAt(last, a))) {
                last--;
            }
            double weight = 1.0;
            double weightedSum = 0.0;
            double weightSum = 0.0;
            for (int p = last; p >= 0; p--) {
                double value = returns.returnAt(p, a);
                if (!Double.isNaN(value)) {
                    weightedSum += weight * value;
                    weightSum += weight;
                }
                weight *= retention;
            }
            annual[a] = weightedSum / weightSum * periodsPerYear;
        }
        return annual;
    }
}
