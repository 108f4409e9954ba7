package io.ballast.platform.rebalance;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The estimated cost of one trade, in the base currency, each part rounded half-even to its minor unit.
 *
 * @param fee    the venue's fee: {@code notional × feeBps / 10 000}
 * @param spread crossing half the spread: {@code notional × halfSpreadBps / 10 000}
 * @param impact square-root market impact: {@code notional × c × dailyVolatility × sqrt(quantity / averageDailyVolume)}
 */
public record TradeCost(BigDecimal fee, BigDecimal spread, BigDecimal impact) {

    public TradeCost {
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(spread, "spread");
        Objects.requireNonNull(impact, "impact");
    }

    public BigDecimal total() {
        return fee.add(spread).add(impact);
    }
}
