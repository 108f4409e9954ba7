package io.ballast.api.optimizer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an optimizer is asked to solve.
 *
 * @param assets             the universe, in a fixed order; ids are unique
 * @param estimates          annualised return and risk estimates in the order of {@code assets};
 *                           empty for optimizers that need none (equal weight)
 * @param annualRiskFreeRate the annual risk-free rate, a fraction (0.02 is 2% a year), for
 *                           Sharpe-based and Kelly optimizers
 * @param constraints        the limits the weights must keep
 * @param views              market capitalisations and investor views, for Black-Litterman;
 *                           {@link MarketViews#none()} otherwise
 * @param parameters         the caller's optimizer-specific parameters, already validated against
 *                           the optimizer's {@link io.ballast.api.plugin.ParameterSpec}s
 */
public record OptimizationRequest(
        List<String> assets,
        Optional<MarketEstimates> estimates,
        double annualRiskFreeRate,
        WeightConstraints constraints,
        MarketViews views,
        Map<String, Object> parameters) {

    public OptimizationRequest {
        assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        Objects.requireNonNull(estimates, "estimates");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(views, "views");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("assets must not be empty");
        }
        if (new LinkedHashSet<>(assets).size() != assets.size()) {
            throw new IllegalArgumentException("assets must be unique: " + assets);
        }
        if (!Double.isFinite(annualRiskFreeRate)) {
            throw new IllegalArgumentException("annualRiskFreeRate must be a finite number: " + annualRiskFreeRate);
        }
        if (estimates.isPresent() && !estimates.get().assets().equals(assets)) {
            throw new IllegalArgumentException("estimates are for " + estimates.get().assets() + ", not for " + assets);
        }
    }

    /** A request for {@code assets} alone: no estimates, long-only, no views, no parameters, a risk-free rate of 0. */
    public static OptimizationRequest of(List<String> assets) {
        return new OptimizationRequest(assets, Optional.empty(), 0, WeightConstraints.longOnly(), MarketViews.none(), Map.of());
    }

    /** A long-only request with estimates and a risk-free rate, no views, no parameters. */
    public static OptimizationRequest of(MarketEstimates estimates, double annualRiskFreeRate) {
        return new OptimizationRequest(estimates.assets(), Optional.of(estimates), annualRiskFreeRate,
                WeightConstraints.longOnly(), MarketViews.none(), Map.of());
    }

    public OptimizationRequest withConstraints(WeightConstraints newConstraints) {
        return new OptimizationRequest(assets, estimates, annualRiskFreeRate, newConstraints, views, parameters);
    }

    public OptimizationRequest withViews(MarketViews newViews) {
        return new OptimizationRequest(assets, estimates, annualRiskFreeRate, constraints, newViews, parameters);
    }

    public OptimizationRequest withParameters(Map<String, Object> newParameters) {
        return new OptimizationRequest(assets, estimates, annualRiskFreeRate, constraints, views, newParameters);
    }
}
