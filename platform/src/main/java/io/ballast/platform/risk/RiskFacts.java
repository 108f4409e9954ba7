package io.ballast.platform.risk;

import io.ballast.api.risk.PortfolioRisk;
import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.ProposedTrade;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one evaluation judges: a portfolio as a whole (when known), its positions, and the trades it
 * proposes. The engine adds the rule base's {@link io.ballast.api.risk.RiskLimits}.
 */
public record RiskFacts(Optional<PortfolioRisk> portfolio, List<PositionRisk> positions, List<ProposedTrade> trades) {

    public RiskFacts {
        Objects.requireNonNull(portfolio, "portfolio");
        positions = List.copyOf(positions);
        trades = List.copyOf(trades);
        Set<String> tradeIds = new HashSet<>();
        for (ProposedTrade trade : trades) {
            if (!tradeIds.add(trade.id())) {
                throw new IllegalArgumentException("two proposed trades have the id " + trade.id());
            }
        }
    }

    public static RiskFacts of(PortfolioRisk portfolio, List<PositionRisk> positions, List<ProposedTrade> trades) {
        return new RiskFacts(Optional.of(portfolio), positions, trades);
    }

    /** Positions alone, no portfolio-wide figures and no trades (position rules only). */
    public static RiskFacts ofPositions(List<PositionRisk> positions) {
        return new RiskFacts(Optional.empty(), positions, List.of());
    }
}
