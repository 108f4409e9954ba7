package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.prices.ReturnSeries;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Expected return by the Capital Asset Pricing Model, {@code rf + beta_i (E[R_m] - rf)}, as
 * PyPortfolioOpt's {@code capm_return}:
 * <ul>
 *   <li>the market is the caller's return series, taken on the assets' return dates (a date the
 *       market lacks is missing), or, when there is none, the equal-weighted mean of the assets'
 *       returns available each period;</li>
 *   <li>{@code beta_i = cov(R_i, R_m) / var(R_m)}: the covariance over the periods both have a
 *       return, the market variance over all of the market's (both with divisor n - 1);</li>
 *   <li>{@code E[R_m]} is the market's compound annual growth over its returns, as
 *       {@link GeometricMeanReturn};</li>
 *   <li>{@code rf} is annual, as a fraction.</li>
 * </ul>
 */
public final class CapmReturn {

    static final String MARKET_FIELD = "marketReturns";

    private CapmReturn() {
    }

    /**
     * Annual expected returns (fractions), in the order of {@code returns.assets()}.
     *
     * @param marketReturns the market's returns, one asset; empty for the equal-weighted universe
     * @param annualRiskFreeRate annual risk-free rate, as a fraction
     * @throws InvalidInputException when an asset has fewer than two returns, or fewer than two in
     *     common with the market (field {@code prices}), the market has more than one asset or
     *     fewer than two returns on the assets' dates (field {@code marketReturns}), the rate is
     *     not finite, or {@code periodsPerYear} is below 1
     */
    public static double[] annualised(ReturnSeries returns, Optional<ReturnSeries> marketReturns, double annualRiskFreeRate,
            int periodsPerYear) {
        Annualisation.requireValid(periodsPerYear);
        if (!Double.isFinite(annualRiskFreeRate)) {
            throw new InvalidInputException("annualRiskFreeRate", "must be a finite number, was " + annualRiskFreeRate);
        }
        ObservationRequirement.requireTwoPerAsset(returns);
        double[] market = marketReturns.map(m -> alignedMarket(m, returns)).orElseGet(() -> equalWeightedMarket(returns));

        int marketCount = 0;
        double marketSum = 0.0;
        double marketLogGrowth = 0.0;
        for (int p = 0; p < market.length; p++) {
            double value = market[p];
            if (value <= -1.0) {
                throw new InvalidInputException(MARKET_FIELD, "the market returns " + value + " on " + returns.dates().get(p)
                        + "; a compound growth needs returns above -100%");
            }
            if (!Double.isNaN(value)) {
                marketCount++;
                marketSum += value;
                marketLogGrowth += Math.log1p(value);
            }
        }
        if (marketCount < 2) {
            throw new InvalidInputException(MARKET_FIELD, "the market has " + marketCount
                    + " returns on the assets' dates; at least two are needed");
        }
        double marketMean = marketSum / marketCount;
        double marketSquares = 0.0;
        for (double value : market) {
            if (!Double.isNaN(value)) {
                marketSquares += (value - marketMean) * (value - marketMean);
            }
        }
        double marketVariance = marketSquares / (marketCount - 1);
        if (!(marketVariance > 0)) {
            throw new InvalidInputException(MARKET_FIELD, "the market's returns do not vary; a beta needs a market that moves");
        }
        double marketAnnualReturn = Math.expm1(marketLogGrowth * periodsPerYear / marketCount);

        double[] annual = new double[returns.assetCount()];
        for (int a = 0; a < annual.length; a++) {
            double beta = covarianceWithMarket(returns, a, market) / marketVariance;
            annual[a] = annualRiskFreeRate + beta * (marketAnnualReturn - annualRiskFreeRate);
        }
        return annual;
    }

    /** Sample covariance (n - 1) of one asset with the market over the periods both have a return. */
    private static double covarianceWithMarket(ReturnSeries returns, int asset, double[] market) {
        int count = 0;
        double assetSum = 0.0;
        double marketSum = 0.0;
        for (int p = 0; p < market.length; p++) {
            double value = returns.returnAt(p, asset);
            if (!Double.isNaN(value) && !Double.isNaN(market[p])) {
                count++;
                assetSum += value;
                marketSum += market[p];
            }
        }
        if (count < 2) {
            throw new InvalidInputException(ObservationRequirement.FIELD, "asset " + returns.assets().get(asset) + " shares "
                    + count + " periods with the market's returns; a beta needs at least two");
        }
        double assetMean = assetSum / count;
        double marketMean = marketSum / count;
        double products = 0.0;
        for (int p = 0; p < market.length; p++) {
            double value = returns.returnAt(p, asset);
            if (!Double.isNaN(value) && !Double.isNaN(market[p])) {
                products += (value - assetMean) * (market[p] - marketMean);
            }
        }
        return products / (count - 1);
    }

    private static double[] alignedMarket(ReturnSeries marketReturns, ReturnSeries returns) {
        if (marketReturns.assetCount() != 1) {
            throw new InvalidInputException(MARKET_FIELD, "must hold one series, found " + marketReturns.assetCount()
                    + ": " + String.join(", ", marketReturns.assets()));
        }
        Map<LocalDate, Double> byDate = new HashMap<>();
        for (int p = 0; p < marketReturns.periodCount(); p++) {
            byDate.put(marketReturns.dates().get(p), marketReturns.returnAt(p, 0));
        }
        double[] market = new double[returns.periodCount()];
        for (int p = 0; p < market.length; p++) {
            market[p] = byDate.getOrDefault(returns.dates().get(p), Double.NaN);
        }
        return market;
    }

    private static double[] equalWeightedMarket(ReturnSeries returns) {
        double[] market = new double[returns.periodCount()];
        for (int p = 0; p < market.length; p++) {
            double sum = 0.0;
            int count = 0;
            for (int a = 0; a < returns.assetCount(); a++) {
                double value = returns.returnAt(p, a);
                if (!Double.isNaN(value)) {
                    sum += value;
                    count++;
                }
            }
            market[p] = count == 0 ? Double.NaN : sum / count;
        }
        return market;
    }
}
