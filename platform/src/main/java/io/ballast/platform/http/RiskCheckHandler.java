package io.ballast.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.security.BearerAccess;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** {@code runRiskCheck}: runs the portfolio-risk-check process and answers with the rules' decisions. */
final class RiskCheckHandler {

    private record RiskCheckBody(String portfolioId, String rulesVersion, List<DecisionBody> decisions) {}

    /** {@code reduceFraction} is null (left out) unless the action is REDUCE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record DecisionBody(String rule, String severity, String action, Double reduceFraction, SubjectBody subject, String message) {}

    private record SubjectBody(String kind, String id) {}

    private final RiskCheckPort riskChecks;

    RiskCheckHandler(RiskCheckPort riskChecks) {
        this.riskChecks = Objects.requireNonNull(riskChecks, "riskChecks");
    }

    void run(RoutingContext rc) {
        String id = rc.pathParam("id");
        String user = BearerAccess.user(rc).name();
        rc.vertx()
                .executeBlocking(() -> riskChecks.run(id, user), false)
                .onSuccess(check -> check.ifPresentOrElse(
                        found -> JsonBodies.send(rc, 200, body(found)),
                        () -> rc.fail(new ResourceNotFoundException("portfolio", id))))
                .onFailure(rc::fail);
    }

    private static RiskCheckBody body(RiskCheckPort.RiskCheck check) {
        return new RiskCheckBody(check.portfolioId(), check.rulesVersion(),
                check.decisions().stream().map(RiskCheckHandler::body).toList());
    }

    private static DecisionBody body(RiskDecision decision) {
        return new DecisionBody(
                decision.rule(),
                decision.severity().name(),
                decision.action().name(),
                decision.reduceFraction().isPresent() ? decision.reduceFraction().getAsDouble() : null,
                new SubjectBody(decision.subject().kind().name().toLowerCase(Locale.ROOT), decision.subject().id()),
                decision.message());
    }
}
