package io.ballast.platform.quant.risk;

/** How a {@link TailLoss} was estimated. */
public enum TailRiskMethod {
    /** {@link NormalTailLoss}: normal distribution with the sample mean and standard deviation. */
    PARAMETRIC_NORMAL,
    /** {@link CornishFisherTailLoss}: the normal quantile corrected for skewness and excess kurtosis. */
    CORNISH_FISHER,
    /** {@link EmpiricalTailLoss} of the portfolio's observed returns. */
    HISTORICAL,
    /** {@link EmpiricalTailLoss} of returns simulated by {@link MonteCarloPortfolioReturns}. */
    MONTE_CARLO
}
