package io.ballast.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench workflow} as a user runs it, with three rebalances so that the test is quick. */
class BenchWorkflowCommandTest {

    @Test
    void printsTheCompletionsPerSecondAndTheLatenciesOfRebalancesThatAllExecuted() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = BallastCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "workflow", "--rules", "../rules", "--workflows", "../workflows", "--rebalances", "3", "--warm-up", "1",
                "--concurrency", "2");

        assertThat(exitCode).as(err.toString()).isZero();
        List<String> lines = Arrays.asList(out.toString().strip().split("\\R"));
        assertThat(lines).extracting(line -> line.substring(0, line.indexOf(':'))).containsExactly(
                "rebalances-executed n=3",
                "rebalances-not-executed n=3",
                "completions-per-second n=3",
                "proposal-to-executed-median n=3",
                "proposal-to-executed-p95 n=3",
                "proposal-accepted-median n=3",
                "engine-floor-completions-per-second n=3");
        assertThat(lines).allMatch(line -> line.matches("[^:]+: [0-9]+\\.[0-9]{3} (rebalances|rebalances/s|ms|processes/s)"));
        assertThat(Double.parseDouble(lines.getLast().replaceAll(".*: ([0-9.]+) processes/s", "$1"))).isPositive();
        // every one of the three is auto-approved and executed
        assertThat(lines.get(0)).isEqualTo("rebalances-executed n=3: 3.000 rebalances");
        assertThat(lines.get(1)).isEqualTo("rebalances-not-executed n=3: 0.000 rebalances");
    }

    @Test
    void noRebalancesIsAnErrorNamingTheOption() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exitCode = BallastCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "bench", "workflow", "--rebalances", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("--rebalances").contains("must be at least 1, got 0");
    }
}
