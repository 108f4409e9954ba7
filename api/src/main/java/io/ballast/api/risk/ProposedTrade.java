package io.ballast.api.risk;

import io.ballast.api.execution.OrderSide;
import java.util.Objects;

/**
 * A rule fact: a trade the portfolio proposes to make, with the portfolio it would leave behind.
 * "Resulting" figures are after <em>all</em> trades proposed together (a rebalance goes through
 * whole), at the last prices.
 *
 * @param id                    names the trade in decisions ({@code trade:<id>}); unique within one evaluation
 * @param portfolioId           the portfolio that would trade
 * @param asset                 the asset id
 * @param sector                the asset's sector
 * @param side                  buy or sell
 * @param quantity              units to trade; positive
 * @param notional              quantity times the last price, in the base currency; positive
 * @param currentWeight         the asset's signed weight before the trades, a fraction of the NAV
 * @param resultingWeight       the asset's signed weight after the trades
 * @param currentSectorWeight   the summed signed weight of the asset's sector before the trades
 * @param resultingSectorWeight the summed signed weight of the asset's sector after the trades
 * @param resultingLeverage     gross exposure over NAV after the trades
 */
public record ProposedTrade(
        String id,
        String portfolioId,
        String asset,
        String sector,
        OrderSide side,
        double quantity,
        double notional,
        double currentWeight,
        double resultingWeight,
        double currentSectorWeight,
        double resultingSectorWeight,
        double resultingLeverage) {

    public ProposedTrade {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(side, "side");
        FactNumbers.requirePositive("trade " + id, "quantity", quantity);
        FactNumbers.requirePositive("trade " + id, "notional", notional);
        FactNumbers.requireFinite("trade " + id, "currentWeight", currentWeight);
        FactNumbers.requireFinite("trade " + id, "resultingWeight", resultingWeight);
        FactNumbers.requireFinite("trade " + id, "currentSectorWeight", currentSectorWeight);
        FactNumbers.requireFinite("trade " + id, "resultingSectorWeight", resultingSectorWeight);
        FactNumbers.requireFinite("trade " + id, "resultingLeverage", resultingLeverage);
        if (resultingLeverage < 0) {
            throw new IllegalArgumentException("resultingLeverage of trade " + id + " must not be negative: " + resultingLeverage);
        }
    }

    /**
     * Whether the trade adds exposure to the asset: a larger absolute weight (a buy adding to a long, a
     * sell adding to a short), or a position turned to the other side (a long of 25% sold into a short
     * of 22% is a new short, however it compares with the long).
     */
    public boolean increasesExposure() {
        boolean turned = resultingWeight != 0 && Math.signum(resultingWeight) != Math.signum(currentWeight) && currentWeight != 0;
        return turned || Math.abs(resultingWeight) > Math.abs(currentWeight);
    }

    /**
     * Whether the trades add exposure to the asset's sector: a larger absolute sector weight, or a
     * sector turned to the other side, as {@link #increasesExposure()} for the asset. A short that
     * takes a 40% sector down to 35% (a hedge) does not, whatever it does to its own asset.
     */
    public boolean increasesSectorExposure() {
        boolean turned = resultingSectorWeight != 0 && currentSectorWeight != 0
                && Math.signum(resultingSectorWeight) != Math.signum(currentSectorWeight);
        return turned || Math.abs(resultingSectorWeight) > Math.abs(currentSectorWeight);
    }
}
