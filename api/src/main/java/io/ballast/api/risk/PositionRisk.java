package io.ballast.api.risk;

import java.util.Objects;

/**
 * A rule fact: one holding of one portfolio, as the risk rules see it. Prices are in the
 * portfolio's base currency per unit; {@link #unrealisedPnlFraction()} is a fraction (-0.08 is
 * a loss of 8% against the average entry price).
 *
 * @param portfolioId       the portfolio holding the position
 * @param asset             the asset id
 * @param quantity          units held; negative for a short
 * @param averageEntryPrice the average price paid per unit; positive
 * @param lastPrice         the last known price per unit; positive
 */
public record PositionRisk(String portfolioId, String asset, double quantity, double averageEntryPrice, double lastPrice) {

    public PositionRisk {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(asset, "asset");
        if (!(averageEntryPrice > 0)) {
            throw new IllegalArgumentException("averageEntryPrice of " + asset + " must be positive: " + averageEntryPrice);
        }
        if (!(lastPrice > 0)) {
            throw new IllegalArgumentException("lastPrice of " + asset + " must be positive: " + lastPrice);
        }
    }

    /** Unrealised profit or loss per unit as a fraction of the entry price, from the holder's side (a short gains when the price falls). */
    public double unrealisedPnlFraction() {
        double priceChange = lastPrice / averageEntryPrice - 1.0;
        return quantity < 0 ? -priceChange : priceChange;
    }
}
