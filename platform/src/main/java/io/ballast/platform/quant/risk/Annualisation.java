package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;

/**
 * Turns periodic figures into annual ones and back, for returns observed {@code periodsPerYear}
 * times a year (252 for trading days, 365 for crypto, 12 for months).
 *
 * <ul>
 *   <li>volatility scales with the square root of time: {@code sigma_annual = sigma_periodic * sqrt(periodsPerYear)};</li>
 *   <li>an arithmetic mean scales linearly: {@code mean_annual = mean_periodic * periodsPerYear};</li>
 *   <li>compounded growth: {@code (1 + totalReturn)^(periodsPerYear / periodCount) - 1};</li>
 *   <li>an annual rate becomes a periodic one geometrically: {@code (1 + annualRate)^(1 / periodsPerYear) - 1}
 *       (as quantstats de-annualises its risk-free rate).</li>
 * </ul>
 *
 * @param periodsPerYear observations a year, at least 1
 */
public record Annualisation(int periodsPerYear) {

    /** Trading days a year, the default of the platform. */
    public static final int TRADING_DAYS = 252;

    public Annualisation {
        if (periodsPerYear < 1) {
            throw new InvalidInputException("periodsPerYear", "must be at least 1, got " + periodsPerYear);
        }
    }

    public static Annualisation tradingDays() {
        return new Annualisation(TRADING_DAYS);
    }

    public double volatility(double periodicStandardDeviation) {
        return periodicStandardDeviation * Math.sqrt(periodsPerYear);
    }

    public double arithmeticMean(double periodicMean) {
        return periodicMean * periodsPerYear;
    }

    /** The compound annual growth rate of a total return earned over {@code periodCount} periods. */
    public double compoundGrowthRate(double totalReturn, int periodCount) {
        return Math.pow(1 + totalReturn, (double) periodsPerYear / periodCount) - 1;
    }

    /** The periodic rate that compounds to {@code annualRate} over one year. */
    public double periodicRate(double annualRate) {
        return Math.pow(1 + annualRate, 1.0 / periodsPerYear) - 1;
    }
}
