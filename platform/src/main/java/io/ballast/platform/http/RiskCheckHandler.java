package io.ballast.platform.http;

import io.ballast.platform.security.BearerAccess;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;

/** {@code runRiskCheck}: runs the portfolio-risk-check process and answers with the rules' decisions. */
final class RiskCheckHandler {

    private record RiskCheckBody(String portfolioId, String rulesVersion, List<RiskDecisionBody> decisions) {}

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
                check.decisions().stream().map(RiskDecisionBody::of).toList());
    }

}
