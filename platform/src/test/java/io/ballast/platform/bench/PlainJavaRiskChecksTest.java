package io.ballast.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.risk.RiskEngine;
import io.ballast.platform.risk.RiskFacts;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second method for the shipped rules and for the benchmark's baseline: Drools and the plain
 * Java checks, written independently, decide exactly the same on seeded random portfolios.
 */
class PlainJavaRiskChecksTest {

    private static final Comparator<RiskDecision> ORDER = Comparator.comparing(RiskDecision::rule)
            .thenComparing(decision -> decision.subject().toString())
            .thenComparing(RiskDecision::action)
            .thenComparing(RiskDecision::message);

    private static RiskEngine engine;

    @BeforeAll
    static void loadShippedRules() {
        engine = RiskEngine.load(Path.of("..", "rules"));
    }

    @Test
    void droolsAndPlainJavaDecideTheSameOnRandomThousandPositionPortfolios() {
        PlainJavaRiskChecks plain = new PlainJavaRiskChecks(engine.limits());
        Set<String> rulesThatFired = new TreeSet<>();
        int decisions = 0;
        for (long seed = 1; seed <= 20; seed++) {
            RiskFacts facts = SyntheticRiskFacts.generate(seed, 1_000, 8);

            List<RiskDecision> byDrools = engine.evaluate(facts).decisions().stream().sorted(ORDER).toList();
            List<RiskDecision> byJava = plain.evaluate(facts).stream().sorted(ORDER).toList();

            assertThat(byJava).as("seed %d", seed).containsExactlyElementsOf(byDrools);
            byDrools.forEach(decision -> rulesThatFired.add(decision.rule()));
            decisions += byDrools.size();
        }
        // the comparison means something only if every shipped rule fired somewhere
        assertThat(rulesThatFired).hasSize(engine.ruleCount());
        assertThat(decisions).isGreaterThan(20 * 10);
    }
}
