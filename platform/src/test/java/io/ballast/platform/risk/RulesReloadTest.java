package io.ballast.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.health.ComponentHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The reload pipeline: read the folder, compile, run every scenario, and swap only when all passed. */
class RulesReloadTest {

    private static final Instant STARTED = Instant.parse("2026-02-01T09:00:00Z");
    private static final Instant RELOADED = Instant.parse("2026-02-01T09:05:00Z");

    /** AAPL bought at 100, now 93: a loss of exactly 7% (93 / 100 - 1). */
    private static final RiskFacts DOWN_SEVEN_PERCENT = RiskFacts.ofPositions(List.of(PositionRisk.ofPrices("p", "AAPL", 10, 100, 93)));

    /** Passes with the hard stop anywhere from 5% to 9%; the second scenario pins its own 8%. */
    private static final String SCENARIOS = """
            scenarios:
              - name: down 9% exits
                given:
                  positions:
                    - {asset: AAPL, quantity: 10, averageEntryPrice: 100, lastPrice: 91}
                expect:
                  - {rule: test hard stop, action: EXIT, subject: "asset:AAPL", severity: CRITICAL}
              - name: down 7% holds at a pinned 8% stop
                limits:
                  stopLoss.hardLossFraction: 0.08
                given:
                  positions:
                    - {asset: AAPL, quantity: 10, averageEntryPrice: 100, lastPrice: 93}
                expect: []
            """;

    @TempDir
    Path rules;

    private final MutableClock clock = new MutableClock(STARTED);
    private final List<ReloadAttempt> heard = new CopyOnWriteArrayList<>();

    private RiskEngine load() {
        return RiskEngine.load(rules, clock, heard::add);
    }

    private static List<RiskAction> actions(RiskEvaluation evaluation) {
        return evaluation.decisions().stream().map(RiskDecision::action).toList();
    }

    @Test
    void aChangeThatCompilesAndPassesItsScenariosIsSwappedIn() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        TestRuleFolder.writeScenarios(rules, "stop.yaml", SCENARIOS);
        RiskEngine engine = load();
        String before = engine.version();
        assertThat(actions(engine.evaluate(DOWN_SEVEN_PERCENT))).as("7% is short of an 8% stop").isEmpty();

        TestRuleFolder.writeLimit(rules, 0.05);
        clock.now = RELOADED;
        RulesStatus status = engine.reloadNow();

        RiskEvaluation after = engine.evaluate(DOWN_SEVEN_PERCENT);
        assertThat(actions(after)).as("7% is past a 5% stop").containsExactly(RiskAction.EXIT);
        assertThat(after.rulesVersion()).isEqualTo(engine.version()).isNotEqualTo(before);
        assertThat(status.version()).isEqualTo(engine.version());
        assertThat(status.activatedAt()).isEqualTo(RELOADED);
        assertThat(status.limits()).isEqualTo(Map.of("stopLoss.hardLossFraction", 0.05));
        ReloadAttempt attempt = status.lastAttempt().orElseThrow();
        assertThat(attempt).isEqualTo(new ReloadAttempt(RELOADED, engine.version(), ReloadOutcome.ACTIVATED, List.of(), List.of()));
        assertThat(heard).containsExactly(attempt);
    }

    @Test
    void theSameFolderAgainIsUnchangedAndKeepsItsActivationTime() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        RiskEngine engine = load();
        String version = engine.version();

        clock.now = RELOADED;
        RulesStatus status = engine.reloadNow();

        assertThat(status.version()).isEqualTo(version);
        assertThat(status.activatedAt()).isEqualTo(STARTED);
        assertThat(status.lastAttempt().orElseThrow().outcome()).isEqualTo(ReloadOutcome.UNCHANGED);
        assertThat(heard).extracting(ReloadAttempt::outcome).containsExactly(ReloadOutcome.UNCHANGED);
    }

    @Test
    void aBrokenRuleFileKeepsTheRunningVersionAndReportsFileAndLine() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        RiskEngine engine = load();
        String version = engine.version();
        TestRuleFolder.writeLimit(rules, 0.05); // an edit that would take effect, if the folder compiled
        Files.writeString(rules.resolve("broken.drl"), TestRuleFolder.BROKEN_DRL);

        clock.now = RELOADED;
        RulesStatus status = engine.reloadNow();

        assertThat(engine.version()).isEqualTo(version);
        assertThat(status.activatedAt()).isEqualTo(STARTED);
        RiskEvaluation evaluation = engine.evaluate(DOWN_SEVEN_PERCENT);
        assertThat(evaluation.rulesVersion()).isEqualTo(version);
        assertThat(actions(evaluation)).as("still the 8% stop").isEmpty();
        ReloadAttempt attempt = status.lastAttempt().orElseThrow();
        assertThat(attempt.outcome()).isEqualTo(ReloadOutcome.REJECTED);
        assertThat(attempt.candidateVersion()).isNotEqualTo(version).matches("[0-9a-f]{12}");
        assertThat(attempt.errors()).isNotEmpty();
        assertThat(attempt.errors().getFirst().file()).isEqualTo("broken.drl");
        assertThat(attempt.errors().getFirst().line()).isEqualTo(8);
        assertThat(attempt.failedScenarios()).isEmpty();
        assertThat(heard).containsExactly(attempt);

        ComponentHealth health = engine.health();
        assertThat(health.up()).as("the running rules still protect").isTrue();
        assertThat(health.details()).containsEntry("version", version);
        @SuppressWarnings("unchecked")
        Map<String, Object> lastReload = (Map<String, Object>) health.details().get("lastReload");
        assertThat(lastReload).containsEntry("outcome", "REJECTED").containsEntry("at", "2026-02-01T09:05:00Z");
        assertThat((List<?>) lastReload.get("problems")).first().asString().startsWith(rules.resolve("broken.drl") + ":8: ");
    }

    @Test
    void aRuleReadingALimitThatIsNotInLimitsYamlIsRefusedNamingFileLineAndLimit() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        RiskEngine engine = load();
        String version = engine.version();
        // compiles (the name is a string) and no scenario reaches it: only the check of limit names can catch it
        Files.writeString(rules.resolve("stop.drl"), TestRuleFolder.STOP_DRL.replace("stopLoss.hardLossFraction", "stopLoss.hardLosFraction"));

        RulesStatus status = engine.reloadNow();

        assertThat(engine.version()).isEqualTo(version);
        ReloadAttempt attempt = status.lastAttempt().orElseThrow();
        assertThat(attempt.outcome()).isEqualTo(ReloadOutcome.REJECTED);
        assertThat(attempt.errors()).containsExactly(new RuleFileError("stop.drl", 15,
                "limit \"stopLoss.hardLosFraction\" is not in limits.yaml; the limits are [stopLoss.hardLossFraction]"));
    }

    @Test
    void aRuleThatThrowsOnAScenarioFailsThatScenarioAndKeepsTheRunningVersion() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        TestRuleFolder.writeScenarios(rules, "stop.yaml", SCENARIOS);
        RiskEngine engine = load();
        String version = engine.version();
        // the consequence divides by a zero quantity held in a BigDecimal: it throws whenever the rule fires
        Files.writeString(rules.resolve("stop.drl"), TestRuleFolder.STOP_DRL.replace(
                "\"loss \" + $position.unrealisedPnlFraction()", "\"loss \" + java.math.BigDecimal.ONE.divide(java.math.BigDecimal.ZERO)"));

        RulesStatus status = engine.reloadNow();

        assertThat(engine.version()).isEqualTo(version);
        ReloadAttempt attempt = status.lastAttempt().orElseThrow();
        assertThat(attempt.outcome()).isEqualTo(ReloadOutcome.REJECTED);
        assertThat(attempt.failedScenarios()).singleElement().satisfies(failed -> {
            assertThat(failed.name()).isEqualTo("down 9% exits");
            assertThat(failed.missing()).containsExactly("test hard stop EXIT asset:AAPL severity CRITICAL");
            assertThat(failed.unexpected()).singleElement().asString()
                    .startsWith("the rules failed on this scenario: ").contains("Division by zero");
        });
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS) // before the time limit, the reload hung here for ever
    void aRuleThatNeverFinishesFailsItsScenarioAfterTheTimeLimitAndKeepsTheRunningVersion() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        TestRuleFolder.writeScenarios(rules, "stop.yaml", SCENARIOS);
        RiskEngine engine = RiskEngine.load(rules, clock, heard::add, Duration.ofMillis(200));
        String version = engine.version();
        // the consequence spins until its thread is interrupted: for the rule base, for ever; the interruption only
        // spares the test's machine a core spinning after the test (a rule that ignores it would spin on, on its daemon thread)
        Files.writeString(rules.resolve("stop.drl"), TestRuleFolder.STOP_DRL.replace(
                "decisions.add(", "while (!Thread.currentThread().isInterrupted()) { Thread.onSpinWait(); }\n    decisions.add("));

        RulesStatus status = engine.reloadNow();

        assertThat(engine.version()).isEqualTo(version);
        ReloadAttempt attempt = status.lastAttempt().orElseThrow();
        assertThat(attempt.outcome()).isEqualTo(ReloadOutcome.REJECTED);
        assertThat(attempt.failedScenarios()).containsExactly(new ScenarioResult("tests/stop.yaml", "down 9% exits",
                List.of("test hard stop EXIT asset:AAPL severity CRITICAL"),
                List.of("the rules did not finish this scenario within PT0.2S; the 1 scenarios after it were not run")));
        assertThat(heard).containsExactly(attempt);
        // the running rules go on deciding, and the lock is free: the folder put right reloads
        assertThat(actions(engine.evaluate(DOWN_SEVEN_PERCENT))).isEmpty();
        TestRuleFolder.write(rules, 0.07);
        assertThat(engine.reloadNow().lastAttempt().orElseThrow().outcome()).isEqualTo(ReloadOutcome.ACTIVATED);
        assertThat(actions(engine.evaluate(DOWN_SEVEN_PERCENT))).containsExactly(RiskAction.EXIT);
    }

    @Test
    void aFailingScenarioKeepsTheRunningVersionAndNamesTheScenarioAndWhatWasMissing() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        TestRuleFolder.writeScenarios(rules, "stop.yaml", SCENARIOS);
        RiskEngine engine = load();
        String version = engine.version();

        TestRuleFolder.writeLimit(rules, 0.10); // a 9% loss no longer exits: the first scenario fails
        RulesStatus status = engine.reloadNow();

        assertThat(engine.version()).isEqualTo(version);
        assertThat(status.limits()).isEqualTo(Map.of("stopLoss.hardLossFraction", 0.08));
        ReloadAttempt attempt = status.lastAttempt().orElseThrow();
        assertThat(attempt.outcome()).isEqualTo(ReloadOutcome.REJECTED);
        assertThat(attempt.errors()).isEmpty();
        assertThat(attempt.failedScenarios()).containsExactly(new ScenarioResult("tests/stop.yaml", "down 9% exits",
                List.of("test hard stop EXIT asset:AAPL severity CRITICAL"), List.of()));
    }

    @Test
    void aFixedFolderAfterARejectionGoesLive() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        RiskEngine engine = load();
        Files.writeString(rules.resolve("broken.drl"), TestRuleFolder.BROKEN_DRL);
        assertThat(engine.reloadNow().lastAttempt().orElseThrow().outcome()).isEqualTo(ReloadOutcome.REJECTED);

        Files.delete(rules.resolve("broken.drl"));
        TestRuleFolder.writeLimit(rules, 0.05);
        RulesStatus status = engine.reloadNow();

        assertThat(status.lastAttempt().orElseThrow().outcome()).isEqualTo(ReloadOutcome.ACTIVATED);
        assertThat(actions(engine.evaluate(DOWN_SEVEN_PERCENT))).containsExactly(RiskAction.EXIT);
    }

    @Test
    void aFolderThatIsGoneKeepsTheRunningVersionAndSaysSo() throws IOException {
        Path folder = rules.resolve("live");
        TestRuleFolder.write(folder, 0.08);
        RiskEngine engine = RiskEngine.load(folder, clock, heard::add);
        Files.delete(folder.resolve("stop.drl"));

        ReloadAttempt attempt = engine.reloadNow().lastAttempt().orElseThrow();

        assertThat(attempt.outcome()).isEqualTo(ReloadOutcome.REJECTED);
        assertThat(attempt.candidateVersion()).isNull();
        assertThat(attempt.errors()).containsExactly(new RuleFileError("", 0, "rules directory " + folder + " has no .drl files"));
        assertThat(engine.evaluate(DOWN_SEVEN_PERCENT).rulesVersion()).isEqualTo(engine.version());
    }

    @Test
    void startUpRefusesAFolderWhoseScenarioFailsNamingFileAndScenario() throws IOException {
        TestRuleFolder.write(rules, 0.10);
        TestRuleFolder.writeScenarios(rules, "stop.yaml", SCENARIOS);

        assertThatThrownBy(this::load)
                .isInstanceOf(StartupException.class)
                .hasMessage(rules.resolve("tests/stop.yaml") + ": scenario 'down 9% exits' failed: missing "
                        + "[test hard stop EXIT asset:AAPL severity CRITICAL]; unexpected []");
    }

    @Test
    void startUpRefusesLimitsThatAreNotNumbersNamingTheFileAndLimit() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        Files.writeString(rules.resolve("limits.yaml"), "stopLoss:\n  hardLossFraction: eight\n");

        assertThatThrownBy(this::load)
                .isInstanceOf(StartupException.class)
                .hasMessage(rules.resolve("limits.yaml") + ": limit stopLoss.hardLossFraction must be a number, not the text \"eight\"");
    }

    @Test
    void validationTestsFilesFromTheRequestAgainstTheFolderAndActivatesNothing() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        TestRuleFolder.writeScenarios(rules, "stop.yaml", SCENARIOS);
        RiskEngine engine = load();
        String version = engine.version();

        RuleBaseValidation tooLoose = engine.validate(Map.of("limits.yaml", "stopLoss:\n  hardLossFraction: 0.10\n"));
        RuleBaseValidation broken = engine.validate(Map.of("extra/broken.drl", TestRuleFolder.BROKEN_DRL));
        RuleBaseValidation fine = engine.validate(Map.of("limits.yaml", "stopLoss:\n  hardLossFraction: 0.05\n",
                "tests/more.yaml", "scenarios: []\n"));

        assertThat(tooLoose.valid()).isFalse();
        assertThat(tooLoose.errors()).isEmpty();
        assertThat(tooLoose.scenarios()).containsExactly(
                new ScenarioResult("tests/stop.yaml", "down 9% exits", List.of("test hard stop EXIT asset:AAPL severity CRITICAL"), List.of()),
                new ScenarioResult("tests/stop.yaml", "down 7% holds at a pinned 8% stop", List.of(), List.of()));
        assertThat(broken.valid()).isFalse();
        assertThat(broken.errors().getFirst().file()).isEqualTo("extra/broken.drl");
        assertThat(broken.errors().getFirst().line()).isEqualTo(8);
        assertThat(fine.valid()).isTrue();
        assertThat(fine.version()).isNotEqualTo(version);
        assertThat(fine.scenarios()).extracting(ScenarioResult::passed).containsExactly(true, true);

        assertThat(engine.version()).isEqualTo(version);
        assertThat(engine.status().lastAttempt()).isEmpty();
        assertThat(heard).isEmpty();
        assertThat(Files.readString(rules.resolve("limits.yaml"))).isEqualTo("stopLoss:\n  hardLossFraction: 0.08\n");
        assertThat(rules.resolve("tests/more.yaml")).doesNotExist();
    }

    @Test
    void concurrentEvaluationsDuringSwapsAlwaysSeeOneConsistentVersion() throws Exception {
        // the version of each limit, worked out from the folder itself before the race
        TestRuleFolder.write(rules, 0.05);
        String tight = RiskEngine.load(rules).version();
        TestRuleFolder.writeLimit(rules, 0.10);
        String loose = RiskEngine.load(rules).version();
        RiskEngine engine = load();

        int threads = 3;
        AtomicBoolean swapping = new AtomicBoolean(true);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<List<String>>> evaluators = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                evaluators.add(pool.submit(() -> {
                    List<String> inconsistent = new ArrayList<>();
                    int evaluations = 0;
                    while (swapping.get() || evaluations < 50) {
                        RiskEvaluation evaluation = engine.evaluate(DOWN_SEVEN_PERCENT);
                        seen.add(evaluation.rulesVersion());
                        // 7% exits under the 5% stop and holds under the 10% one: the version says which
                        boolean exited = actions(evaluation).equals(List.of(RiskAction.EXIT));
                        boolean consistent = evaluation.rulesVersion().equals(tight) ? exited
                                : evaluation.rulesVersion().equals(loose) && actions(evaluation).isEmpty();
                        if (!consistent) {
                            inconsistent.add(evaluation.rulesVersion() + " " + evaluation.decisions());
                        }
                        evaluations++;
                    }
                    return inconsistent;
                }));
            }
            Future<?> swapper = pool.submit(() -> {
                try {
                    for (int swap = 0; swap < 20; swap++) {
                        TestRuleFolder.writeLimit(rules, swap % 2 == 0 ? 0.05 : 0.10);
                        assertThat(engine.reloadNow().lastAttempt().orElseThrow().outcome()).isEqualTo(ReloadOutcome.ACTIVATED);
                    }
                } finally {
                    swapping.set(false);
                }
                return null;
            });
            swapper.get();
            for (Future<List<String>> evaluator : evaluators) {
                assertThat(evaluator.get()).isEmpty();
            }
            assertThat(seen).containsExactlyInAnyOrder(tight, loose);
            assertThat(engine.version()).isEqualTo(loose); // the 20th swap, swap 19, wrote 0.10
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStartedEngineWatchesTheFolderAndPutsAnEditInService() throws Exception {
        TestRuleFolder.write(rules, 0.08);
        try (RiskEngine engine = RiskEngine.start(new BallastConfig.Rules(rules, Duration.ofMillis(50)), clock, heard::add)) {
            String before = engine.version();

            TestRuleFolder.writeLimit(rules, 0.05);

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (engine.version().equals(before) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(engine.version()).as("the edit went live").isNotEqualTo(before);
            assertThat(actions(engine.evaluate(DOWN_SEVEN_PERCENT))).containsExactly(RiskAction.EXIT);
            assertThat(heard).extracting(ReloadAttempt::outcome).first().isEqualTo(ReloadOutcome.ACTIVATED);
        }
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
