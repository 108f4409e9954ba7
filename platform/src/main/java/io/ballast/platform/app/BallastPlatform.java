package io.ballast.platform.app;

import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.health.ComponentHealth;
import io.ballast.platform.http.ApprovalPort;
import io.ballast.platform.http.HttpApi;
import io.ballast.platform.http.RebalancePort;
import io.ballast.platform.marketdata.SampleMarketLoader;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.portfolio.PortfolioBook;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.alerts.AlertPublisher;
import io.ballast.platform.alerts.AlertRoute;
import io.ballast.platform.monitor.RiskMonitor;
import io.ballast.platform.security.AccessTokens;
import io.ballast.platform.store.Store;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.platform.workflow.RiskCheckProcess;
import io.ballast.platform.workflow.RiskEvaluationWorker;
import io.ballast.platform.workflow.WorkflowDeployment;
import io.ballast.platform.workflow.WorkflowRuntime;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running platform: starts every stage in the order of the data flow, wires them together,
 * and stops them in reverse. The only place that knows all stages; each stage knows only its own
 * inputs.
 */
public final class BallastPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BallastPlatform.class);

    /** How long a risk check over REST waits for its process to end; within the HTTP server's grace on shutdown. */
    private static final Duration RISK_CHECK_TIMEOUT = Duration.ofSeconds(10);
    /** In the data folder: the private copies of the plugin jars the platform runs (a jar in the plugins folder may be replaced at any time). */
    private static final String PLUGIN_COPIES = "plugin-copies";
    /** How long stopping may wait for the HTTP server to drain and Vert.x to close. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final Deque<Stoppable> started;
    private final HttpApi http;
    private final Store store;
    private final WorkflowRuntime workflow;
    private final RiskEngine risk;
    private final PluginHost plugins;
    private final RebalanceStage rebalances;
    private boolean closed;

    private BallastPlatform(Deque<Stoppable> started, HttpApi http, Store store, WorkflowRuntime workflow,
                            RiskEngine risk, PluginHost plugins, RebalanceStage rebalances) {
        this.started = started;
        this.http = http;
        this.store = store;
        this.workflow = workflow;
        this.risk = risk;
        this.plugins = plugins;
        this.rebalances = rebalances;
    }

    /** The rebalance stage's port for the REST API (proposals and rebalances). */
    RebalancePort rebalancePort() {
        return rebalances.rebalancePort();
    }

    /** The approval tasks' port for the REST API. */
    ApprovalPort approvalPort() {
        return rebalances.approvalPort();
    }

    /** The workflow runtime, for tests that drive the embedded engine's clock. */
    WorkflowRuntime workflow() {
        return workflow;
    }

    /** The store, for tests that look at what was recorded. */
    Store store() {
        return store;
    }

    /**
     * Starts everything or nothing: when a stage fails, what had started is stopped again.
     *
     * @throws StartupException naming the file or key at fault, for anything the user can fix
     */
    public static BallastPlatform start(BallastConfig config) {
        long startedAt = System.nanoTime();
        Deque<Stoppable> started = new ArrayDeque<>();
        try {
            DataDirectory.prepare(config.dataDirectory());
            Store store = Store.open(config.store(), config.dataDirectory());
            started.push(new Stoppable("store", store::close));
            SampleMarketLoader.loadIfEmpty(store, config.marketData());
            PortfolioBook book = new PortfolioBook(store.instruments(), store.priceBars(), store.portfolios(), Clock.systemUTC());

            PluginHost plugins = PluginHost.start(config.plugins(), config.dataDirectory().resolve(PLUGIN_COPIES));
            started.push(new Stoppable("plugins", plugins::close));

            AlertPublisher alerts = new AlertPublisher(store.alerts(), plugins::alertChannel,
                    config.alerts().channels().stream().map(channel -> new AlertRoute(channel.channel(), channel.parameters())).toList());
            started.push(new Stoppable("alerts", alerts::close));
            RiskEngine risk = RiskEngine.start(config.rules(), new RuleReloadAlerts(alerts, config.rules().directory()));
            started.push(new Stoppable("rules watch", risk::close));
            RiskFactsAssembler facts = new RiskFactsAssembler(store.instruments(), store.priceBars(), store.portfolios(),
                    store.portfolioNavs(), Clock.systemUTC());
            RiskEvaluationByRules evaluations = new RiskEvaluationByRules(facts, risk::evaluate, store.riskEvaluations(),
                    store.alerts(), Clock.systemUTC());
            RiskMonitor monitor = new RiskMonitor(store.priceBars(), store.portfolios(), facts, risk::evaluate,
                    store.riskEvaluations(), store.portfolioNavs(), alerts, Clock.systemUTC());

            WorkflowRuntime workflow = WorkflowRuntime.start(config.workflow());
            started.push(new Stoppable("workflow", workflow::close));
            WorkflowDeployment deployment = workflow.deploy(config.workflow().directory());
            workflow.openWorker(RiskEvaluationWorker.JOB_TYPE, RiskEvaluationWorker.FETCH_VARIABLES,
                    RiskEvaluationWorker.JOB_TIMEOUT, new RiskEvaluationWorker(new PortfolioRiskCheckByRules(evaluations)));

            AccessTokens tokens = AccessTokens.from(accessTokens(config));
            PortfolioConstruction construction = new PortfolioConstruction(plugins::optimizer,
                    () -> plugins.optimizers().stream().map(Optimizer::id).toList());
            RebalanceStage rebalances = RebalanceStage.start(new RebalanceStage.Services(store, workflow, plugins::executionVenue,
                    construction, facts, risk::evaluate,
                    (alert, portfolioId) -> alerts.publish(alert, Optional.ofNullable(portfolioId), Optional.empty()),
                    Clock.systemUTC()), config.rebalance());
            started.push(new Stoppable("rebalance tasks", rebalances::close));
            // after the stage: the monitor's first look at the prices already evaluates the triggers
            if (rebalances.triggerWatch().isWatching()) {
                monitor.onNewPrices(() -> rebalances.triggerWatch().evaluateAll());
            }
            monitor.start(config.monitor().pollInterval());
            started.push(new Stoppable("monitor", monitor::close));
            Vertx vertx = Vertx.vertx();
            started.push(new Stoppable("vert.x", () -> await(vertx.close())));
            HealthByComponent health = new HealthByComponent();
            HttpApi http = await(HttpApi.start(vertx, config.http(), tokens, new PortfolioBookPort(book),
                    new RiskCheckByProcess(new RiskCheckProcess(workflow.client(), RISK_CHECK_TIMEOUT)), new RiskEnginePort(risk),
                    new PluginHostPort(plugins), new QuantLibraryPort(store.instruments(), store.priceBars(), construction),
                    health,
                    evaluations,
                    rebalances.rebalancePort(),
                    rebalances.approvalPort()));
            started.push(new Stoppable("http", () -> await(http.close())));

            BallastPlatform platform = new BallastPlatform(started, http, store, workflow, risk, plugins, rebalances);
            health.platform = platform;
            LOG.info("Ballast started in {} ms on http://{}:{} — store {}, workflow {} ({}), rules {} ({} rules), plugins {}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), config.http().host(), http.port(),
                    store.vendor(), workflow.mode(), deployment.processVersions().keySet(), risk.version(), risk.ruleCount(),
                    plugins.loadedPluginIds());
            return platform;
        } catch (RuntimeException | Error e) {
            // an Error too (a class-path clash, a static initializer): the engine's and pool's threads must not outlive it
            stopAll(started);
            throw e;
        }
    }

    /** The port the REST API listens on. */
    public int port() {
        return http.port();
    }

    /** Every component's health, by the name {@code GET /health} gives it. */
    public Map<String, ComponentHealth> health() {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        components.put("store", store.health());
        components.put("workflow", workflow.health());
        components.put("rules", risk.health());
        components.put("plugins", plugins.health());
        return components;
    }

    /** Stops accepting requests, lets those in flight finish, then stops the stages in reverse order of start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopAll(started);
        LOG.info("Ballast stopped cleanly");
    }

    private static BallastConfig.Security accessTokens(BallastConfig config) {
        if (!config.security().tokens().isEmpty() || config.mode() == BallastConfig.Mode.PRODUCTION) {
            return config.security();
        }
        BallastConfig.AccessToken admin = DevelopmentAdminToken.obtain(config.dataDirectory());
        LOG.warn("Development mode and no security.tokens configured: the admin token is in {} (never use this in production)",
                config.dataDirectory().resolve(DevelopmentAdminToken.FILE_NAME));
        return new BallastConfig.Security(List.of(admin));
    }

    private static void stopAll(Deque<Stoppable> started) {
        while (!started.isEmpty()) {
            Stoppable stage = started.pop();
            try {
                stage.action().run();
            } catch (RuntimeException e) {
                LOG.warn("Stopping {} failed; going on with the rest", stage.name(), e);
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Vert.x", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Vert.x did not answer within " + STOP_TIMEOUT, e);
        }
    }

    private record Stoppable(String name, Runnable action) {
    }

    /** {@code GET /health} asks the platform, which exists only once every stage has started. */
    private static final class HealthByComponent implements Supplier<Map<String, ComponentHealth>> {
        private volatile BallastPlatform platform;

        @Override
        public Map<String, ComponentHealth> get() {
            BallastPlatform current = platform;
            if (current == null) {
                return Map.of("platform", ComponentHealth.down("starting", Map.of()));
            }
            return current.health();
        }
    }
}
