package io.ballast.api.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Black-Litterman needs beyond the estimates: market capitalisations for the market-implied
 * prior and the investor's views.
 *
 * @param marketCapitalisationByAsset market value of each asset in one currency; the prior's market
 *                                    weights are these over their sum
 * @param views                       the investor's views; empty for the prior alone
 */
public record MarketViews(Map<String, Double> marketCapitalisationByAsset, List<InvestorView> views) {

    private static final MarketViews NONE = new MarketViews(Map.of(), List.of());

    public MarketViews {
        Objects.requireNonNull(marketCapitalisationByAsset, "marketCapitalisationByAsset");
        Map<String, Double> copy = new LinkedHashMap<>();
        marketCapitalisationByAsset.forEach((asset, cap) -> {
            if (cap == null || !Double.isFinite(cap) || cap < 0) {
                throw new IllegalArgumentException("market capitalisation of " + asset + " must be a non-negative number: " + cap);
            }
            copy.put(asset, cap);
        });
        marketCapitalisationByAsset = Collections.unmodifiableMap(copy);
        views = List.copyOf(Objects.requireNonNull(views, "views"));
    }

    public static MarketViews none() {
        return NONE;
    }
}
