package io.ballast.platform.quant.performance;

import io.ballast.platform.problem.InvalidInputException;

/**
 * One segment (sector, country, asset class) of a portfolio and its benchmark over one period:
 * the weights are fractions of each side's value at the start of the period, the returns that
 * segment's simple return over the period.
 *
 * @param name the segment, not blank
 * @param portfolioWeight {@code w_p,i}
 * @param benchmarkWeight {@code w_b,i}
 * @param portfolioReturn {@code r_p,i}, the return of the portfolio's holdings in the segment
 * @param benchmarkReturn {@code r_b,i}, the return of the benchmark's holdings in the segment
 */
public record BrinsonSegment(String name, double portfolioWeight, double benchmarkWeight, double portfolioReturn,
        double benchmarkReturn) {

    public BrinsonSegment {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("segments", "a segment has no name");
        }
        if (!Double.isFinite(portfolioWeight) || !Double.isFinite(benchmarkWeight) || !Double.isFinite(portfolioReturn)
                || !Double.isFinite(benchmarkReturn)) {
            throw new InvalidInputException("segments", "segment '" + name + "' has a weight or return that is not a finite number");
        }
    }
}
