package io.ballast.api.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A rule fact: one holding of one portfolio, as the risk rules see it. Prices are in the
 * portfolio's base currency per unit; fractions are plain fractions (0.05 is 5%).
 *
 * @param portfolioId           the portfolio holding the position
 * @param asset                 the asset id
 * @param sector                the asset's sector, as the instrument data names it
 * @param quantity              units held; negative for a short
 * @param averageEntryPrice     the average price paid per unit; positive
 * @param lastPrice             the last known price per unit; positive
 * @param unrealisedPnlFraction unrealised profit or loss as a fraction of the entry price, from the
 *                              holder's side (-0.08 is a loss of 8%; a short gains when the price
 *                              falls), as the portfolio valuation computed it: exactly, rounded to
 *                              {@value #FRACTION_DECIMALS} decimals, so a rule's threshold such as
 *                              {@code <= -0.08} holds at exactly 8% (92 / 100 - 1 in doubles would not)
 * @param peakPriceSinceEntry   the best price for the holder since the position was opened, entry
 *                              price included: the highest for a long, the lowest for a short; positive
 * @param weight                market value over the portfolio's NAV, a signed fraction (negative for a short)
 * @param leverage              the position's own leverage, notional over the margin posted for it:
 *                              1 for a position paid in full; at least 1
 * @param liquidationPrice      the price at which the venue would liquidate a margined position, or
 *                              null when there is none (a position paid in full)
 */
public record PositionRisk(
        String portfolioId,
        String asset,
        String sector,
        double quantity,
        double averageEntryPrice,
        double lastPrice,
        double unrealisedPnlFraction,
        double peakPriceSinceEntry,
        double weight,
        double leverage,
        Double liquidationPrice) {

    /** The decimals of {@link #unrealisedPnlFraction}, the same as the portfolio valuation's fractions. */
    public static final int FRACTION_DECIMALS = 10;

    /** The sector of an asset the instrument data does not classify. */
    public static final String UNCLASSIFIED_SECTOR = "Unclassified";

    public PositionRisk {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(sector, "sector");
        FactNumbers.requirePositive(asset, "averageEntryPrice", averageEntryPrice);
        FactNumbers.requirePositive(asset, "lastPrice", lastPrice);
        FactNumbers.requirePositive(asset, "peakPriceSinceEntry", peakPriceSinceEntry);
        FactNumbers.requireFinite(asset, "quantity", quantity);
        FactNumbers.requireFinite(asset, "unrealisedPnlFraction", unrealisedPnlFraction);
        FactNumbers.requireFinite(asset, "weight", weight);
        if (!(leverage >= 1) || !Double.isFinite(leverage)) {
            throw new IllegalArgumentException("leverage of " + asset + " must be a finite number of at least 1: " + leverage);
        }
        if (liquidationPrice != null) {
            FactNumbers.requirePositive(asset, "liquidationPrice", liquidationPrice);
        }
    }

    /**
     * The fact for a holding known only by its prices: the P&L fraction worked out as the valuation
     * does, the peak at the better of entry and last price, weight 0, sector
     * {@value #UNCLASSIFIED_SECTOR}, paid in full. The {@code with...} methods set the rest.
     */
    public static PositionRisk ofPrices(String portfolioId, String asset, double quantity, double averageEntryPrice, double lastPrice) {
        FactNumbers.requirePositive(asset, "averageEntryPrice", averageEntryPrice);
        FactNumbers.requirePositive(asset, "lastPrice", lastPrice);
        BigDecimal entry = BigDecimal.valueOf(averageEntryPrice);
        BigDecimal fraction = BigDecimal.valueOf(lastPrice).subtract(entry)
                .multiply(BigDecimal.valueOf((long) Math.signum(quantity)))
                .divide(entry, FRACTION_DECIMALS, RoundingMode.HALF_EVEN);
        double peak = quantity < 0 ? Math.min(averageEntryPrice, lastPrice) : Math.max(averageEntryPrice, lastPrice);
        return new PositionRisk(portfolioId, asset, UNCLASSIFIED_SECTOR, quantity, averageEntryPrice, lastPrice,
                fraction.doubleValue(), peak, 0, 1, null);
    }

    public PositionRisk withSector(String newSector) {
        return new PositionRisk(portfolioId, asset, newSector, quantity, averageEntryPrice, lastPrice, unrealisedPnlFraction,
                peakPriceSinceEntry, weight, leverage, liquidationPrice);
    }

    public PositionRisk withPeakPriceSinceEntry(double newPeak) {
        return new PositionRisk(portfolioId, asset, sector, quantity, averageEntryPrice, lastPrice, unrealisedPnlFraction,
                newPeak, weight, leverage, liquidationPrice);
    }

    public PositionRisk withWeight(double newWeight) {
        return new PositionRisk(portfolioId, asset, sector, quantity, averageEntryPrice, lastPrice, unrealisedPnlFraction,
                peakPriceSinceEntry, newWeight, leverage, liquidationPrice);
    }

    /** A margined position: its leverage and the price at which it would be liquidated (null for none). */
    public PositionRisk withMargin(double newLeverage, Double newLiquidationPrice) {
        return new PositionRisk(portfolioId, asset, sector, quantity, averageEntryPrice, lastPrice, unrealisedPnlFraction,
                peakPriceSinceEntry, weight, newLeverage, newLiquidationPrice);
    }

    public boolean isShort() {
        return quantity < 0;
    }

    /**
     * How far the price has come back from the holder's best price since entry, as a fraction of
     * that peak: {@code 1 - last / peak} for a long, {@code last / peak - 1} for a short; 0 at the peak.
     */
    public double declineFromPeakFraction() {
        return quantity < 0 ? lastPrice / peakPriceSinceEntry - 1 : 1 - lastPrice / peakPriceSinceEntry;
    }

    public boolean hasLiquidationPrice() {
        return liquidationPrice != null;
    }

    /**
     * How far the price may move against the holder before liquidation, as a fraction of the last
     * price: {@code |last - liquidation| / last}; NaN when there is no liquidation price.
     */
    public double distanceToLiquidationFraction() {
        return liquidationPrice == null ? Double.NaN : Math.abs(lastPrice - liquidationPrice) / lastPrice;
    }
}
