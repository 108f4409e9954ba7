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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Option(names = "--kelly-fraction", paramLabel = "F", description = "kelly's fraction of full Kelly, in (0, 1] (default: 0.5)")
    Double kellyFraction;

    @Option(names = "--risk-budgets", paramLabel = "FILE", description = "risk-parity's budgets, JSON {\"AAPL\": 0.6, ...} summing to 1 (default: equal)")
    Path riskBudgetsFile;

    @Option(names = "--market-caps", paramLabel = "FILE", description = "black-litterman's market capitalisations, JSON {\"AAPL\": 2.9e12, ...}")
    Path marketCapsFile;

    @Option(names = "--views", paramLabel = "FILE",
            description = "black-litterman's views, JSON [{\"pick\": {\"AAPL\": 1, \"MSFT\": -1}, \"expectedReturn\": 0.02, \"confidence\": 0.6}]")
    Path viewsFile;

    @Option(names = "--risk-aversion", paramLabel = "D", description = "black-litterman's market risk aversion δ (default: 2.5)")
    Double riskAversion;

    @Option(names = "--tau", paramLabel = "T", description = "black-litterman's τ, the prior's uncertainty (default: 0.05)")
    Double tau;

    @Option(names = "--posterior-optimizer", paramLabel = "NAME", description = "black-litterman's optimizer for the posterior (default: max-sharpe)")
    String posteriorOptimizer;

    @Option(names = "--format", paramLabel = "json|table", description = "output format (default: ${DEFAULT-VALUE})")
    OutputFormat format = OutputFormat.json;

    private static final String BLACK_LITTERMAN = "black-litterman";

    /** Each optimizer parameter this command sets, by the option that sets it, for messages in the user's words. */
    private static final Map<String, String> OPTION_BY_PARAMETER = Map.of(
            "linkage", "--linkage", "targetReturn", "--target-return", "targetVolatility", "--target-volatility",
            "kellyFraction", "--kelly-fraction", "riskBudgets", "--risk-budgets", "riskAversion", "--risk-aversion",
            "tau", "--tau", "posteriorOptimizer", "--posterior-optimizer");

    @Override
    public Integer call() {
        WeightConstraints constraints = constraints();
        Map<String, Object> parameters = new LinkedHashMap<>();
        putIfGiven(parameters, "linkage", linkage);
        putIfGiven(parameters, "targetReturn", targetReturn);
        putIfGiven(parameters, "targetVolatility", targetVolatility);
        putIfGiven(parameters, "kellyFraction", kellyFraction);
        putIfGiven(parameters, "riskAversion", riskAversion);
        putIfGiven(parameters, "tau", tau);
        putIfGiven(parameters, "posteriorOptimizer", posteriorOptimizer);
        if (riskBudgetsFile != null) {
            parameters.put("riskBudgets", JsonInputFiles.numbersByAsset(riskBudgetsFile, "--risk-budgets"));
        }
        MarketViews views = views();
        OptimizedPortfolio portfolio;
        try (PluginHost host = PluginHost.start(plugins.directory())) {
            PortfolioConstruction construction = new PortfolioConstruction(host::optimizer,
                    () -> host.optimizers().stream().map(Optimizer::id).toList());
            portfolio = construction.optimize(new ConstructionRequest(method, prices.read(),
                    prices.estimationSettings(), riskFreeRate, constraints, views, parameters));
        } catch (InvalidInputException refused) {
            throw inTheUsersWords(refused);
        }
        PrintWriter out = spec.commandLine().getOut();
        format.write(OptimizationOutput.of(portfolio), out);
        out.flush();
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

    private MarketViews views() {
        if (marketCapsFile == null && BLACK_LITTERMAN.equals(method)) {
            throw new InvalidInputException("--market-caps", "black-litterman needs a file of every asset's market capitalisation,"
                    + " from which it implies the prior returns");
        }
        if (marketCapsFile == null && viewsFile == null) {
            return MarketViews.none();
        }
        Map<String, Double> caps = marketCapsFile == null ? Map.of() : JsonInputFiles.numbersByAsset(marketCapsFile, "--market-caps");
        try {
            return new MarketViews(caps, viewsFile == null ? List.of() : JsonInputFiles.views(viewsFile, "--views"));
        } catch (IllegalArgumentException refused) {
            throw new InvalidInputException("--market-caps", refused.getMessage());
        }
    }

    /** {@code parameters.targetReturn} is the API's name for what the user typed as {@code --target-return}. */
    private static InvalidInputException inTheUsersWords(InvalidInputException refused) {
        String prefix = "parameters.";
        if (refused.field().startsWith(prefix)) {
            String parameter = refused.field().substring(prefix.length());
            String option = OPTION_BY_PARAMETER.get(parameter.contains(".") ? parameter.substring(0, parameter.indexOf('.')) : parameter);
            if (option != null) {
                return new InvalidInputException(option, refused.problem().replace(" " + parameter + " ", " " + option + " "));
            }
        }
        return refused;
    }

    private static void putIfGiven(Map<String, Object> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }
}
