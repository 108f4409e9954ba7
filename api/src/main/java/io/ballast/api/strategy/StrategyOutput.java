package io.ballast.api.strategy;

import io.ballast.api.optimizer.InvestorView;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a strategy concluded; any part may be empty. Every part carries a confidence in [0, 1].
 *
 * @param signals one per asset at most: buy/sell strength with confidence
 * @param views   Black-Litterman views for the optimizers (annual returns); each must carry its
 *                {@link InvestorView#confidence() confidence}
 * @param tilts   nudges to target weights, one per asset at most
 * @param regime  the market regime, for a classifier; empty otherwise
 */
public record StrategyOutput(List<Signal> signals, List<InvestorView> views, List<WeightTilt> tilts, Optional<RegimeCall> regime) {

    private static final StrategyOutput NONE = new StrategyOutput(List.of(), List.of(), List.of(), Optional.empty());

    public StrategyOutput {
        signals = List.copyOf(Objects.requireNonNull(signals, "signals"));
        views = List.copyOf(Objects.requireNonNull(views, "views"));
        tilts = List.copyOf(Objects.requireNonNull(tilts, "tilts"));
        Objects.requireNonNull(regime, "regime");
        requireOnePerAsset(signals.stream().map(Signal::asset).toList(), "signals");
        requireOnePerAsset(tilts.stream().map(WeightTilt::asset).toList(), "tilts");
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).confidence().isEmpty()) {
                throw new IllegalArgumentException("views[" + i + "] has no confidence; a strategy's view must say how sure it is (0 to 1)");
            }
        }
    }

    /** Nothing to say (too little history, no opinion). */
    public static StrategyOutput none() {
        return NONE;
    }

    public static StrategyOutput ofSignals(List<Signal> signals) {
        return new StrategyOutput(signals, List.of(), List.of(), Optional.empty());
    }

    public static StrategyOutput ofViews(List<InvestorView> views) {
        return new StrategyOutput(List.of(), views, List.of(), Optional.empty());
    }

    public static StrategyOutput ofTilts(List<WeightTilt> tilts) {
        return new StrategyOutput(List.of(), List.of(), tilts, Optional.empty());
    }

    public static StrategyOutput ofRegime(RegimeCall regime) {
        return new StrategyOutput(List.of(), List.of(), List.of(), Optional.of(regime));
    }

    private static void requireOnePerAsset(List<String> assets, String field) {
        if (assets.stream().distinct().count() != assets.size()) {
            throw new IllegalArgumentException(field + " name an asset more than once: " + assets);
        }
    }
}
