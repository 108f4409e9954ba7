package io.ballast.platform.rebalance;

import io.ballast.platform.problem.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The prices a rebalance's orders carry as their reference price, one per traded asset, in the base currency:
 * fixed once, when its execution first starts, and the same for every run after it.
 *
 * @param priceByAsset each traded asset's price; positive
 */
public record ExecutionPrices(Map<String, BigDecimal> priceByAsset) {

    public ExecutionPrices {
        Objects.requireNonNull(priceByAsset, "priceByAsset");
        priceByAsset.forEach((asset, price) -> {
            if (price == null || price.signum() <= 0) {
                throw new IllegalArgumentException("the execution price of " + asset + " must be positive, got " + price);
            }
        });
        priceByAsset = Map.copyOf(priceByAsset);
    }

    /**
     * The trades' own last prices, the ones they were proposed at: what an execution started before execution
     * prices were stored sent its orders at.
     */
    public static ExecutionPrices asProposed(List<RebalanceTrade> trades) {
        Map<String, BigDecimal> prices = new TreeMap<>();
        trades.forEach(trade -> prices.put(trade.asset(), trade.lastPrice()));
        return new ExecutionPrices(prices);
    }

    /**
     * The price of {@code asset}.
     *
     * @throws InvalidInputException naming {@code executionPrices.<asset>} when it has none
     */
    public BigDecimal of(String asset) {
        BigDecimal price = priceByAsset.get(asset);
        if (price == null) {
            throw new InvalidInputException("executionPrices." + asset, "is missing: every traded asset needs the price its orders carry");
        }
        return price;
    }
}
