package io.ballast.platform.quant.estimate;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.platform.quant.prices.ReturnSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way from a price history to the annual {@link MarketEstimates} the optimizers take:
 * simple returns, expected returns and covariance by the methods in {@link EstimationSettings},
 * and a covariance that is always positive semidefinite (an estimate that is not is replaced by
 * the nearest one that is, logged at INFO). With the sample covariance the estimates carry the
 * pairwise correlation estimated alongside it (not necessarily positive semidefinite: it is for
 * distances such as HRP's); with the other methods the correlation is derived from the covariance.
 */
public final class MarketEstimator {

    private static final Logger log = LoggerFactory.getLogger(MarketEstimator.class);

    private MarketEstimator() {
    }

    /**
     * @throws io.ballast.platform.problem.InvalidInputException when an asset has fewer than two
     *     returns, a pair fewer than two common periods (field {@code prices}, naming the assets),
     *     or the CAPM market does not cover the assets' dates (field {@code marketReturns})
     */
    public static MarketEstimates estimate(PriceHistory prices, EstimationSettings settings) {
        return estimate(ReturnSeries.simple(prices), settings);
    }

    /** As {@link #estimate(PriceHistory, EstimationSettings)}, from returns already computed. */
    public static MarketEstimates estimate(ReturnSeries returns, EstimationSettings settings) {
        ObservationRequirement.requireTwoPerAsset(returns);
        int periodsPerYear = settings.periodsPerYear();
        double[] expectedReturns = switch (settings.expectedReturnMethod()) {
            case GEOMETRIC_MEAN -> GeometricMeanReturn.annualised(returns, periodsPerYear);
            case ARITHMETIC_MEAN -> ArithmeticMeanReturn.annualised(returns, periodsPerYear);
            case EXPONENTIALLY_WEIGHTED -> ExponentiallyWeightedReturn.annualised(returns, settings.expectedReturnSpan(), periodsPerYear);
            case CAPM -> CapmReturn.annualised(returns, settings.marketReturns(), settings.annualRiskFreeRate(), periodsPerYear);
        };
        double[][] correlation = null;
        double[][] covariance = switch (settings.covarianceMethod()) {
            case SAMPLE -> {
                PairwiseMoments moments = PairwiseMoments.covarianceAndCorrelation(returns);
                correlation = moments.correlation();
                yield Annualisation.annualise(moments.perPeriodCovariance(), periodsPerYear);
            }
            case EXPONENTIALLY_WEIGHTED -> ExponentiallyWeightedCovariance.annualised(returns, settings.covarianceHalfLife(),
                    periodsPerYear);
            case LEDOIT_WOLF -> LedoitWolfShrinkage.annualised(returns, periodsPerYear);
            case SEMICOVARIANCE -> Semicovariance.annualised(returns, settings.semicovarianceBenchmarkReturn(), periodsPerYear);
        };

        PositiveSemidefiniteRepair.Outcome outcome = PositiveSemidefiniteRepair.repair(covariance);
        if (outcome.repaired()) {
            log.info("The {} covariance of {} assets was not positive semidefinite (smallest eigenvalue {}); set {} negative"
                    + " eigenvalues to 0, the nearest positive semidefinite matrix in the Frobenius norm",
                    settings.covarianceMethod(), returns.assetCount(), outcome.smallestEigenvalue(), outcome.clippedEigenvalues());
        }
        return correlation == null
                ? new MarketEstimates(returns.assets(), expectedReturns, outcome.matrix())
                : new MarketEstimates(returns.assets(), expectedReturns, outcome.matrix(), correlation);
    }
}
