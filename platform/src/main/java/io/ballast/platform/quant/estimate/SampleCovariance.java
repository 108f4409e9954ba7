package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
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

    /**
     * Annual covariance of assets that trade on different calendars (equities 252 days a year, crypto
     * 365), in the order of {@code returns.assets()}: each pair scaled by the periods a year in which
     * both trade, the smaller of their two counts. A pair's sample covariance is measured over the
     * periods in which both have a return, so an equity-crypto pair co-moves on the equity's 252
     * days; the crypto's weekend moves add to its own variance (× 365) but are measured against no
     * equity move. (Scaling by the geometric mean sqrt(252 × 365) instead would keep the periodic
     * correlation, but claim co-movement on days one of the two does not trade.) The min(p_i, p_j)
     * matrix is positive semidefinite, so scaling a positive semidefinite periodic covariance
     * element-wise by it keeps it so (Schur product theorem).
     *
     * @param periodsPerYearByAsset one per asset of {@code returns}, each at least 1
     * @throws io.ballast.platform.problem.InvalidInputException as {@link #annualised(ReturnSeries, int)}, or
     *     (field {@code periodsPerYear}) when the counts do not match the assets
     */
    public static double[][] annualisedPerPairCalendar(ReturnSeries returns, int[] periodsPerYearByAsset) {
        if (periodsPerYearByAsset == null || periodsPerYearByAsset.length != returns.assetCount()) {
            throw new InvalidInputException(Annualisation.FIELD, "needs one count per asset ("
                    + returns.assetCount() + "), got " + (periodsPerYearByAsset == null ? "none" : periodsPerYearByAsset.length));
        }
        for (int periodsPerYear : periodsPerYearByAsset) {
            Annualisation.requireValid(periodsPerYear);
        }
        double[][] covariance = PairwiseMoments.covariance(returns).perPeriodCovariance();
        for (int i = 0; i < covariance.length; i++) {
            for (int j = 0; j < covariance.length; j++) {
                covariance[i][j] *= Math.min(periodsPerYearByAsset[i], periodsPerYearByAsset[j]);
            }
        }
        return covariance;
    }
}
