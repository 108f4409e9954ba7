package io.ballast.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ballast.api.execution.OrderSide;
import io.ballast.platform.riskfacts.InlinePortfolio;
import io.ballast.platform.riskfacts.InlinePosition;
import io.ballast.platform.riskfacts.TradeRequest;
import io.ballast.platform.security.BearerAccess;
import io.ballast.platform.store.StoredAlert;
import io.ballast.platform.store.StoredRiskEvaluation;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code evaluateRisk}, {@code listRiskDecisions} and {@code listAlerts}. */
final class RiskEvaluationHandlers {

    /** How many evaluations or alerts a listing gives when the request does not say. */
    static final int DEFAULT_LIMIT = 50;

    /** The body of evaluateRisk as the contract's RiskEvaluationRequest schema has checked it. */
    private record EvaluateBody(String portfolioId, BigDecimal cash, List<InlinePosition> positions, BigDecimal peakNetAssetValue,
                                List<TradeBody> trades) {}

    private record TradeBody(String id, String asset, OrderSide side, BigDecimal quantity) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record EvaluationBody(String rulesVersion, String portfolioId, Instant evaluatedAt, List<RiskDecisionBody> decisions) {}

    private record StoredEvaluationBody(String id, String portfolioId, Instant evaluatedAt, String rulesVersion, String trigger,
                                        String requestedBy, List<RiskDecisionBody> decisions) {}

    private record EvaluationListBody(List<StoredEvaluationBody> evaluations) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record AlertBody(String id, Instant raisedAt, String severity, String title, String message, String source,
                             String portfolioId, String rulesVersion, String delivery, String deliveryError) {}

    private record AlertListBody(List<AlertBody> alerts) {}

    private final RiskEvaluationPort risk;

    RiskEvaluationHandlers(RiskEvaluationPort risk) {
        this.risk = Objects.requireNonNull(risk, "risk");
    }

    void evaluate(RoutingContext rc) {
        String user = BearerAccess.user(rc).name();
        EvaluateBody body = JsonBodies.read(rc, EvaluateBody.class);
        boolean inline = body.positions() != null || body.cash() != null || body.peakNetAssetValue() != null;
        if (body.portfolioId() != null && inline) {
            throw new MalformedRequestException("portfolioId",
                    "give either portfolioId (a stored portfolio) or positions and cash (inline), not both");
        }
        if (body.portfolioId() == null && body.positions() == null) {
            throw new MalformedRequestException("portfolioId",
                    "give portfolioId (a stored portfolio) or positions and cash (inline)");
        }
        if (body.portfolioId() == null && body.cash() == null) {
            throw new MalformedRequestException("cash", "is required with inline positions");
        }
        List<TradeRequest> trades = body.trades() == null ? List.of() : body.trades().stream()
                .map(trade -> new TradeRequest(trade.id(), trade.asset(), trade.side(), trade.quantity()))
                .toList();
        rc.vertx()
                .executeBlocking(() -> body.portfolioId() != null
                        ? risk.evaluateStored(body.portfolioId(), trades, user)
                        : Optional.of(risk.evaluateInline(new InlinePortfolio(body.cash(), body.positions(), body.peakNetAssetValue()), trades)),
                        false)
                .onSuccess(evaluation -> evaluation.ifPresentOrElse(
                        found -> JsonBodies.send(rc, 200, new EvaluationBody(found.rulesVersion(), found.portfolioId().orElse(null),
                                found.evaluatedAt(), found.decisions().stream().map(RiskDecisionBody::of).toList())),
                        () -> rc.fail(new ResourceNotFoundException("portfolio", body.portfolioId()))))
                .onFailure(rc::fail);
    }

    void decisions(RoutingContext rc) {
        Optional<String> portfolioId = rc.queryParam("portfolioId").stream().findFirst();
        int limit = limit(rc);
        rc.vertx()
                .executeBlocking(() -> risk.latestEvaluations(portfolioId, limit), false)
                .onSuccess(evaluations -> JsonBodies.send(rc, 200,
                        new EvaluationListBody(evaluations.stream().map(RiskEvaluationHandlers::body).toList())))
                .onFailure(rc::fail);
    }

    void alerts(RoutingContext rc) {
        int limit = limit(rc);
        rc.vertx()
                .executeBlocking(() -> risk.latestAlerts(limit), false)
                .onSuccess(alerts -> JsonBodies.send(rc, 200, new AlertListBody(alerts.stream().map(RiskEvaluationHandlers::body).toList())))
                .onFailure(rc::fail);
    }

    /** The contract has checked that it is an integer within its bounds. */
    private static int limit(RoutingContext rc) {
        return rc.queryParam("limit").stream().findFirst().map(Integer::parseInt).orElse(DEFAULT_LIMIT);
    }

    private static StoredEvaluationBody body(StoredRiskEvaluation evaluation) {
        return new StoredEvaluationBody(evaluation.id(), evaluation.portfolioId(), evaluation.evaluatedAt(), evaluation.rulesVersion(),
                evaluation.trigger().name(), evaluation.requestedBy(),
                evaluation.decisions().stream().map(RiskDecisionBody::of).toList());
    }

    private static AlertBody body(StoredAlert stored) {
        return new AlertBody(stored.id(), stored.alert().time(), stored.alert().severity().name(), stored.alert().title(),
                stored.alert().message(), stored.alert().source(), stored.portfolioId().orElse(null),
                stored.rulesVersion().orElse(null), stored.delivery().name(), stored.deliveryError().orElse(null));
    }

}
