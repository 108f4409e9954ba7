package io.ballast.api.risk;

/**
 * How a portfolio's recent volatility compares with its longer-run volatility: the short window's
 * realised volatility over the long window's. The platform's thresholds are in its documentation.
 */
public enum VolatilityRegime {
    /** Recent volatility well below the long-run level. */
    LOW,
    /** Recent volatility near the long-run level. */
    NORMAL,
    /** Recent volatility well above the long-run level: a volatility spike. */
    HIGH
}
