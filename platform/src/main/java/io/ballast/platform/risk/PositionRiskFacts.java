package io.ballast.platform.risk;

import io.ballast.api.portfolio.HoldingValuation;
import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.api.risk.PositionRisk;
import java.util.List;

/**
 * The facts the rules see for a valued portfolio: one {@link PositionRisk} per priced holding.
 * An unpriced holding gives no fact: a rule cannot judge a position it cannot value. The P&L
 * fraction is the valuation's own, so the rules and the API never disagree about a position.
 */
public final class PositionRiskFacts {

    private PositionRiskFacts() {
    }

    public static List<PositionRisk> of(PortfolioValuation valuation) {
        return valuation.holdings().stream()
                .filter(HoldingValuation::priced)
                .map(holding -> {
                    double entry = holding.averagePrice().doubleValue();
                    double last = holding.lastPrice().doubleValue();
                    double quantity = holding.quantity().doubleValue();
                    return new PositionRisk(valuation.portfolioId(), holding.asset(), PositionRisk.UNCLASSIFIED_SECTOR, quantity,
                            entry, last, holding.unrealisedPnlFraction().doubleValue(),
                            quantity < 0 ? Math.min(entry, last) : Math.max(entry, last),
                            holding.weight() == null ? 0 : holding.weight().doubleValue(), 1, null);
                })
                .toList();
    }
}
