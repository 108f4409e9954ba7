package io.ballast.platform.quant.performance;

import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.quant.risk.Annualisation;

/**
 * How to annualise and what to measure excess returns against.
 *
 * @param periodsPerYear observations a year (252 trading days, 365 crypto, 12 months)
 * @param annualRiskFreeRate annual risk-free rate, a fraction, for Sharpe, Treynor and Jensen's alpha
 * @param annualTargetReturn annual minimum acceptable return, a fraction, for Sortino (default 0)
 */
public record PerformanceSettings(int periodsPerYear, double annualRiskFreeRate, double annualTargetReturn) {

    public PerformanceSettings {
        new Annualisation(periodsPerYear);
        checkAnnualRate("annualRiskFreeRate", annualRiskFreeRate);
        checkAnnualRate("annualTargetReturn", annualTargetReturn);
    }

    /** 252 periods a year, risk-free rate 0, Sortino target 0. */
    public static PerformanceSettings defaults() {
        return new PerformanceSettings(Annualisation.TRADING_DAYS, 0, 0);
    }

    public Annualisation annualisation() {
        return new Annualisation(periodsPerYear);
    }

    private static void checkAnnualRate(String field, double rate) {
        if (!Double.isFinite(rate) || rate <= -1) {
            throw new InvalidInputException(field, "must be a finite annual fraction above -1, got " + rate);
        }
    }
}
