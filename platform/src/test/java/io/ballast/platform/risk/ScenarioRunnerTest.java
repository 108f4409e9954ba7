package io.ballast.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario on a compiled candidate: passed, or what was missing and what was not expected. */
class ScenarioRunnerTest {

    @TempDir
    Path rules;

    private CompiledRules compiled;

    @BeforeEach
    void compile() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        compiled = CompiledRules.compile(RuleFiles.read(rules), Instant.EPOCH);
    }

    private ScenarioResult run(String yaml) {
        return ScenarioRunner.run(compiled, ScenarioFile.parse(rules, "tests/t.yaml", yaml).getFirst());
    }

    @Test
    void exactlyTheExpectedDecisionsPass() {
        // BBB: 91 / 100 - 1 = -0.09, past the 8% stop; CCC: -0.07, short of it
        ScenarioResult result = run("""
                scenarios:
                  - name: one of two exits
                    given:
                      positions:
                        - {asset: BBB, quantity: 1, averageEntryPrice: 100, lastPrice: 91}
                        - {asset: CCC, quantity: 1, averageEntryPrice: 100, lastPrice: 93}
                    expect:
                      - {rule: test hard stop, action: EXIT, subject: "asset:BBB", severity: CRITICAL, messageContains: "loss -0.09"}
                """);

        assertThat(result).isEqualTo(new ScenarioResult("tests/t.yaml", "one of two exits", List.of(), List.of()));
        assertThat(result.passed()).isTrue();
    }

    @Test
    void aDecisionNotMadeIsMissingAndADecisionNotExpectedIsUnexpected() {
        ScenarioResult result = run("""
                scenarios:
                  - name: the wrong asset
                    given:
                      positions:
                        - {asset: BBB, quantity: 1, averageEntryPrice: 100, lastPrice: 91}
                    expect:
                      - {rule: test hard stop, action: EXIT, subject: "asset:CCC"}
                """);

        assertThat(result.passed()).isFalse();
        assertThat(result.missing()).containsExactly("test hard stop EXIT asset:CCC");
        assertThat(result.unexpected()).containsExactly("test hard stop EXIT asset:BBB severity CRITICAL: loss -0.09");
    }

    @Test
    void theOptionalFieldsAreCheckedWhenGiven() {
        ScenarioResult result = run("""
                scenarios:
                  - name: wrong severity and message
                    given:
                      positions:
                        - {asset: BBB, quantity: 1, averageEntryPrice: 100, lastPrice: 91}
                        - {asset: DDD, quantity: 1, averageEntryPrice: 100, lastPrice: 90}
                    expect:
                      - {rule: test hard stop, action: EXIT, subject: "asset:BBB", severity: WARNING}
                      - {rule: test hard stop, action: EXIT, subject: "asset:DDD", messageContains: "loss -0.2"}
                """);

        assertThat(result.missing()).containsExactly("test hard stop EXIT asset:BBB severity WARNING",
                "test hard stop EXIT asset:DDD messageContains \"loss -0.2\"");
        assertThat(result.unexpected()).containsExactly("test hard stop EXIT asset:BBB severity CRITICAL: loss -0.09",
                "test hard stop EXIT asset:DDD severity CRITICAL: loss -0.1");
    }

    @Test
    void aScenarioPinsItsOwnLimits() {
        // -0.09 holds under a pinned 10% stop, whatever limits.yaml says
        ScenarioResult result = run("""
                scenarios:
                  - name: pinned
                    limits: {stopLoss.hardLossFraction: 0.10}
                    given:
                      positions:
                        - {asset: BBB, quantity: 1, averageEntryPrice: 100, lastPrice: 91}
                    expect: []
                """);

        assertThat(result.passed()).isTrue();
    }
}
