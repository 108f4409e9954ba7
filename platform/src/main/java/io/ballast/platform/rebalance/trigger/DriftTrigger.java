package io.ballast.platform.rebalance.trigger;

import io.ballast.api.optimizer.TargetWeights;
import io.ballast.platform.problem.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fires when any asset's weight is off its target by more than the absolute tolerance
 * ({@code |w - w*| > absoluteToleranceFraction}) OR by more than the relative one
 * ({@code |w - w*| / |w*| > relativeToleranceFraction}). An asset held but not targeted has no
 * relative drift (its target is 0) and is judged on the absolute tolerance only. Either tolerance
 * can be switched off with {@link Double#POSITIVE_INFINITY}.
 *
 * <p>When the targets name {@code CASH} ({@link TargetWeights#CASH}), the cash drifts as an asset
 * does: its weight now is {@code cash / NAV}, which is {@code 1 - Σ currentWeights}, since the
 * current weights are every held asset's fraction of the NAV and the cash is the rest. Targets
 * without {@code CASH} judge the assets only, as the cash then shows in their drift.
 *
 * @param absoluteToleranceFraction e.g. 0.05: five percentage points; positive
 * @param relativeToleranceFraction e.g. 0.25: a quarter of the target weight; positive
 */
public record DriftTrigger(double absoluteToleranceFraction, double relativeToleranceFraction) implements Trigger {

    public DriftTrigger {
        if (!(absoluteToleranceFraction > 0)) {
            throw new InvalidInputException("drift.absoluteToleranceFraction", "must be positive, got " + absoluteToleranceFraction);
        }
        if (!(relativeToleranceFraction > 0)) {
            throw new InvalidInputException("drift.relativeToleranceFraction", "must be positive, got " + relativeToleranceFraction);
        }
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.DRIFT;
    }

    @Override
    public Optional<TriggerFiring> evaluate(TriggerInputs inputs) {
        return evaluate(inputs.at(), TriggerInputs.require("currentWeights", inputs.currentWeights()),
                TriggerInputs.require("targetWeights", inputs.targetWeights()));
    }

    /**
     * @param currentWeights each held asset's weight now, a fraction of the NAV; the cash is the rest, so
     *                       {@code CASH} is no key of it
     */
    public Optional<TriggerFiring> evaluate(Instant at, Map<String, Double> currentWeights, TargetWeights targets) {
        if (currentWeights.containsKey(TargetWeights.CASH)) {
            throw new InvalidInputException("currentWeights." + TargetWeights.CASH,
                    "is not an asset: the cash's weight is the rest of the NAV, 1 - the assets' weights");
        }
        double assetWeightSum = 0;
        for (Map.Entry<String, Double> entry : currentWeights.entrySet()) {
            Double current = entry.getValue();
            if (current == null || !Double.isFinite(current)) {
                throw new InvalidInputException("currentWeights." + entry.getKey(), "must be a finite number, got " + current);
            }
            assetWeightSum += current;
        }
        // sorted, so the measures come in the same order whatever the maps' order
        Set<String> assets = new TreeSet<>(targets.weightByAsset().keySet());
        assets.addAll(currentWeights.keySet());
        List<TriggerMeasure> breaches = new ArrayList<>();
        for (String asset : assets) {
            double current = TargetWeights.isCash(asset) ? 1 - assetWeightSum : currentWeights.getOrDefault(asset, 0.0);
            double target = targets.weight(asset);
            double drift = Math.abs(current - target);
            if (drift > absoluteToleranceFraction) {
                breaches.add(new TriggerMeasure(asset + " absolute drift", drift, absoluteToleranceFraction));
            }
            if (target != 0 && drift / Math.abs(target) > relativeToleranceFraction) {
                breaches.add(new TriggerMeasure(asset + " relative drift", drift / Math.abs(target), relativeToleranceFraction));
            }
        }
        if (breaches.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder reason = new StringBuilder("weights off target:");
        for (TriggerMeasure breach : breaches) {
            reason.append(String.format(Locale.ROOT, " %s %.6g > %.6g;", breach.name(), breach.value(), breach.threshold()));
        }
        return Optional.of(TriggerFiring.system(kind(), at, reason.substring(0, reason.length() - 1), breaches));
    }
}
