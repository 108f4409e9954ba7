package io.ballast.platform.risk.rules;

import io.ballast.api.execution.OrderSide;
import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.VolatilityRegime;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.risk.RiskFacts;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's rules folder ({@code rules/}, with the shipped limits.yaml) through the real
 * engine, and quiet facts to vary one figure of: a position at its entry price, a portfolio at
 * its peak with no exposure, a small trade.
 */
final class ShippedRules {

    /** The repository's rules folder; tests run in platform/. */
    static final Path SHIPPED_RULES = Path.of("..", "rules");

    static final RiskEngine ENGINE = RiskEngine.load(SHIPPED_RULES);

    private ShippedRules() {
    }

    static List<RiskDecision> decide(PositionRisk... positions) {
        return ENGINE.evaluate(RiskFacts.ofPositions(List.of(positions))).decisions();
    }

    static List<RiskDecision> decide(PortfolioRisk portfolio, List<PositionRisk> positions, List<ProposedTrade> trades) {
        return ENGINE.evaluate(RiskFacts.of(portfolio, positions, trades)).decisions();
    }

    /** 10 units bought at 100, last 100: no gain, no loss, weight 0. */
    static PositionRisk flat(String asset) {
        return PositionRisk.ofPrices("p1", asset, 10, 100, 100);
    }

    /** NAV 1,000,000 at its peak, VaR known and 0, no exposure, no P&L today. */
    static PortfolioRisk quietPortfolio() {
        return portfolio(1_000_000, 1_000_000, 0, 0, 0, 0);
    }

    static PortfolioRisk portfolio(double nav, double peakNav, double var95, double grossExposure, double herfindahl, double dailyPnl) {
        return new PortfolioRisk("p1", nav, peakNav, var95, var95, var95, var95, grossExposure, grossExposure, herfindahl, dailyPnl,
                VolatilityRegime.NORMAL);
    }

    /** t1: buy 10 units of A (Technology), weight 1% to 2%, sector to 5%, leverage 1. */
    static ProposedTrade smallBuy() {
        return trade(OrderSide.BUY, 0.01, 0.02, 0.05, 1.0);
    }

    /** t1 on A (Technology), the only trade in its sector: the sector moves by A's own change of weight. */
    static ProposedTrade trade(OrderSide side, double currentWeight, double resultingWeight, double resultingSectorWeight, double resultingLeverage) {
        return trade(side, currentWeight, resultingWeight, resultingSectorWeight - (resultingWeight - currentWeight), resultingSectorWeight,
                resultingLeverage);
    }

    static ProposedTrade trade(OrderSide side, double currentWeight, double resultingWeight, double currentSectorWeight,
                               double resultingSectorWeight, double resultingLeverage) {
        return new ProposedTrade("t1", "p1", "A", "Technology", side, 10, 1_000, currentWeight, resultingWeight, currentSectorWeight,
                resultingSectorWeight, resultingLeverage);
    }
}
