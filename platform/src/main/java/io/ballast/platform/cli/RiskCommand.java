package io.ballast.platform.cli;

import io.ballast.api.marketdata.PriceHistory;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.quant.prices.ReturnSeries;
import io.ballast.platform.quant.risk.report.PortfolioRiskReport;
import io.ballast.platform.quant.risk.report.PortfolioRiskReporter;
import io.ballast.platform.quant.risk.report.RiskReportSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ballast risk}: the risk report (volatility, VaR and ES by every method, drawdown,
 * concentration, risk contributions, performance) of a set of weights over a prices CSV.
 */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = "Report the risk of a set of weights over the prices of a CSV.")
final class RiskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PriceFileOptions prices;

    @Option(names = "--weights", required = true, paramLabel = "FILE",
            description = "JSON weights: {\"AAPL\": 0.6, ...}, or the output of optimize (its \"weights\" are used)")
    Path weightsFile;

    @Option(names = "--confidence", split = ",", paramLabel = "C[,C...]",
            description = "VaR and ES confidences, each in (0, 1) (default: 0.95,0.99)")
    List<Double> confidences = RiskReportSettings.DEFAULT_CONFIDENCES;

    @Option(names = "--risk-free-rate", paramLabel = "R", description = "annual risk-free rate, a fraction (default: ${DEFAULT-VALUE})")
    double riskFreeRate = ConstructionRequest.DEFAULT_ANNUAL_RISK_FREE_RATE;

    @Option(names = "--monte-carlo-paths", paramLabel = "N", description = "Monte Carlo paths (default: ${DEFAULT-VALUE})")
    int monteCarloPaths = RiskReportSettings.DEFAULT_MONTE_CARLO_PATHS;

    @Option(names = "--seed", paramLabel = "N", description = "Monte Carlo seed; the same seed gives the same report (default: ${DEFAULT-VALUE})")
    long seed = RiskReportSettings.DEFAULT_MONTE_CARLO_SEED;

    @Option(names = "--format", paramLabel = "json|table", description = "output format (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.json;

    @Override
    public Integer call() {
        PriceHistory history = prices.read();
        Map<String, Double> weightByAsset = JsonInputFiles.numbersByAsset(weightsFile, "--weights");
        RiskReportSettings settings = RiskReportSettings.defaults()
                .withConfidences(confidences)
                .withPeriodsPerYear(prices.periodsPerYear())
                .withMonteCarlo(monteCarloPaths, seed)
                .withAnnualRiskFreeRate(riskFreeRate);
        PortfolioRiskReport report = PortfolioRiskReporter.report(ReturnSeries.simple(history), weightByAsset, settings);
        PrintWriter out = spec.commandLine().getOut();
        format.write(new RiskReportOutput(report), out);
        out.flush();
        return 0;
    }
}
