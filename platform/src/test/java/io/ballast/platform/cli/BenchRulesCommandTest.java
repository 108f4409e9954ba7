package io.ballast.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench rules} as a user runs it, with a tiny warm-up so that the test is quick. */
class BenchRulesCommandTest {

    @Test
    void printsOneFigurePerLineForDroolsPlainJavaTheirRatioAndTheDecisions() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = BallastCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "rules", "--rules", "../rules", "--warm-up-millis", "1", "--runs", "1");

        assertThat(exitCode).as(err.toString()).isZero();
        List<String> lines = Arrays.asList(out.toString().strip().split("\\R"));
        assertThat(lines).extracting(line -> line.substring(0, line.indexOf(':'))).containsExactly(
                "drools-evaluation positions=1000 trades=5",
                "plain-java-evaluation positions=1000 trades=5",
                "drools-over-plain-java",
                "decisions-per-evaluation",
                "rules");
        assertThat(lines).allMatch(line -> line.matches("[^:]+: [0-9]+\\.[0-9]{3} (ms|x|decisions|rules)"));
        // the shipped rule files define 22 rules
        assertThat(lines.getLast()).isEqualTo("rules: 22.000 rules");
    }

    @Test
    void aMissingRulesFolderIsAnErrorNamingIt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = BallastCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "rules", "--rules", "no-such-rules", "--warm-up-millis", "1", "--runs", "1");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("rules directory no-such-rules does not exist");
    }
}
