package io.ballast.api.execution;

/** How an order is priced. */
public enum OrderType {
    /** At the venue's best available price. */
    MARKET,
    /** At the order's limit price or better: a buy no higher, a sell no lower. */
    LIMIT
}
