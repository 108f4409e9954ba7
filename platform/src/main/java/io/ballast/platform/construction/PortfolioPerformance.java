package io.ballast.platform.construction;

import io.ballast.platform.quant.risk.PortfolioVolatility;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * How a set of weights is expected to perform under the estimates it was built from, annualised.
 *
 * @param expectedAnnualReturn w·μ, a fraction a year
 * @param annualVolatility     √(wᵀΣw), a fraction a year
 * @param sharpeRatio          (expectedAnnualReturn − rf) / annualVolatility with the caller's annual rf;
 *                             null for a riskless portfolio, whose ratio is not a number
 */
public record PortfolioPerformance(double expectedAnnualReturn, double annualVolatility, Double sharpeRatio) {

    static PortfolioPerformance of(double[] weights, double[] expectedAnnualReturns, double[][] annualCovariance,
            double annualRiskFreeRate) {
        double expectedReturn = 0;
        for (int i = 0; i < weights.length; i++) {
            expectedReturn += weights[i] * expectedAnnualReturns[i];
        }
        double volatility = PortfolioVolatility.of(new Array2DRowRealMatrix(annualCovariance, false), weights);
        Double sharpe = volatility > 0 ? (expectedReturn - annualRiskFreeRate) / volatility : null;
        return new PortfolioPerformance(expectedReturn, volatility, sharpe);
    }
}
