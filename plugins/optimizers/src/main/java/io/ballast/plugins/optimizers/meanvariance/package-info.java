/**
 * The mean-variance family of optimizers (minimum volatility, maximum Sharpe, efficient return,
 * efficient risk, maximum diversification, fractional Kelly) and the convex quadratic programming
 * they share: ojAlgo's active-set solver behind asset screening and an optimality certificate.
 * Returns, variances and volatilities are annual fractions; weights are fractions of portfolio value.
 */
package io.ballast.plugins.optimizers.meanvariance;
