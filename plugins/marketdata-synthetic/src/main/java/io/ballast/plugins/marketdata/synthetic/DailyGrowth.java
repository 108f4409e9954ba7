package io.ballast.plugins.marketdata.synthetic;

/** A seeded stream of gross daily returns: each call gives the next day's {@code close_t / close_(t-1)} per asset. */
@FunctionalInterface
interface DailyGrowth {

    /** Fills {@code growthByAsset} (one slot per asset, in the order the stream was made for) with the next day's factors. */
    void next(double[] growthByAsset);
}
