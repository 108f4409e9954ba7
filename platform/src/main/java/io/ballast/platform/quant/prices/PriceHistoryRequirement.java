package io.ballast.platform.quant.prices;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.problem.InvalidInputException;
import java.util.List;

/**
 * What the quant stages need of a {@link PriceHistory} beyond what the type itself guarantees
 * (strictly increasing days, positive closes, NaN where missing): at least one asset, each named
 * and with at least one price, and at least two days, so that there is a return to measure.
 * Breaking it is bad input, reported under the field the prices came from.
 */
public final class PriceHistoryRequirement {

    /** The field prices are reported under when the caller names no other. */
    public static final String FIELD = "prices";

    private PriceHistoryRequirement() {
    }

    /**
     * Returns {@code prices} when the quant stages can measure returns from it.
     *
     * @param field the option or JSON path the prices came from
     * @throws InvalidInputException (under {@code field}) naming the first rule the prices break
     */
    public static PriceHistory requireMeasurable(PriceHistory prices, String field) {
        List<String> assets = prices.assets();
        ReturnSeries.requireUniqueAssets(field, assets);
        int dayCount = prices.dates().size();
        if (dayCount < 2) {
            throw new InvalidInputException(field, "the prices cover " + dayCount + (dayCount == 1 ? " date" : " dates")
                    + "; at least two are needed");
        }
        for (String asset : assets) {
            if (prices.lastClose(asset).isEmpty()) {
                throw new InvalidInputException(field, "asset " + asset + " has no price at all");
            }
        }
        return prices;
    }
}
