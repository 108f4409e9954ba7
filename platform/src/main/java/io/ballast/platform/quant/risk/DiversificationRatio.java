package io.ballast.platform.quant.risk;

import java.util.OptionalDouble;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Diversification ratio (Choueifaty and Coignard 2008): the weighted average of the assets'
 * volatilities over the portfolio's volatility, {@code (sum_i w_i sigma_i) / sigma_p} with
 * {@code sigma_i = sqrt(Sigma_ii)} and {@code sigma_p = sqrt(w' Sigma w)}. Unit-free (periodic and
 * annual covariance give the same ratio); 1 for a single asset or perfectly correlated assets,
 * higher the more the holdings offset each other. Meant for long-only weights. Empty when the
 * portfolio has no volatility.
 */
public final class DiversificationRatio {

    private DiversificationRatio() {
    }

    public static OptionalDouble of(RealMatrix covariance, double[] weights) {
        double portfolioVolatility = PortfolioVolatility.of(covariance, weights);
        if (portfolioVolatility == 0) {
            return OptionalDouble.empty();
        }
        double weightedVolatility = 0;
        for (int i = 0; i < weights.length; i++) {
            weightedVolatility += weights[i] * Math.sqrt(Math.max(covariance.getEntry(i, i), 0));
        }
        return OptionalDouble.of(weightedVolatility / portfolioVolatility);
    }
}
