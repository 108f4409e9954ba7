package io.ballast.platform.construction;

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
        double variance = 0;
        for (int i = 0; i < weights.length; i++) {
            expectedReturn += weights[i] * expectedAnnualReturns[i];
            double row = 0;
            for (int j = 0; j < weights.length; j++) {
                row += annualCovariance[i][j] * weights[j];
            }
            variance += weights[i] * row;
        }
        double volatility = Math.sqrt(Math.max(variance, 0));
        Double sharpe = volatility > 0 ? (expectedReturn - annualRiskFreeRate) / volatility : null;
        return new PortfolioPerformance(expectedReturn, volatility, sharpe);
    }
}
