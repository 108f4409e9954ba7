package io.ballast.platform.cli;

import io.ballast.api.optimizer.MarketViews;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.platform.construction.ConstructionRequest;
import io.ballast.platform.construction.OptimizedPortfolio;
import io.ballast.platform.construction.PortfolioConstruction;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.problem.InvalidInputException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ballast optimize}: target weights for the assets of a prices CSV, by any loaded optimizer,
 * with the annualised performance the estimates expect of them.
 */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Optimize a portfolio over the assets of a prices CSV and print the weights and their expected performance.")
final class OptimizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PriceFileOptions prices;

    @Mixin
    PluginFolderOption plugins;

    @Option(names = "--method", required = true, paramLabel = "NAME",
            description = "optimizer id: equal-weight, inverse-volatility, min-volatility, max-sharpe, efficient-return, "
                    + "efficient-risk, risk-parity, hrp, black-litterman, max-diversification, kelly, or a plugin's own")
    String method;

    @Option(names = "--risk-free-rate", paramLabel = "R", description = "annual risk-free rate, a fraction (default: ${DEFAULT-VALUE})")
    double riskFreeRate = ConstructionRequest.DEFAULT_ANNUAL_RISK_FREE_RATE;

    @Option(names = "--linkage", paramLabel = "single|complete|average|ward", description = "hrp's clustering linkage (default: single)")
    String linkage;

    @Option(names = "--target-return", paramLabel = "R", description = "efficient-return's target, an annual fraction")
    Double targetReturn;

    @Option(names = "--target-volatility", paramLabel = "V", description = "efficient-risk's target, an annual fraction")
    Double targetVolatility;

    @Option(names = "--min-weight", paramLabel = "W", description = "lowest weight of any asset; negative allows shorts (default: 0)")
    double minWeight = 0;

    @Option(names = "--max-weight", paramLabel = "W", description = "highest weight of any asset (default: 1)")
    double maxWeight = 1;

    @Option(names = "--format", paramLabel = "json|table", description = "output format (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.json;

    @Override
    public Integer call() {
        WeightConstraints constraints = constraints();
        Map<String, Object> parameters = new LinkedHashMap<>();
        putIfGiven(parameters, "linkage", linkage);
        putIfGiven(parameters, "targetReturn", targetReturn);
        putIfGiven(parameters, "targetVolatility", targetVolatility);
        try (PluginHost host = PluginHost.start(plugins.directory())) {
            PortfolioConstruction construction = new PortfolioConstruction(host::optimizer,
                    () -> host.optimizers().stream().map(Optimizer::id).toList());
            OptimizedPortfolio portfolio = construction.optimize(new ConstructionRequest(method, prices.read(),
                    prices.estimationSettings(), riskFreeRate, constraints, MarketViews.none(), parameters));
            PrintWriter out = spec.commandLine().getOut();
            format.write(OptimizationOutput.of(portfolio), out);
            out.flush();
        }
        return 0;
    }

    private WeightConstraints constraints() {
        if (!(minWeight <= maxWeight)) {
            throw new InvalidInputException("--min-weight", "must not be above --max-weight (" + minWeight + " > " + maxWeight + ")");
        }
        try {
            return WeightConstraints.longOnly().withBounds(minWeight, maxWeight);
        } catch (IllegalArgumentException notFinite) {
            throw new InvalidInputException("--min-weight/--max-weight", notFinite.getMessage());
        }
    }

    private static void putIfGiven(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
