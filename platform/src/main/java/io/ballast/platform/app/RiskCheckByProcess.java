package io.ballast.platform.app;

import io.ballast.platform.http.RiskCheckPort;
import io.ballast.platform.problem.ServiceUnavailableException;
import io.ballast.platform.workflow.RiskCheckFailedException;
import io.ballast.platform.workflow.RiskCheckOutcome;
import io.ballast.platform.workflow.RiskCheckProcess;
import io.ballast.platform.workflow.UnknownPortfolioException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /api/v1/portfolios/{id}/risk-checks}: runs the BPMN process, so the check is the one the workflow makes. */
final class RiskCheckByProcess implements RiskCheckPort {

    private static final Logger LOG = LoggerFactory.getLogger(RiskCheckByProcess.class);

    private final RiskCheckProcess process;

    RiskCheckByProcess(RiskCheckProcess process) {
        this.process = process;
    }

    @Override
    public Optional<RiskCheck> run(String portfolioId, String requestedBy) {
        // an unknown portfolio ends the process at once on its BPMN error path: no look-up of our own first
        try {
            RiskCheckOutcome outcome = process.run(portfolioId).outcome();
            LOG.info("Risk check of portfolio {} requested by {}: {} decision(s) by rules {}",
                    portfolioId, requestedBy, outcome.decisions().size(), outcome.rulesVersion());
            return Optional.of(new RiskCheck(portfolioId, outcome.rulesVersion(), outcome.decisions()));
        } catch (UnknownPortfolioException gone) {
            return Optional.empty();
        } catch (RiskCheckFailedException notAnswered) {
            throw new ServiceUnavailableException(notAnswered.getMessage(), notAnswered);
        }
    }
}
