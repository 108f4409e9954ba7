package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;

/**
 * The default covariance: sample covariance (divisor n - 1) of each pair of assets over the
 * periods in which both have a return, times the periods per year, as PyPortfolioOpt's
 * {@code sample_cov} (pandas' pairwise-complete {@code cov()}). With missing returns the result
 * need not be positive semidefinite; {@link MarketEstimator} repairs it when it is not.
 */
public final class SampleCovariance {

    private SampleCovariance() {
    }

    /**
     * Annual covariance, in the order of {@code returns.assets()}.
     *
     * @throws io.ballast.platform.problem.InvalidInputException when an asset has fewer than two
     *     returns or a pair fewer than two common periods (field {@code prices}), or
     *     {@code periodsPerYear} is below 1
     */
    public static double[][] annualised(ReturnSeries returns, int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        return Annualisation.annualise(PairwiseMoments.covariance(returns).perPeriodCovariance(), periodsPerYear);
    }
}
