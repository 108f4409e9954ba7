package io.ballast.api.strategy;

/** The state of a market as a regime classifier calls it. */
public enum MarketRegime {
    /** Prices trend up at ordinary volatility. */
    BULL,
    /** Prices trend down at ordinary volatility. */
    BEAR,
    /** No clear trend, ordinary volatility. */
    SIDEWAYS,
    /** Volatility well above its norm, whatever the trend. */
    HIGH_VOLATILITY
}
