package io.ballast.platform.http;

import io.ballast.api.risk.RiskDecision;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /api/v1/portfolios/{id}/risk-checks} needs from the workflow stage: run the
 * process {@code portfolio-risk-check} on a portfolio and wait for the rules' decisions. Blocks;
 * the API calls it off the event loop.
 */
public interface RiskCheckPort {

    /**
     * @param requestedBy the authenticated user
     * @return the decisions, or empty when there is no portfolio with that id
     * @throws io.ballast.platform.problem.InvalidInputException when the portfolio cannot be checked as it is
     */
    Optional<RiskCheck> run(String portfolioId, String requestedBy);

    /**
     * @param rulesVersion the version of the rule set that decided
     * @param decisions    what the rules decided, empty when none fired
     */
    record RiskCheck(String portfolioId, String rulesVersion, List<RiskDecision> decisions) {

        public RiskCheck {
            Objects.requireNonNull(portfolioId, "portfolioId");
            Objects.requireNonNull(rulesVersion, "rulesVersion");
            decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
        }
    }
}
