package io.ballast.platform.quant.risk.report;

import io.ballast.platform.quant.risk.TailRiskMethod;

/**
 * Value at Risk and Expected Shortfall of the portfolio by one method at one confidence, as
 * positive loss fractions of portfolio value over one period (see
 * {@link io.ballast.platform.quant.risk.TailLoss}). Both are null when the method cannot run on the
 * data; {@link PortfolioRiskReport#unavailableMeasures()} says why.
 */
public record TailRiskEstimate(TailRiskMethod method, double confidence, Double valueAtRiskFraction,
        Double expectedShortfallFraction) {
}
