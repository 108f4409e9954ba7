package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's what-if: an instantaneous move of each named asset, as a fraction of its value
 * ({@code -0.3} = falls 30%). Assets the scenario does not name do not move. Shocks below -1 are
 * rejected (an asset cannot lose more than its whole value).
 *
 * @param name what the scenario is called in reports, not blank
 * @param shockFractionByAsset the move of each shocked asset
 */
public record StressScenario(String name, Map<String, Double> shockFractionByAsset) {

    public StressScenario {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("stressScenarios", "a scenario has no name");
        }
        if (shockFractionByAsset == null || shockFractionByAsset.isEmpty()) {
            throw new InvalidInputException("stressScenarios", "scenario '" + name + "' shocks no asset");
        }
        for (Map.Entry<String, Double> shock : shockFractionByAsset.entrySet()) {
            Double value = shock.getValue();
            if (value == null || !Double.isFinite(value) || value < -1) {
                throw new InvalidInputException("stressScenarios", "scenario '" + name + "' shocks '" + shock.getKey()
                        + "' by " + value + "; a shock must be a finite fraction of at least -1");
            }
        }
        shockFractionByAsset = Collections.unmodifiableMap(new TreeMap<>(shockFractionByAsset));
    }

    /** The shock of {@code asset}, 0 when the scenario does not name it. */
    public double shockOf(String asset) {
        return shockFractionByAsset.getOrDefault(asset, 0.0);
    }
}
