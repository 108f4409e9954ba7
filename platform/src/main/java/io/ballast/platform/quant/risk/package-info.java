/**
 * Risk measures of a portfolio from the periodic simple returns of its assets.
 *
 * <p>Conventions every class here follows:
 * <ul>
 *   <li>returns are periodic simple returns {@code r_t = p_t / p_{t-1} - 1} as fractions, laid out
 *       {@code [period][asset]}, oldest period first; {@code NaN} marks a missing return;</li>
 *   <li>weights are fractions of portfolio value, one per asset, in the order of the asset ids;</li>
 *   <li>the portfolio's return series uses only the periods where every held asset (weight not 0)
 *       has a return, see {@link io.ballast.platform.quant.risk.HeldAssetReturns};</li>
 *   <li>standard deviations and covariances are sample estimates (divisor n - 1);</li>
 *   <li>annual figures come from periodic ones through {@link io.ballast.platform.quant.risk.Annualisation}
 *       (default 252 periods a year);</li>
 *   <li>Value at Risk and Expected Shortfall are positive loss fractions of portfolio value over one
 *       period (a gain shows as a negative number);</li>
 *   <li>drawdowns are non-positive fractions of the running peak of wealth.</li>
 * </ul>
 * Bad input raises {@link io.ballast.platform.problem.InvalidInputException} naming the field.
 */
package io.ballast.platform.quant.risk;
