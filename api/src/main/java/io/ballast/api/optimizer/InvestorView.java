package io.ballast.api.optimizer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One Black-Litterman view: a portfolio of assets (the pick) and the annual return the investor
 * expects of it. An absolute view picks one asset with weight 1 ("AAPL returns 10% a year"); a
 * relative view picks assets with weights summing to 0 ("AAPL outperforms MSFT by 2% a year" is
 * {AAPL: 1, MSFT: -1} with 0.02).
 *
 * @param pickWeightByAsset    the view portfolio; at least one non-zero weight
 * @param expectedAnnualReturn the view's expected annual return, a fraction (0.02 is 2%)
 * @param confidence           Idzorek's confidence in the view, from 0 (ignore it) to 1 (certain);
 *                             empty to use the prior's own uncertainty (He-Litterman: τ·pΣpᵀ)
 */
public record InvestorView(Map<String, Double> pickWeightByAsset, double expectedAnnualReturn, OptionalDouble confidence) {

    public InvestorView {
        Objects.requireNonNull(pickWeightByAsset, "pickWeightByAsset");
        Objects.requireNonNull(confidence, "confidence");
        if (!Double.isFinite(expectedAnnualReturn)) {
            throw new IllegalArgumentException("view expectedAnnualReturn must be a finite number: " + expectedAnnualReturn);
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        boolean anyNonZero = false;
        for (Map.Entry<String, Double> entry : pickWeightByAsset.entrySet()) {
            Double weight = entry.getValue();
            if (weight == null || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("view pick weight of " + entry.getKey() + " is not a finite number: " + weight);
            }
            anyNonZero |= weight != 0;
            copy.put(entry.getKey(), weight);
        }
        if (!anyNonZero) {
            throw new IllegalArgumentException("a view must pick at least one asset with a non-zero weight");
        }
        if (confidence.isPresent() && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
            throw new IllegalArgumentException("view confidence must be in [0, 1]: " + confidence.getAsDouble());
        }
        pickWeightByAsset = Collections.unmodifiableMap(copy);
    }

    /** "{@code asset} returns {@code expectedAnnualReturn} a year." */
    public static InvestorView absolute(String asset, double expectedAnnualReturn, OptionalDouble confidence) {
        return new InvestorView(Map.of(asset, 1.0), expectedAnnualReturn, confidence);
    }

    /** "{@code outperformer} beats {@code underperformer} by {@code expectedAnnualOutperformance} a year." */
    public static InvestorView relative(String outperformer, String underperformer, double expectedAnnualOutperformance,
            OptionalDouble confidence) {
        Map<String, Double> pick = new LinkedHashMap<>();
        pick.put(outperformer, 1.0);
        pick.put(underperformer, -1.0);
        return new InvestorView(pick, expectedAnnualOutperformance, confidence);
    }
}
