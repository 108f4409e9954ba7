package io.ballast.platform.riskfacts;

import java.math.BigDecimal;

/**
 * One holding of a portfolio sent inline (a what-if, not stored). Optional fields are null when not
 * given: the last price then comes from the store's latest close, the sector from the instrument
 * data, the peak price is the better of entry and last price, leverage 1 and no liquidation price.
 */
public record InlinePosition(
        String asset,
        BigDecimal quantity,
        BigDecimal averageEntryPrice,
        BigDecimal lastPrice,
        String sector,
        BigDecimal peakPriceSinceEntry,
        BigDecimal leverage,
        BigDecimal liquidationPrice) {

    /** A position given by its asset, quantity and entry price only. */
    public static InlinePosition of(String asset, BigDecimal quantity, BigDecimal averageEntryPrice) {
        return new InlinePosition(asset, quantity, averageEntryPrice, null, null, null, null, null);
    }
}
