/**
 * Performance statistics of a periodic return series and Brinson attribution.
 *
 * <p>Returns are periodic simple returns as fractions ({@code NaN} = missing; a statistic of one
 * series uses its non-missing periods, one against a benchmark the periods where both have a
 * return). Rates given by the caller (risk-free rate, Sortino target) are annual fractions and are
 * turned into periodic ones geometrically, {@code (1 + rate)^(1 / periodsPerYear) - 1}, as
 * quantstats does. Ratios follow empyrical (quantopian/empyrical, used by pyfolio) unless a class
 * says otherwise; each class states whether it annualises an arithmetic mean
 * ({@code mean * periodsPerYear}) or compounds ({@code (1 + total)^(periodsPerYear / n) - 1}).
 * Statistics that are undefined for a series (a ratio over zero) are empty, never NaN or infinite.
 */
package io.ballast.platform.quant.performance;
