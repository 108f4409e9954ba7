package io.ballast.plugins.marketdata.synthetic;

/** How a synthetic source moves prices from one trading day to the next. */
enum SyntheticModel {
    /** Geometric Brownian motion: a log-normal daily return of given annual drift and volatility, independent per asset. */
    GBM,
    /** Whole days of historical simple returns drawn with replacement (in blocks, optionally), the same day for every asset. */
    BOOTSTRAP
}
