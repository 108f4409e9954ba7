package io.ballast.platform.quant.risk;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A portfolio as asset ids and their weights, fractions of portfolio value (negative for a short).
 * Validated: ids unique and not blank, one finite weight per id, at least one weight not 0. The
 * weights need not sum to 1 here (a stress test of a sleeve is fine); the risk report asks that
 * they do.
 */
public final class PortfolioWeights {

    private final List<String> assets;
    private final double[] weights;

    private PortfolioWeights(List<String> assets, double[] weights) {
        this.assets = assets;
        this.weights = weights;
    }

    public static PortfolioWeights of(List<String> assets, double[] weights) {
        if (assets == null || assets.isEmpty()) {
            throw new InvalidInputException("assets", "must name at least one asset");
        }
        Set<String> seen = new HashSet<>();
        for (String asset : assets) {
            if (asset == null || asset.isBlank()) {
                throw new InvalidInputException("assets", "an asset id is blank");
            }
            if (!seen.add(asset)) {
                throw new InvalidInputException("assets", "asset '" + asset + "' is listed twice");
            }
        }
        if (weights == null || weights.length != assets.size()) {
            throw new InvalidInputException("weights", "must give one weight per asset (" + assets.size() + "), got "
                    + (weights == null ? "none" : weights.length));
        }
        for (int i = 0; i < weights.length; i++) {
            if (!Double.isFinite(weights[i])) {
                throw new InvalidInputException("weights", "the weight of '" + assets.get(i) + "' is not a finite number");
            }
        }
        if (Arrays.stream(weights).allMatch(w -> w == 0)) {
            throw new InvalidInputException("weights", "every weight is 0: the portfolio holds nothing");
        }
        return new PortfolioWeights(List.copyOf(assets), weights.clone());
    }

    public List<String> assets() {
        return assets;
    }

    public int assetCount() {
        return assets.size();
    }

    public double weight(int asset) {
        return weights[asset];
    }

    public double[] weights() {
        return weights.clone();
    }

    public double sum() {
        return Arrays.stream(weights).sum();
    }

    /** Indices of the assets with a weight other than 0, in asset order. */
    public int[] heldAssetIndices() {
        return IntStream.range(0, weights.length).filter(i -> weights[i] != 0).toArray();
    }
}
