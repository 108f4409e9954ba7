package io.ballast.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.api.risk.PositionRisk;
import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.health.ComponentHealth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskEngineTest {

    private static final Path SHIPPED_RULES = Path.of("..", "rules");

    /** The rules of the shipped stop-loss.drl: soft, hard and trailing stop-loss, circuit breaker, trade during circuit breaker. */
    private static final int STOP_LOSS_RULES = 5;

    private static final String DECISIONS_GLOBAL = "global io.ballast.api.risk.RiskDecisions decisions;\n";

    @TempDir
    Path rules;

    /** The shipped stop-loss rules, with the shipped limits.yaml they read their thresholds from. */
    private Path copyShippedStopLoss(String relativePath) throws IOException {
        Path target = rules.resolve(relativePath);
        Files.createDirectories(target.getParent());
        if (!Files.exists(rules.resolve("limits.yaml"))) {
            Files.copy(SHIPPED_RULES.resolve("limits.yaml"), rules.resolve("limits.yaml"));
        }
        return Files.copy(SHIPPED_RULES.resolve("stop-loss.drl"), target);
    }

    @Test
    void aRuleThatDoesNotParseIsRefusedNamingFileAndLine() throws IOException {
        copyShippedStopLoss("stop-loss.drl");
        Files.createDirectories(rules.resolve("broken"));
        Files.writeString(rules.resolve("broken/unclosed.drl"), """
                package io.ballast.rules;

                import io.ballast.api.risk.PositionRisk;

                rule "unclosed pattern"
                when
                    PositionRisk( quantity > 0
                then
                end
                """);

        assertThatThrownBy(() -> RiskEngine.load(rules))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith(rules.resolve("broken/unclosed.drl") + ":8: ")
                .hasMessageContaining("then")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aRuleOnAFieldTheFactDoesNotHaveIsRefusedNamingFileLineAndField() throws IOException {
        Files.writeString(rules.resolve("typo.drl"), """
                package io.ballast.rules;
                import io.ballast.api.risk.PositionRisk;
                """ + DECISIONS_GLOBAL + """
                rule "typo"
                when
                    PositionRisk( unrealisedPnlPercent < -8 )
                then
                end
                """);

        assertThatThrownBy(() -> RiskEngine.load(rules))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith(rules.resolve("typo.drl") + ":6: ")
                .hasMessageContaining("unrealisedPnlPercent")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aMissingFolderIsRefusedNamingIt() {
        Path missing = rules.resolve("nowhere");

        assertThatThrownBy(() -> RiskEngine.load(missing))
                .isInstanceOf(StartupException.class)
                .hasMessage("rules directory " + missing + " does not exist");
    }

    @Test
    void aFolderWithoutRuleFilesIsRefusedNamingIt() throws IOException {
        Files.writeString(rules.resolve("README.md"), "no rules here");

        assertThatThrownBy(() -> RiskEngine.load(rules))
                .isInstanceOf(StartupException.class)
                .hasMessage("rules directory " + rules + " has no .drl files");
    }

    @Test
    void rulesThatDoNotDeclareTheDecisionsGlobalAreRefused() throws IOException {
        Files.writeString(rules.resolve("silent.drl"), """
                package io.ballast.rules;
                import io.ballast.api.risk.PositionRisk;
                rule "silent"
                when
                    PositionRisk( quantity > 0 )
                then
                end
                """);

        assertThatThrownBy(() -> RiskEngine.load(rules))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining(rules.toString())
                .hasMessageContaining("global io.ballast.api.risk.RiskDecisions decisions;");
    }

    @Test
    void filesBelowTheFolderAreLoadedInPathOrderAndCounted() throws IOException {
        copyShippedStopLoss("stop-loss.drl");
        Files.writeString(rules.resolve("a-concentration.drl"), """
                package io.ballast.rules;
                import io.ballast.api.risk.PositionRisk;
                """ + DECISIONS_GLOBAL + """
                rule "watch"
                when
                    PositionRisk( quantity > 1000 )
                then
                end
                """);
        Files.createDirectories(rules.resolve("crypto"));
        Files.writeString(rules.resolve("crypto/notes.txt"), "not a rule file");

        RiskEngine engine = RiskEngine.load(rules);

        assertThat(engine.status().files()).containsExactly("a-concentration.drl", "stop-loss.drl");
        assertThat(engine.ruleCount()).isEqualTo(STOP_LOSS_RULES + 1);
    }

    @Test
    void theVersionIsStableForTheSameFilesAndChangesWithAnyEditRenameOrAddition() throws IOException {
        Path stopLoss = copyShippedStopLoss("stop-loss.drl");
        String original = RiskEngine.load(rules).version();

        assertThat(original).matches("[0-9a-f]{12}");
        assertThat(RiskEngine.load(rules).version()).isEqualTo(original);

        Files.writeString(stopLoss, Files.readString(stopLoss) + "\n// reviewed\n");
        String edited = RiskEngine.load(rules).version();
        assertThat(edited).isNotEqualTo(original);

        Files.move(stopLoss, rules.resolve("hard-stop.drl"));
        String renamed = RiskEngine.load(rules).version();
        assertThat(renamed).isNotIn(original, edited);

        Files.writeString(rules.resolve("hard-stop.drl"), Files.readString(rules.resolve("hard-stop.drl")).replace("\n// reviewed\n", ""));
        assertThat(RiskEngine.load(rules).version()).as("same content under another name").isNotIn(original, edited, renamed);
    }

    @Test
    void healthDetailsTheRulesInService() throws IOException {
        copyShippedStopLoss("stop-loss.drl");
        Instant activation = Instant.parse("2025-03-04T05:06:07Z");

        RiskEngine engine = RiskEngine.load(rules, Clock.fixed(activation, ZoneOffset.UTC));
        ComponentHealth health = engine.health();

        assertThat(engine.status().activatedAt()).isEqualTo(activation);
        assertThat(health.up()).isTrue();
        assertThat(health.details())
                .containsEntry("directory", rules.toString())
                .containsEntry("version", engine.version())
                .containsEntry("activatedAt", "2025-03-04T05:06:07Z")
                .containsEntry("ruleCount", STOP_LOSS_RULES)
                .containsEntry("files", List.of("stop-loss.drl"));
    }

    @Test
    void concurrentEvaluationsEachGetTheirOwnDecisions() throws Exception {
        copyShippedStopLoss("stop-loss.drl");
        RiskEngine engine = RiskEngine.load(rules);
        int threads = 4;
        int evaluationsPerThread = 25;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<List<String>>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                // each thread its own asset, stopped on even rounds (down 10%) and not on odd ones (down 4%, short of the 5% soft stop)
                String asset = "ASSET" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    List<List<String>> stoppedPerRound = new ArrayList<>();
                    for (int round = 0; round < evaluationsPerThread; round++) {
                        double last = round % 2 == 0 ? 90 : 96;
                        List<RiskDecision> decisions = engine.evaluate(RiskFacts.ofPositions(List.of(
                                PositionRisk.ofPrices("p", asset, 1, 100, last),
                                PositionRisk.ofPrices("p", "COMMON", 1, 100, 80)))).decisions();
                        stoppedPerRound.add(decisions.stream().map(d -> d.subject().id()).toList());
                    }
                    return stoppedPerRound;
                }));
            }
            for (int t = 0; t < threads; t++) {
                List<List<String>> stoppedPerRound = results.get(t).get();
                for (int round = 0; round < evaluationsPerThread; round++) {
                    List<String> expected = round % 2 == 0 ? List.of("ASSET" + t, "COMMON") : List.of("COMMON");
                    assertThat(stoppedPerRound.get(round)).as("thread %d round %d", t, round).isEqualTo(expected);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
