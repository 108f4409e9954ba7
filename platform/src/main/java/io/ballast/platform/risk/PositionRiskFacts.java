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
                .map(holding -> new PositionRisk(valuation.portfolioId(), holding.asset(), holding.quantity().doubleValue(),
                        holding.averagePrice().doubleValue(), holding.lastPrice().doubleValue(),
                        holding.unrealisedPnlFraction().doubleValue()))
                .toList();
    }
}
