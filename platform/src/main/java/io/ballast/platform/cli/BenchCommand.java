package io.ballast.platform.cli;

import io.ballast.platform.bench.BenchmarkTimer;
import io.ballast.platform.bench.QuantBenchmark;
import io.ballast.platform.bench.RuleBenchmark;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.risk.RiskEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ballast bench}: benchmarks that print one figure per line as {@code name: value unit}. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchCommand.Quant.class, BenchCommand.Rules.class})
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
}
