package io.ballast.platform.risk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A rules folder of the tests' own, independent of the shipped rules: one rule, {@value #RULE},
 * that exits a position whose loss reached the limit {@code stopLoss.hardLossFraction}.
 */
final class TestRuleFolder {

    static final String RULE = "test hard stop";

    static final String STOP_DRL = """
            package io.ballast.rules;

            import io.ballast.api.risk.PositionRisk;
            import io.ballast.api.risk.RiskAction;
            import io.ballast.api.risk.RiskDecision;
            import io.ballast.api.risk.RiskLimits;
            import io.ballast.api.risk.RiskSubject;
            import io.ballast.api.risk.Severity;

            global io.ballast.api.risk.RiskDecisions decisions;

            rule "test hard stop"
            when
                $limits : RiskLimits()
                $position : PositionRisk( quantity != 0, unrealisedPnlFraction <= -$limits.value("stopLoss.hardLossFraction") )
            then
                decisions.add(RiskDecision.of(drools.getRule().getName(), Severity.CRITICAL, RiskAction.EXIT,
                        RiskSubject.asset($position.asset()), "loss " + $position.unrealisedPnlFraction()));
            end
            """;

    /** Parses, then fails at line 8: the pattern is never closed. */
    static final String BROKEN_DRL = """
            package io.ballast.rules;

            import io.ballast.api.risk.PositionRisk;

            rule "unclosed pattern"
            when
                PositionRisk( quantity > 0
            then
            end
            """;

    private TestRuleFolder() {
    }

    /** Writes the stop rule and a limits.yaml with the hard stop at {@code hardLossFraction}. */
    static void write(Path folder, double hardLossFraction) throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("stop.drl"), STOP_DRL);
        writeLimit(folder, hardLossFraction);
    }

    static void writeLimit(Path folder, double hardLossFraction) throws IOException {
        Files.writeString(folder.resolve("limits.yaml"), "stopLoss:\n  hardLossFraction: " + hardLossFraction + "\n");
    }

    static void writeScenarios(Path folder, String name, String yaml) throws IOException {
        Files.createDirectories(folder.resolve("tests"));
        Files.writeString(folder.resolve("tests").resolve(name), yaml);
    }
}
