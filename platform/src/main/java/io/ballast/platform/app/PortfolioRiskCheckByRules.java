package io.ballast.platform.app;

import io.ballast.api.portfolio.PortfolioValuation;
import io.ballast.platform.portfolio.PortfolioBook;
import io.ballast.platform.risk.PositionRiskFacts;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.risk.RiskEvaluation;
import io.ballast.platform.workflow.PortfolioRiskCheck;
import io.ballast.platform.workflow.RiskCheckOutcome;
import io.ballast.platform.workflow.UnknownPortfolioException;

/** What the risk-check service task does: value the portfolio at the last prices and run the rules over it. */
final class PortfolioRiskCheckByRules implements PortfolioRiskCheck {

    private final PortfolioBook book;
    private final RiskEngine risk;

    PortfolioRiskCheckByRules(PortfolioBook book, RiskEngine risk) {
        this.book = book;
        this.risk = risk;
    }

    @Override
    public RiskCheckOutcome check(String portfolioId) {
        PortfolioValuation valuation = book.value(portfolioId).orElseThrow(() -> new UnknownPortfolioException(portfolioId));
        RiskEvaluation evaluation = risk.evaluate(RiskFacts.ofPositions(PositionRiskFacts.of(valuation)));
        return new RiskCheckOutcome(evaluation.rulesVersion(), evaluation.decisions());
    }
}
