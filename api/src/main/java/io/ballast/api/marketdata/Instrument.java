package io.ballast.api.marketdata;

import io.ballast.api.optimizer.TargetWeights;
import java.util.Objects;

/**
 * A tradable asset.
 *
 * @param id         the asset id used everywhere (ticker or pair), e.g. {@code AAPL}, {@code BTC-USD}; never
 *                   {@code CASH}, which target weights reserve for the portfolio's cash
 * @param name       the display name
 * @param assetClass equity or crypto
 * @param sector     the sector, for sector caps and reports (crypto assets use a sector such as {@code Layer 1})
 * @param currency   ISO 4217 code of the price currency, e.g. {@code USD}
 */
public record Instrument(String id, String name, AssetClass assetClass, String sector, String currency) {

    public Instrument {
        requireText(id, "id");
        if (TargetWeights.isCash(id)) {
            // a target weight of CASH is the cash's: an instrument of that id could never be targeted
            throw new IllegalArgumentException("instrument id " + id + " is reserved for the cash in target weights");
        }
        requireText(name, "name");
        Objects.requireNonNull(assetClass, "assetClass");
        requireText(sector, "sector");
        requireText(currency, "currency");
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("instrument " + field + " must not be empty");
        }
    }
}
