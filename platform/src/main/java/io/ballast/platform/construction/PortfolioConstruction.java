package io.ballast.platform.construction;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.api.optimizer.OptimizationRequest;
import io.ballast.api.optimizer.Optimizer;
import io.ballast.api.optimizer.TargetWeights;
import io.ballast.api.optimizer.WeightConstraints;
import io.ballast.platform.plugins.ExtensionParameters;
import io.ballast.platform.plugins.PluginCallException;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.problem.ServiceUnavailableException;
import io.ballast.platform.quant.estimate.MarketEstimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The portfolio-construction stage's entry point: prices → estimates → an optimizer plugin →
 * target weights with their expected performance. Optimizers are found by id among the loaded
 * plugins, so a user's optimizer plugin is called exactly as the bundled ones are.
 */
public final class PortfolioConstruction {

    static final String EFFICIENT_RETURN = "efficient-return";
    static final String MIN_VOLATILITY = "min-volatility";
    /** How far inside the highest reachable return the frontier ends, an annual fraction. */
    static final double FRONTIER_END_MARGIN = 1e-9;
    /** A weight this small is the solver's round-off, reported as 0 (PyPortfolioOpt's clean_weights does the same). */
    static final double ROUND_OFF_WEIGHT = 1e-12;

    private final Function<String, Optional<Optimizer>> optimizerById;
    private final Supplier<? extends Collection<String>> optimizerIds;

    /**
     * @param optimizerById the loaded optimizers by id (e.g. {@code PluginHost::optimizer})
     * @param optimizerIds  the ids loaded now, for the message when a method is unknown
     */
    public PortfolioConstruction(Function<String, Optional<Optimizer>> optimizerById,
            Supplier<? extends Collection<String>> optimizerIds) {
        this.optimizerById = Objects.requireNonNull(optimizerById, "optimizerById");
        this.optimizerIds = Objects.requireNonNull(optimizerIds, "optimizerIds");
    }

    /**
     * @throws InvalidInputException for an unknown method, bad parameters, prices that cannot be
     *         estimated from, or constraints the optimizer cannot satisfy
     */
    public OptimizedPortfolio optimize(ConstructionRequest request) {
        MarketEstimates estimates = MarketEstimator.estimate(request.prices(), request.estimation());
        return optimize(request, estimates);
    }

    /**
     * The efficient frontier as {@code points} minimum-variance portfolios whose target returns are
     * evenly spaced from the minimum-volatility portfolio's return to the highest return the weight
     * bounds allow. Traced under weight bounds only: with sector caps or a turnover limit the
     * highest reachable return is a linear program of its own, so those are refused rather than
     * answered with a frontier that silently stops short.
     */
    public List<OptimizedPortfolio> frontier(ConstructionRequest request, int points) {
        if (points < 2 || points > 1000) {
            throw new InvalidInputException("points", "must be between 2 and 1000, got " + points);
        }
        WeightConstraints constraints = request.constraints();
        if (!constraints.maxWeightBySector().isEmpty() || constraints.maxTurnover().isPresent()) {
            throw new InvalidInputException("constraints", "the frontier is traced under weight bounds only;"
                    + " leave out maxWeightBySector and maxTurnover, or optimize single points with efficient-return");
        }
        MarketEstimates estimates = MarketEstimator.estimate(request.prices(), request.estimation());
        OptimizedPortfolio lowest = optimize(request.withMethod(MIN_VOLATILITY, Map.of()), estimates);
        double lowReturn = lowest.performance().expectedAnnualReturn();
        // a hair inside the highest return, which the bounds reach only with every weight at a bound
        double highReturn = highestReturnWithinBounds(estimates, constraints) - FRONTIER_END_MARGIN;
        List<OptimizedPortfolio> frontier = new ArrayList<>(List.of(lowest));
        for (int point = 1; point < points; point++) {
            double target = lowReturn + Math.max(0, highReturn - lowReturn) * point / (points - 1);
            frontier.add(optimize(request.withMethod(EFFICIENT_RETURN, Map.of("targetReturn", target)), estimates));
        }
        return List.copyOf(frontier);
    }

    private OptimizedPortfolio optimize(ConstructionRequest request, MarketEstimates estimates) {
        Optimizer optimizer = optimizerById.apply(request.method()).orElseThrow(() -> new InvalidInputException("method",
                "no optimizer " + request.method() + " is loaded; loaded: " + String.join(", ", optimizerIds.get())));
        Map<String, Object> parameters = ExtensionParameters.validate(optimizer, request.parameters(), "parameters");
        OptimizationRequest optimization = new OptimizationRequest(estimates.assets(), Optional.of(estimates),
                request.annualRiskFreeRate(), request.constraints(), request.views(), parameters);
        TargetWeights weights;
        try {
            weights = optimizer.optimize(optimization);
        } catch (IllegalArgumentException refused) {
            throw new InvalidInputException("method", request.method() + " cannot optimize this request: " + refused.getMessage());
        } catch (PluginCallException failed) {
            // the plugin failed or ran late, not the caller: nothing changed, and it may answer on another try
            throw new ServiceUnavailableException(failed.getMessage(), failed);
        }
        double[] weightVector = inUniverseOrder(request.method(), weights, estimates.assets());
        return new OptimizedPortfolio(request.method(), withoutRoundOff(weights), PortfolioPerformance.of(weightVector,
                estimates.expectedAnnualReturns(), estimates.annualCovariance(), request.annualRiskFreeRate()));
    }

    /** An optimizer plugin is not trusted to answer for the universe it was asked about. */
    private static double[] inUniverseOrder(String method, TargetWeights weights, List<String> assets) {
        Set<String> foreign = new HashSet<>(weights.weightByAsset().keySet());
        assets.forEach(foreign::remove);
        if (!foreign.isEmpty()) {
            throw new IllegalStateException("optimizer " + method + " answered with assets outside the universe: " + foreign);
        }
        return assets.stream().mapToDouble(weights::weight).toArray();
    }

    private static TargetWeights withoutRoundOff(TargetWeights weights) {
        Map<String, Double> cleaned = new LinkedHashMap<>();
        weights.weightByAsset().forEach((asset, weight) -> cleaned.put(asset, Math.abs(weight) < ROUND_OFF_WEIGHT ? 0.0 : weight));
        return new TargetWeights(cleaned);
    }

    /** The highest return Σ wᵢμᵢ with Σ wᵢ = 1 and each weight in its bounds: fill the best assets first. */
    private static double highestReturnWithinBounds(MarketEstimates estimates, WeightConstraints constraints) {
        List<String> assets = estimates.assets();
        double[] mu = estimates.expectedAnnualReturns();
        Integer[] order = new Integer[assets.size()];
        double budget = 1;
        double achieved = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            double lower = constraints.lowerBound(assets.get(i));
            budget -= lower;
            achieved += lower * mu[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(mu[b], mu[a]));
        for (int i : order) {
            String asset = assets.get(i);
            if (budget <= 0) {
                break;
            }
            double room = Math.max(0, Math.min(constraints.upperBound(asset) - constraints.lowerBound(asset), budget));
            achieved += room * mu[i];
            budget -= room;
        }
        return achieved;
    }
}
