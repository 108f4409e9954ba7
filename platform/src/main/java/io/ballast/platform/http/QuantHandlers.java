package io.ballast.platform.http;

import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.construction.OptimizedPortfolio;
import io.ballast.platform.http.QuantBodies.ConstraintsInput;
import io.ballast.platform.http.QuantBodies.EstimationInput;
import io.ballast.platform.http.QuantBodies.FrontierRequest;
import io.ballast.platform.http.QuantBodies.OptimizeRequest;
import io.ballast.platform.http.QuantBodies.RiskReportRequest;
import io.ballast.platform.http.QuantBodies.ViewsInput;
import io.ballast.api.optimizer.MarketViews;
import io.ballast.platform.quant.risk.report.RiskReportSettings;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code optimizePortfolio}, {@code traceEfficientFrontier} and {@code reportPortfolioRisk}. */
final class QuantHandlers {

    private static final int DEFAULT_FRONTIER_POINTS = 20;

    /** The contract's frontier: its points as optimize answers each. */
    record FrontierBody(List<OptimizedPortfolio.Published> points) {}

    private final QuantPort quant;

    QuantHandlers(QuantPort quant) {
        this.quant = Objects.requireNonNull(quant, "quant");
    }

    void optimize(RoutingContext rc) {
        OptimizeRequest body = JsonBodies.read(rc, OptimizeRequest.class);
        answer(rc, () -> quant.optimize(new ConstructionRequest(body.method(), body.prices().history(quant),
                EstimationInput.settings(body.estimation()), riskFreeRate(body.riskFreeRate()),
                ConstraintsInput.constraints(body.constraints()), ViewsInput.marketViews(body.views()),
                body.parameters() == null ? Map.of() : body.parameters())).published());
    }

    void frontier(RoutingContext rc) {
        FrontierRequest body = JsonBodies.read(rc, FrontierRequest.class);
        answer(rc, () -> {
            ConstructionRequest request = new ConstructionRequest("efficient-return", body.prices().history(quant),
                    EstimationInput.settings(body.estimation()), riskFreeRate(body.riskFreeRate()),
                    ConstraintsInput.constraints(body.constraints()), MarketViews.none(), Map.of());
            int points = body.points() == null ? DEFAULT_FRONTIER_POINTS : body.points();
            return new FrontierBody(quant.frontier(request, points).stream().map(OptimizedPortfolio::published).toList());
        });
    }

    void riskReport(RoutingContext rc) {
        RiskReportRequest body = JsonBodies.read(rc, RiskReportRequest.class);
        answer(rc, () -> {
            RiskReportSettings settings = RiskReportSettings.defaults();
            if (body.confidences() != null) {
                settings = settings.withConfidences(body.confidences());
            }
            if (body.periodsPerYear() != null) {
                settings = settings.withPeriodsPerYear(body.periodsPerYear());
            }
            settings = settings.withAnnualRiskFreeRate(riskFreeRate(body.riskFreeRate()));
            settings = settings.withMonteCarlo(
                    body.monteCarloPaths() == null ? RiskReportSettings.DEFAULT_MONTE_CARLO_PATHS : body.monteCarloPaths(),
                    body.seed() == null ? RiskReportSettings.DEFAULT_MONTE_CARLO_SEED : body.seed())
                    .withStressScenarios(body.scenarios())
                    .withHistoricalWindows(body.windows());
            return quant.riskReport(body.prices().history(quant), body.weights(), settings);
        });
    }

    private static double riskFreeRate(Double given) {
        return given == null ? ConstructionRequest.DEFAULT_ANNUAL_RISK_FREE_RATE : given;
    }

    /** The quant work blocks (estimation, a plugin call): off the event loop, in order of arrival per request only. */
    private static void answer(RoutingContext rc, Callable<Object> work) {
        rc.vertx().executeBlocking(work, false)
                .onSuccess(result -> JsonBodies.send(rc, 200, result))
                .onFailure(rc::fail);
    }
}
