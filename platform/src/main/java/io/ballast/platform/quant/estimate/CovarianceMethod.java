package io.ballast.platform.quant.estimate;

/** How {@link MarketEstimator} estimates the annual covariance. */
public enum CovarianceMethod {
    /** Pairwise-complete sample covariance, {@link SampleCovariance}; the default. */
    SAMPLE,
    /** Exponentially weighted covariance with a half-life, {@link ExponentiallyWeightedCovariance}. */
    EXPONENTIALLY_WEIGHTED,
    /** Ledoit-Wolf shrinkage towards constant variance, {@link LedoitWolfShrinkage}. */
    LEDOIT_WOLF,
    /** Covariance of shortfalls below a benchmark return, {@link Semicovariance}. */
    SEMICOVARIANCE
}
