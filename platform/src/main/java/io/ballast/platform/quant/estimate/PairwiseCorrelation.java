package io.ballast.platform.quant.estimate;

import io.ballast.platform.quant.prices.ReturnSeries;

/**
 * Pearson correlation of each pair of assets over the periods in which both have a return, with
 * the means of those periods (pandas' {@code DataFrame.corr()}). With missing returns this is not
 * the sample covariance divided by the full-sample volatilities, and it need not be positive
 * semidefinite. A pair in which one asset's returns do not vary gets 0.
 */
public final class PairwiseCorrelation {

    private PairwiseCorrelation() {
    }

    /**
     * @throws io.ballast.platform.problem.InvalidInputException (field {@code prices}) when an
     *     asset has fewer than two returns or a pair fewer than two common periods
     */
    public static double[][] of(ReturnSeries returns) {
        return PairwiseMoments.covarianceAndCorrelation(returns).correlation();
    }
}
