package io.ballast.platform.cli;

import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.marketdata.ClosePriceCsv;
import io.ballast.platform.marketdata.SampleMarket;
import io.ballast.platform.marketdata.SampleMarketGenerator;
import io.ballast.platform.problem.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ballast sample-data}: writes the generated sample market as a close-price CSV, in the
 * same wide format as the public price files ({@code date,TICKER,...}), for the CLI commands and
 * for anyone who wants to look at the data the platform loads on first start.
 */
@Command(name = "sample-data", mixinStandardHelpOptions = true,
        description = "Write the seeded sample market (daily closes, one column per asset) as CSV.")
final class SampleDataCommand implements Callable<Integer> {

    private static final BallastConfig.MarketData DEFAULTS = BallastConfig.defaults().marketData();

    @Option(names = "--seed", paramLabel = "N", description = "random seed; the same seed gives the same data (default: ${DEFAULT-VALUE})")
    long seed = DEFAULTS.sampleSeed();

    @Option(names = "--years", paramLabel = "N", description = "years of daily bars, 1 to 50 (default: ${DEFAULT-VALUE})")
    int years = DEFAULTS.sampleYears();

    @Option(names = "--out", paramLabel = "FILE", description = "the CSV file to write; standard output when absent")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (years < 1 || years > 50) {
            throw new InvalidInputException("--years", "must be between 1 and 50, got " + years);
        }
        SampleMarket market = SampleMarketGenerator.generate(seed, years);
        if (out == null) {
            Writer stdout = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
            ClosePriceCsv.write(market, stdout);
            stdout.flush();
        } else {
            try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                ClosePriceCsv.write(market, file);
            }
        }
        return 0;
    }
}
