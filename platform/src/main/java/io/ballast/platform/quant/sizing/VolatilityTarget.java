package io.ballast.platform.quant.sizing;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Volatility targeting: size a position so that it alone runs at a target annual volatility,
 * {@code position = targetAnnualVolatility / assetAnnualVolatility}, capped at
 * {@code maximumLeverage} (a calm asset would otherwise call for unbounded leverage). Both
 * volatilities are annual fractions (0.15 = 15% a year).
 *
 * @param targetAnnualVolatility the volatility the position should run at, above 0
 * @param maximumLeverage the largest position allowed, a fraction of capital above 0 (1 = no leverage)
 */
public record VolatilityTarget(double targetAnnualVolatility, double maximumLeverage) {

    public VolatilityTarget {
        if (!(targetAnnualVolatility > 0) || Double.isInfinite(targetAnnualVolatility)) {
            throw new InvalidInputException("targetAnnualVolatility", "must be a finite fraction above 0, got " + targetAnnualVolatility);
        }
        if (!(maximumLeverage > 0) || Double.isInfinite(maximumLeverage)) {
            throw new InvalidInputException("maximumLeverage", "must be a finite fraction above 0, got " + maximumLeverage);
        }
    }

    /** {@code min(targetAnnualVolatility / assetAnnualVolatility, maximumLeverage)}. */
    public double positionFraction(double assetAnnualVolatility) {
        if (!(assetAnnualVolatility > 0) || Double.isInfinite(assetAnnualVolatility)) {
            throw new InvalidInputException("assetAnnualVolatility", "must be a finite fraction above 0, got " + assetAnnualVolatility);
        }
        return Math.min(targetAnnualVolatility / assetAnnualVolatility, maximumLeverage);
    }
}
