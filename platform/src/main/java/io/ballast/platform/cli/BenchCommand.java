package io.ballast.platform.cli;

import io.ballast.platform.bench.BenchmarkTimer;
import io.ballast.platform.bench.QuantBenchmark;
import io.ballast.platform.bench.RuleBenchmark;
import io.ballast.platform.bench.WorkflowBenchmark;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.risk.RiskEngine;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ballast bench}: benchmarks that print one figure per line as {@code name: value unit}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Quant.class, BenchCommand.Rules.class, BenchCommand.Workflow.class})
final class BenchCommand {

    @Command(name = "quant", mixinStandardHelpOptions = true,
            description = "Estimators, optimizers (through the plugin host), VaR/ES at the sizes of issue 3.")
    static final class Quant implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        PluginFolderOption plugins;

        @Option(names = "--warm-up-millis", paramLabel = "MS", description = "untimed runs per case first (default: ${DEFAULT-VALUE})")
        long warmUpMillis = 2_000;

        @Option(names = "--runs", paramLabel = "N", description = "timed runs per case at least (default: ${DEFAULT-VALUE})")
        int runs = 5;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (PluginHost host = PluginHost.start(plugins.directory())) {
                new QuantBenchmark(id -> host.optimizer(id).orElseThrow(() -> new IllegalStateException(
                        "the benchmark needs optimizer " + id + ", which is not loaded from " + plugins.directory())),
                        new BenchmarkTimer(warmUpMillis, runs))
                        .run(measurement -> {
                            out.println(measurement.line());
                            out.flush();
                        });
            }
            return 0;
        }
    }

    @Command(name = "rules", mixinStandardHelpOptions = true,
            description = "The shipped risk rules in Drools against the same checks in plain Java, on a 1,000-position portfolio.")
    static final class Rules implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--rules", paramLabel = "DIR", description = "the rules directory (default: ${DEFAULT-VALUE})")
        Path rules = Path.of("rules");

        @Option(names = "--warm-up-millis", paramLabel = "MS", description = "untimed runs per case first (default: ${DEFAULT-VALUE})")
        long warmUpMillis = 2_000;

        @Option(names = "--runs", paramLabel = "N", description = "timed runs per case at least (default: ${DEFAULT-VALUE})")
        int runs = 20;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            new RuleBenchmark(RiskEngine.load(rules), new BenchmarkTimer(warmUpMillis, runs)).run(measurement -> {
                out.println(measurement.line());
                out.flush();
            });
            return 0;
        }
    }

    @Command(name = "workflow", mixinStandardHelpOptions = true,
            description = "Auto-approved rebalances end to end on the embedded platform (a fresh store in a temporary folder): "
                    + "completions per second and the latency from proposal to EXECUTED.")
    static final class Workflow implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        PluginFolderOption plugins;

        @Option(names = "--rules", paramLabel = "DIR", description = "the rules directory (default: ${DEFAULT-VALUE})")
        Path rules = Path.of("rules");

        @Option(names = "--workflows", paramLabel = "DIR", description = "the BPMN and form folder (default: ${DEFAULT-VALUE})")
        Path workflows = Path.of("workflows");

        @Option(names = "--rebalances", paramLabel = "N", description = "timed rebalances, each on a portfolio of its own (default: ${DEFAULT-VALUE})")
        int rebalances = 500;

        @Option(names = "--warm-up", paramLabel = "N", description = "untimed rebalances first (default: ${DEFAULT-VALUE})")
        int warmUp = 500;

        @Option(names = "--concurrency", paramLabel = "N", description = "clients, each proposing a rebalance and waiting for it to finish before the next (default: ${DEFAULT-VALUE})")
        int concurrency = 8;

        @Override
        public Integer call() throws IOException, InterruptedException {
            requireAtLeast(rebalances, 1, "--rebalances");
            requireAtLeast(warmUp, 0, "--warm-up");
            requireAtLeast(concurrency, 1, "--concurrency");
            requireDirectory(rules, "--rules");
            requireDirectory(workflows, "--workflows");
            PrintWriter out = spec.commandLine().getOut();
            Path data = Files.createTempDirectory("ballast-bench-workflow-");
            try {
                BallastConfig defaults = BallastConfig.defaults();
                BallastConfig config = new BallastConfig(defaults.mode(), data, defaults.http(), defaults.store(), defaults.marketData(),
                        BallastConfig.Rules.in(rules), BallastConfig.Plugins.in(plugins.directory()),
                        new BallastConfig.Workflow(defaults.workflow().mode(), workflows, defaults.workflow().jobWorkerThreads(),
                                defaults.workflow().embedded(),
                                defaults.workflow().remote()),
                        defaults.security(), defaults.alerts(), defaults.monitor(), defaults.rebalance());
                new WorkflowBenchmark(config, rebalances, warmUp, concurrency).run(measurement -> {
                    out.println(measurement.line());
                    out.flush();
                });
            } finally {
                deleteTree(data);
            }
            return 0;
        }

        private static void requireAtLeast(int value, int least, String option) {
            if (value < least) {
                throw new InvalidInputException(option, "must be at least " + least + ", got " + value);
            }
        }

        private static void requireDirectory(Path directory, String option) {
            if (!Files.isDirectory(directory)) {
                throw new InvalidInputException(option, "directory " + directory + " does not exist");
            }
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.deleteIfExists(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
