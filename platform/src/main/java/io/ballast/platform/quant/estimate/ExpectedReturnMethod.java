package io.ballast.platform.quant.estimate;

/** How {@link MarketEstimator} estimates expected annual returns. */
public enum ExpectedReturnMethod {
    /** Compound annual growth over each asset's own returns, {@link GeometricMeanReturn}; the default. */
    GEOMETRIC_MEAN,
    /** Mean return times the periods per year, {@link ArithmeticMeanReturn}. */
    ARITHMETIC_MEAN,
    /** Exponentially weighted mean return times the periods per year, {@link ExponentiallyWeightedReturn}. */
    EXPONENTIALLY_WEIGHTED,
    /** Risk-free rate plus beta times the market's excess return, {@link CapmReturn}. */
    CAPM
}
