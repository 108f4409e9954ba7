package io.ballast.platform.portfolio;

import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.portfolio.Position;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Marks a portfolio to market. Rounding, decided once here:
 * <ul>
 *   <li>amounts (market value, unrealised P&L) are rounded to the base currency's minor unit (2 decimals
 *       for USD, 0 for JPY), half-even as in accounting, so no bias builds up over many holdings;</li>
 *   <li>the NAV is cash plus the <em>rounded</em> market values, so the reported figures add up exactly;</li>
 *   <li>fractions (weight, P&L fraction) keep {@value #FRACTION_DECIMALS} decimals, half-even: far below
 *       any tolerance a weight is compared with, and exact for the usual 1/2, 1/4, 1/5, 1/8.</li>
 * </ul>
 */
final class Valuation {

    static final int FRACTION_DECIMALS = 10;

    private Valuation() {
    }

    static PortfolioValuation of(Portfolio portfolio, Map<String, PriceBar> latestBars, Instant valuedAt) {
        int minorUnit = Currency.getInstance(portfolio.baseCurrency()).getDefaultFractionDigits();

        List<Position> positions = portfolio.positions().stream()
                .sorted(Comparator.comparing(Position::asset))
                .toList();
        BigDecimal netAssetValue = portfolio.cash();
        List<BigDecimal> marketValues = new ArrayList<>();
        for (Position position : positions) {
            PriceBar bar = latestBars.get(position.asset());
            BigDecimal marketValue = bar == null ? null
                    : position.quantity().multiply(bar.close()).setScale(minorUnit, RoundingMode.HALF_EVEN);
            marketValues.add(marketValue);
            if (marketValue != null) {
                netAssetValue = netAssetValue.add(marketValue);
            }
        }

        List<HoldingValuation> holdings = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            Position position = positions.get(i);
            PriceBar bar = latestBars.get(position.asset());
            if (bar == null) {
                holdings.add(new HoldingValuation(position.asset(), position.quantity(), position.averagePrice(),
                        null, null, null, null, null, null));
                continue;
            }
            BigDecimal last = bar.close();
            BigDecimal average = position.averagePrice();
            BigDecimal marketValue = marketValues.get(i);
            BigDecimal weight = netAssetValue.signum() == 0 ? null
                    : marketValue.divide(netAssetValue, FRACTION_DECIMALS, RoundingMode.HALF_EVEN);
            BigDecimal pnl = position.quantity().multiply(last.subtract(average))
                    .setScale(minorUnit, RoundingMode.HALF_EVEN);
            BigDecimal pnlFraction = last.subtract(average)
                    .multiply(BigDecimal.valueOf(position.quantity().signum()))
                    .divide(average, FRACTION_DECIMALS, RoundingMode.HALF_EVEN);
            holdings.add(new HoldingValuation(position.asset(), position.quantity(), average, last, bar.time(),
                    marketValue, weight, pnl, pnlFraction));
        }
        return new PortfolioValuation(portfolio.id(), portfolio.name(), portfolio.baseCurrency(), portfolio.cash(),
                netAssetValue, valuedAt, holdings);
    }
}
