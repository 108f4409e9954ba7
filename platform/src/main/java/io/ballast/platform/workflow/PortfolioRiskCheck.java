package io.ballast.platform.workflow;

/**
 * Runs the risk rules over one portfolio's current positions; what the
 * {@code ballast.risk.evaluate} service task calls. The risk stage supplies the implementation.
 */
@FunctionalInterface
public interface PortfolioRiskCheck {

    /**
     * @throws UnknownPortfolioException when no portfolio has this id: the process ends on its
     *         "Portfolio unknown" path instead of retrying
     * @throws RuntimeException          for anything else: the job is retried, then becomes an incident
     */
    RiskCheckOutcome check(String portfolioId);
}
