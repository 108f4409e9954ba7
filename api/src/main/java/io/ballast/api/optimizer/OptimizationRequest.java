package io.ballast.api.optimizer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an optimizer is asked to solve.
 *
 * @param assets     the universe, in a fixed order; ids are unique
 * @param estimates  annualised return and risk estimates in the order of {@code assets};
 *                   empty for optimizers that need none (equal weight)
 * @param parameters the caller's parameters, already validated against the optimizer's
 *                   {@link io.ballast.api.plugin.ParameterSpec}s
 */
public record OptimizationRequest(
        List<String> assets,
        Optional<MarketEstimates> estimates,
        Map<String, Object> parameters) {

    public OptimizationRequest {
        assets = List.copyOf(Objects.requireNonNull(assets, "assets"));
        Objects.requireNonNull(estimates, "estimates");
        parameters = Map.copyOf(Objects.requireNonNull(parameters, "parameters"));
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("assets must not be empty");
        }
        if (new LinkedHashSet<>(assets).size() != assets.size()) {
            throw new IllegalArgumentException("assets must be unique: " + assets);
        }
        if (estimates.isPresent() && !estimates.get().assets().equals(assets)) {
            throw new IllegalArgumentException("estimates are for " + estimates.get().assets() + ", not for " + assets);
        }
    }

    public static OptimizationRequest of(List<String> assets) {
        return new OptimizationRequest(assets, Optional.empty(), Map.of());
    }
}
