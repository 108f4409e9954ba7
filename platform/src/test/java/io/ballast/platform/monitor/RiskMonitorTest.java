package io.ballast.platform.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.alert.Alert;
import io.ballast.api.alert.AlertChannel;
import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import io.ballast.api.marketdata.PriceBar;
import io.ballast.api.plugin.ParameterSpec;
import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import io.ballast.platform.alerts.AlertPublisher;
import io.ballast.platform.alerts.AlertRoute;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.risk.RiskEvaluation;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.store.AlertDelivery;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoredAlert;
import io.ballast.platform.store.StoredRiskEvaluation;
import io.ballast.platform.store.AlertRepository;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor over a real H2 store, the real rule engine with a small hard stop-loss DRL, and a recording alert channel. */
class RiskMonitorTest {

    static final Instant DAY_0 = Instant.parse("2025-01-06T00:00:00Z");

    static final String HARD_STOP_DRL = """
            package io.ballast.rules;

            import io.ballast.api.risk.PositionRisk;
            import io.ballast.api.risk.RiskAction;
            import io.ballast.api.risk.RiskDecision;
            import io.ballast.api.risk.RiskLimits;
            import io.ballast.api.risk.RiskSubject;
            import io.ballast.api.risk.Severity;

            global io.ballast.api.risk.RiskDecisions decisions;

            rule "hard stop-loss"
            when
                $limits : RiskLimits()
                $position : PositionRisk( quantity != 0, unrealisedPnlFraction <= -$limits.value("stopLoss.hardLossFraction") )
            then
                decisions.add(RiskDecision.of(drools.getRule().getName(), Severity.CRITICAL, RiskAction.EXIT,
                        RiskSubject.asset($position.asset()), $position.asset() + " at " + $position.unrealisedPnlFraction()));
            end
            """;

    @TempDir
    Path temp;

    Store store;
    RiskEngine engine;
    AlertPublisher publisher;
    RiskMonitor monitor;
    List<Alert> delivered = new CopyOnWriteArrayList<>();
    String holdsAaa;
    String failsToEvaluate;
    final AtomicBoolean bbbFails = new AtomicBoolean(true);

    @BeforeEach
    void startMonitorOverAStoreWithBars() throws IOException {
        Path rules = Files.createDirectories(temp.resolve("rules"));
        Files.writeString(rules.resolve("hard-stop.drl"), HARD_STOP_DRL);
        Files.writeString(rules.resolve("limits.yaml"), "stopLoss:\n  hardLossFraction: 0.08\n");
        engine = RiskEngine.load(rules);

        store = Store.open(BallastConfig.defaults().store(), temp.resolve("data"));
        store.instruments().saveAll(List.of(new Instrument("AAA", "Alpha", AssetClass.EQUITY, "Technology", "USD"),
                new Instrument("BBB", "Beta", AssetClass.EQUITY, "Financials", "USD")));
        store.priceBars().saveAll(List.of(bar(0, "100"), bar(1, "98"), bar(2, "95")));
        holdsAaa = UUID.randomUUID().toString();
        failsToEvaluate = UUID.randomUUID().toString();
        store.portfolios().insert(new Portfolio(holdsAaa, "Holds AAA", "USD", new BigDecimal("1000"),
                List.of(new Position("AAA", new BigDecimal("10"), new BigDecimal("100"))), DAY_0, "pm"));
        store.portfolios().insert(new Portfolio(failsToEvaluate, "Holds BBB, whose evaluation fails", "USD", BigDecimal.ZERO,
                List.of(new Position("BBB", BigDecimal.ONE, BigDecimal.TEN)), DAY_0, "pm"));

        publisher = new AlertPublisher(store.alerts(), id -> Optional.of(new Recording(delivered)), List.of(new AlertRoute("log", Map.of())));
        RiskFactsAssembler facts = new RiskFactsAssembler(store.instruments(), store.priceBars(), store.portfolios(),
                store.portfolioNavs(), Clock.systemUTC());
        // one portfolio's evaluation fails (as a rule throwing would): the others must still be evaluated
        Function<RiskFacts, RiskEvaluation> failingForBbb = riskFacts -> {
            if (riskFacts.portfolio().orElseThrow().portfolioId().equals(failsToEvaluate) && bbbFails.get()) {
                throw new IllegalStateException("a rule failed on this portfolio");
            }
            return engine.evaluate(riskFacts);
        };
        monitor = new RiskMonitor(store.priceBars(), store.portfolios(), facts, failingForBbb, store.riskEvaluations(),
                store.portfolioNavs(), publisher, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        monitor.close();
        publisher.close();
        store.close();
    }

    @Test
    void aNewBarThroughTheHardStopIsDecidedAndAlertedOnceWhileTheBreachStands() {
        assertThat(monitor.poll()).isTrue(); // the first look always evaluates
        StoredRiskEvaluation first = latestOf(holdsAaa);
        assertThat(first.decisions()).isEmpty(); // 95 against 100: down 5%, short of 8%
        assertThat(first.requestedBy()).isEqualTo("monitor");
        assertThat(first.rulesVersion()).isEqualTo(engine.version());
        // NAV 1000 + 10 x 95 recorded; the BBB portfolio failed without stopping the AAA one
        assertThat(store.portfolioNavs().peak(holdsAaa)).contains(new BigDecimal("1950"));
        assertThat(store.riskEvaluations().latestOf(failsToEvaluate)).isEmpty();
        // no new bar: only the portfolio that failed is tried again, and fails again
        assertThat(monitor.poll()).isTrue();
        assertThat(store.riskEvaluations().latest(Optional.of(holdsAaa), 10)).hasSize(1);
        assertThat(store.riskEvaluations().latestOf(failsToEvaluate)).isEmpty();
        bbbFails.set(false); // the cause went away: the next poll judges it, though no bar arrived
        assertThat(monitor.poll()).isTrue();
        assertThat(store.riskEvaluations().latestOf(failsToEvaluate)).isPresent();
        assertThat(monitor.poll()).isFalse(); // nothing new, nothing failed

        store.priceBars().saveAll(List.of(bar(3, "91"))); // down 9%
        assertThat(monitor.poll()).isTrue();

        StoredRiskEvaluation breached = latestOf(holdsAaa);
        assertThat(breached.decisions()).singleElement().satisfies(decision -> {
            assertThat(decision.rule()).isEqualTo("hard stop-loss");
            assertThat(decision.action()).isEqualTo(RiskAction.EXIT);
            assertThat(decision.subject()).isEqualTo(RiskSubject.asset("AAA"));
        });
        assertThat(store.alerts().latest(10)).singleElement().satisfies(alert -> {
            assertThat(alert.alert().severity()).isEqualTo(Severity.CRITICAL);
            assertThat(alert.alert().title()).isEqualTo("hard stop-loss: EXIT asset:AAA");
            assertThat(alert.alert().source()).isEqualTo("rule:hard stop-loss");
            assertThat(alert.portfolioId()).contains(holdsAaa);
            assertThat(alert.rulesVersion()).contains(engine.version());
        });

        store.priceBars().saveAll(List.of(bar(4, "90"))); // still beyond the stop: the same decision again
        assertThat(monitor.poll()).isTrue();

        assertThat(latestOf(holdsAaa).decisions()).singleElement()
                .satisfies(decision -> assertThat(decision.action()).isEqualTo(RiskAction.EXIT));
        assertThat(store.riskEvaluations().latest(Optional.of(holdsAaa), 10)).hasSize(3);
        assertThat(store.alerts().latest(10)).hasSize(1);
        publisher.close();
        assertThat(delivered).hasSize(1);
        assertThat(store.alerts().latest(10)).extracting(StoredAlert::delivery).containsExactly(AlertDelivery.DELIVERED);
    }

    @Test
    void anAlertThatCouldNotBeStoredIsRaisedAtTheNextPollThoughTheEvaluationWasStored() {
        // the same store, but the alerts' connection fails while armed
        AtomicBoolean alertStoreFails = new AtomicBoolean(false);
        DataSource real = store.dataSource();
        DataSource failing = (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection") && alertStoreFails.getAndSet(false)) {
                        throw new SQLException("the alert store is away for a moment");
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AlertPublisher flaky = new AlertPublisher(new AlertRepository(failing), id -> Optional.of(new Recording(delivered)),
                List.of(new AlertRoute("log", Map.of())));
        bbbFails.set(false);
        RiskMonitor flakyMonitor = new RiskMonitor(store.priceBars(), store.portfolios(), new RiskFactsAssembler(store.instruments(),
                store.priceBars(), store.portfolios(), store.portfolioNavs(), Clock.systemUTC()), engine::evaluate,
                store.riskEvaluations(), store.portfolioNavs(), flaky, Clock.systemUTC());
        try {
            assertThat(flakyMonitor.poll()).isTrue(); // down 5%: nothing to alert
            store.priceBars().saveAll(List.of(bar(3, "91"))); // down 9%: the hard stop
            alertStoreFails.set(true); // fails once: storing the stop's alert

            assertThat(flakyMonitor.poll()).isTrue();
            assertThat(latestOf(holdsAaa).decisions()).extracting(decision -> decision.rule()).containsExactly("hard stop-loss");
            assertThat(store.alerts().latest(10)).isEmpty();

            // no new bar: the portfolio is judged again, its previous evaluation already has the stop, and the owed alert goes out
            assertThat(flakyMonitor.poll()).isTrue();
            assertThat(store.alerts().latest(10)).singleElement()
                    .satisfies(alert -> assertThat(alert.alert().title()).isEqualTo("hard stop-loss: EXIT asset:AAA"));

            store.priceBars().saveAll(List.of(bar(4, "90"))); // the breach stands: no second alert
            assertThat(flakyMonitor.poll()).isTrue();
            assertThat(store.alerts().latest(10)).hasSize(1);
        } finally {
            flakyMonitor.close();
            flaky.close();
        }
    }

    @Test
    void listenersHearOfNewPricesOnlyAfterTheEvaluationsAndAFailingOneHarmsNothing() {
        List<String> heard = new ArrayList<>();
        monitor.onNewPrices(() -> {
            throw new IllegalStateException("a listener that fails");
        });
        monitor.onNewPrices(() -> heard.add(latestOf(holdsAaa).id()));

        assertThat(monitor.poll()).isTrue();
        assertThat(heard).containsExactly(latestOf(holdsAaa).id()); // the evaluation was stored before
        bbbFails.set(false);
        assertThat(monitor.poll()).isTrue(); // only the failed portfolio again: no new prices
        assertThat(monitor.poll()).isFalse();
        assertThat(heard).hasSize(1);
        store.priceBars().saveAll(List.of(bar(3, "91")));
        assertThat(monitor.poll()).isTrue();
        assertThat(heard).hasSize(2);
    }

    @Test
    void startedItEvaluatesAtOnceAndClosesCleanly() throws InterruptedException {
        monitor.start(Duration.ofMillis(50));

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (store.riskEvaluations().latestOf(holdsAaa).isEmpty()) {
            assertThat(System.nanoTime()).as("the first evaluation within 20 s").isLessThan(deadline);
            Thread.sleep(20);
        }
        monitor.close();
        monitor.close();

        assertThat(latestOf(holdsAaa).trigger()).isEqualTo(EvaluationTrigger.MONITOR);
    }

    private StoredRiskEvaluation latestOf(String portfolioId) {
        return store.riskEvaluations().latestOf(portfolioId).orElseThrow();
    }

    static PriceBar bar(int day, String close) {
        BigDecimal price = new BigDecimal(close);
        return new PriceBar("AAA", DAY_0.plus(day, ChronoUnit.DAYS), price, price, price, price, BigDecimal.ONE);
    }

    record Recording(List<Alert> delivered) implements AlertChannel {
        @Override
        public void deliver(Alert alert, Map<String, Object> parameters) {
            delivered.add(alert);
        }

        @Override
        public String id() {
            return "log";
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "records";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of();
        }
    }
}
