package io.ballast.api.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A portfolio marked to the last close of each asset.
 *
 * @param portfolioId   the portfolio id
 * @param name          its display name
 * @param baseCurrency  ISO 4217 code all amounts are in
 * @param cash          the cash balance as booked
 * @param netAssetValue {@code cash} plus the market values of the priced holdings: while
 *                      {@link #unpricedAssets()} is not empty it leaves those out, and so do the weights
 * @param valuedAt      when the valuation was made (each holding says how old its price is)
 * @param holdings      one per position, ordered by asset
 */
public record PortfolioValuation(
        String portfolioId,
        String name,
        String baseCurrency,
        BigDecimal cash,
        BigDecimal netAssetValue,
        Instant valuedAt,
        List<HoldingValuation> holdings) {

    public PortfolioValuation {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(netAssetValue, "netAssetValue");
        Objects.requireNonNull(valuedAt, "valuedAt");
        holdings = List.copyOf(holdings);
    }

    /** The holdings without a price yet, by asset: not in the NAV. */
    public List<String> unpricedAssets() {
        return holdings.stream().filter(holding -> !holding.priced()).map(HoldingValuation::asset).toList();
    }
}
