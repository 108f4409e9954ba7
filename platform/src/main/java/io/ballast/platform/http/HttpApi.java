package io.ballast.platform.http;

import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.health.ComponentHealth;
import io.ballast.platform.security.AccessTokens;
import io.ballast.platform.security.BearerAccess;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API, the HTTP stage's entry point. Routes come from the OpenAPI contract in
 * ballast-api ({@code io/ballast/api/openapi.yaml}); every operation's route runs, in order, the
 * access check ({@code x-ballast-roles}, 401/403), validation against the contract (400) and the
 * operation's handler, which does its blocking work off the event loop. Every error answer is an
 * RFC 9457 problem document.
 */
public final class HttpApi {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private static final long MAX_BODY_BYTES = 1024 * 1024;
    /** A plugin jar carries its own libraries (the bundled optimizers' jar is several MiB). */
    private static final long MAX_PLUGIN_JAR_BYTES = 64L * 1024 * 1024;
    private static final String INSTALL_PLUGIN = "installPlugin";
    private static final String PLUGINS_PATH = "/api/v1/plugins";
    /** Every path under it needs a token, including those no operation has. */
    private static final String PROTECTED_PATH_PREFIX = "/api/";
    /** How long {@link #close} lets requests in flight finish. */
    private static final long SHUTDOWN_GRACE_SECONDS = 10;

    private final HttpServer server;

    private HttpApi(HttpServer server) {
        this.server = server;
    }

    /**
     * Loads the contract, builds the router and listens.
     *
     * @param health every component's health by component name, for {@code GET /health}; may block
     * @param riskEvaluations the rules over a stored or inline portfolio, and the stored decisions and alerts
     * @param rebalances proposing rebalances and reading them back
     * @param approvals the pending approval tasks, and deciding them
     * @return fails with a {@link StartupException} when the port cannot be bound, or with an
     *         IllegalArgumentException/IllegalStateException when the contract and the handlers disagree
     */
    public static Future<HttpApi> start(
            Vertx vertx,
            BallastConfig.Http config,
            AccessTokens tokens,
            PortfolioPort portfolios,
            RiskCheckPort riskChecks,
            RulesPort rules,
            PluginPort plugins,
            QuantPort quant,
            Supplier<Map<String, ComponentHealth>> health,
            RiskEvaluationPort riskEvaluations,
            RebalancePort rebalances,
            ApprovalPort approvals) {
        Objects.requireNonNull(vertx, "vertx");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokens, "tokens");
        PortfolioHandlers portfolioHandlers = new PortfolioHandlers(portfolios);
        RiskCheckHandler riskCheckHandler = new RiskCheckHandler(riskChecks);
        RuleHandlers ruleHandlers = new RuleHandlers(rules);
        PluginHandlers pluginHandlers = new PluginHandlers(plugins);
        QuantHandlers quantHandlers = new QuantHandlers(quant);
        HealthHandler healthHandler = new HealthHandler(health);
        RiskEvaluationHandlers riskEvaluationHandlers = new RiskEvaluationHandlers(riskEvaluations);
        RebalanceHandlers rebalanceHandlers = new RebalanceHandlers(rebalances);
        ApprovalHandlers approvalHandlers = new ApprovalHandlers(approvals);
        return vertx.executeBlocking(ApiContract::load)
                .compose(document -> document.open(vertx).map(contract -> {
                    Map<String, Handler<RoutingContext>> handlers = Map.ofEntries(
                            Map.entry("getHealth", healthHandler::handle),
                            Map.entry("getOpenApiDocument", serveDocument(document.yaml())),
                            Map.entry("createPortfolio", portfolioHandlers::create),
                            Map.entry("getPortfolio", portfolioHandlers::get),
                            Map.entry("runRiskCheck", riskCheckHandler::run),
                            Map.entry("listRules", ruleHandlers::list),
                            Map.entry("getRulesStatus", ruleHandlers::status),
                            Map.entry("validateRules", ruleHandlers::validate),
                            Map.entry("reloadRules", ruleHandlers::reload),
                            Map.entry("listPlugins", pluginHandlers::list),
                            Map.entry("installPlugin", pluginHandlers::install),
                            Map.entry("startPlugin", pluginHandlers::start),
                            Map.entry("stopPlugin", pluginHandlers::stop),
                            Map.entry("optimizePortfolio", quantHandlers::optimize),
                            Map.entry("traceEfficientFrontier", quantHandlers::frontier),
                            Map.entry("reportPortfolioRisk", quantHandlers::riskReport),
                            Map.entry("evaluateRisk", riskEvaluationHandlers::evaluate),
                            Map.entry("listRiskDecisions", riskEvaluationHandlers::decisions),
                            Map.entry("listAlerts", riskEvaluationHandlers::alerts),
                            Map.entry("proposeRebalance", rebalanceHandlers::propose),
                            Map.entry("getRebalance", rebalanceHandlers::get),
                            Map.entry("listApprovals", approvalHandlers::list),
                            Map.entry("approveRebalance", approvalHandlers::approve),
                            Map.entry("rejectRebalance", approvalHandlers::reject));
                    return router(vertx, contract, document.opaqueRequestMediaTypes(), BearerAccess.fromContract(contract, tokens),
                            handlers);
                }))
                .compose(router -> vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                        .requestHandler(router)
                        .listen()
                        .recover(cause -> Future.failedFuture(new StartupException(
                                "http: cannot listen on " + config.host() + ":" + config.port() + ": " + cause.getMessage(), cause))))
                .map(server -> {
                    LOG.info("REST API listening on http://{}:{}", config.host(), server.actualPort());
                    return new HttpApi(server);
                });
    }

    /** The port the API listens on; the one picked when the configured port was 0. */
    public int port() {
        return server.actualPort();
    }

    /** Stops accepting connections and lets requests in flight finish (for up to 10 seconds). */
    public Future<Void> close() {
        return server.shutdown(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
    }

    private static Router router(Vertx vertx, OpenAPIContract contract, Map<String, Set<String>> opaqueMediaTypes,
                                 BearerAccess access, Map<String, Handler<RoutingContext>> handlers) {
        RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
        BodyHandler jsonBodies = BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES);
        BodyHandler jarBodies = BodyHandler.create(false).setBodyLimit(MAX_PLUGIN_JAR_BYTES);
        // a body that large only from a caller allowed to install (a valid token with a role the operation lists), checked before it is read
        Handler<RoutingContext> uploadAccess = access.guard(contract.operation(INSTALL_PLUGIN));
        builder.rootHandler(rc -> {
            if (isPluginUpload(rc)) {
                uploadAccess.handle(rc); // next on success, else fails the request
            } else {
                rc.next();
            }
        });
        builder.rootHandler(rc -> {
            if (isPluginUpload(rc)) {
                jarBodies.handle(rc);
            } else {
                jsonBodies.handle(rc);
            }
        });
        RequestValidation validation = new RequestValidation(vertx, contract, opaqueMediaTypes);
        Set<String> unrouted = new HashSet<>(handlers.keySet());
        for (OpenAPIRoute route : builder.getRoutes()) {
            Operation operation = route.getOperation();
            Handler<RoutingContext> handler = handlers.get(operation.getOperationId());
            if (handler == null) {
                throw new IllegalStateException("the OpenAPI contract has operation " + operation.getOperationId() + " but nothing handles it");
            }
            unrouted.remove(operation.getOperationId());
            // security and validation are ours, in that order (see RequestValidation)
            route.setDoSecurity(false)
                    .setDoValidation(false)
                    .addHandler(access.guard(operation))
                    .addHandler(validation.of(operation))
                    .addHandler(handler);
        }
        if (!unrouted.isEmpty()) {
            throw new IllegalStateException("handlers for operations the OpenAPI contract does not have: " + unrouted);
        }
        Router router = builder.createRouter();
        ProblemHandler problems = new ProblemHandler(new ContractViolations(contract.getRawContract()));
        router.route().failureHandler(problems);
        // no operation matched: under /api/ say 401 before 404/405, so only callers with a token learn what exists
        Handler<RoutingContext> unmatched = rc -> access.refusal(rc)
                .filter(refused -> rc.request().path().startsWith(PROTECTED_PATH_PREFIX))
                .ifPresentOrElse(refused -> problems.answer(rc, refused), () -> problems.handle(rc));
        router.errorHandler(404, unmatched);
        router.errorHandler(405, unmatched);
        return router;
    }

    private static boolean isPluginUpload(RoutingContext rc) {
        return rc.request().method() == HttpMethod.POST && PLUGINS_PATH.equals(rc.request().path());
    }

    private static Handler<RoutingContext> serveDocument(byte[] yaml) {
        Buffer body = Buffer.buffer(yaml);
        return rc -> rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml").end(body);
    }
}
