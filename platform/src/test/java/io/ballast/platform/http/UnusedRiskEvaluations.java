package io.ballast.platform.http;

import io.ballast.platform.riskfacts.InlinePortfolio;
import io.ballast.platform.riskfacts.TradeRequest;
import io.ballast.platform.store.StoredAlert;
import io.ballast.platform.store.StoredRiskEvaluation;
import java.util.List;
import java.util.Optional;

/** For API tests that do not reach the risk-evaluation operations (RiskEvaluationApiTest does). */
final class UnusedRiskEvaluations implements RiskEvaluationPort {

    @Override
    public Optional<Evaluation> evaluateStored(String portfolioId, List<TradeRequest> trades, String requestedBy) {
        throw new UnsupportedOperationException("not used by this test");
    }

    @Override
    public Evaluation evaluateInline(InlinePortfolio portfolio, List<TradeRequest> trades) {
        throw new UnsupportedOperationException("not used by this test");
    }

    @Override
    public List<StoredRiskEvaluation> latestEvaluations(Optional<String> portfolioId, int limit) {
        throw new UnsupportedOperationException("not used by this test");
    }

    @Override
    public List<StoredAlert> latestAlerts(int limit) {
        throw new UnsupportedOperationException("not used by this test");
    }
}
