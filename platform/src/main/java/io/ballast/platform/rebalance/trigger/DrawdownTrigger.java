package io.ballast.platform.rebalance.trigger;

import io.ballast.platform.problem.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fires when the NAV is at or beyond {@code levelFraction} below its peak:
 * {@code (peak - nav) / peak >= levelFraction} (computed in that form, so a NAV of 90 against a
 * peak of 100 is exactly a drawdown of 0.1).
 *
 * @param levelFraction e.g. 0.1 for 10% below the peak; in (0, 1]
 */
public record DrawdownTrigger(double levelFraction) implements Trigger {

    public DrawdownTrigger {
        if (!(levelFraction > 0 && levelFraction <= 1)) {
            throw new InvalidInputException("drawdown.levelFraction", "must be above 0 and at most 1, got " + levelFraction);
        }
    }

    @Override
    public TriggerKind kind() {
        return TriggerKind.DRAWDOWN;
    }

    @Override
    public Optional<TriggerFiring> evaluate(TriggerInputs inputs) {
        return evaluate(inputs.at(), inputs.peakNetAssetValue(), inputs.netAssetValue());
    }

    public Optional<TriggerFiring> evaluate(Instant at, double peakNetAssetValue, double netAssetValue) {
        if (Double.isNaN(peakNetAssetValue)) {
            throw new InvalidInputException("peakNetAssetValue", "is missing: a configured trigger needs it");
        }
        if (!(peakNetAssetValue > 0) || Double.isInfinite(peakNetAssetValue)) {
            throw new InvalidInputException("peakNetAssetValue", "must be a positive number, got " + peakNetAssetValue);
        }
        if (!Double.isFinite(netAssetValue)) {
            throw new InvalidInputException("netAssetValue", "must be a finite number, got " + netAssetValue);
        }
        if (netAssetValue > peakNetAssetValue) {
            throw new InvalidInputException("peakNetAssetValue", "must be at least the current NAV " + netAssetValue + ", got " + peakNetAssetValue);
        }
        double drawdown = (peakNetAssetValue - netAssetValue) / peakNetAssetValue;
        if (drawdown < levelFraction) {
            return Optional.empty();
        }
        return Optional.of(TriggerFiring.system(kind(), at, String.format(Locale.ROOT,
                "NAV %.2f is %.6g below its peak %.2f, at or beyond the level %.6g", netAssetValue, drawdown, peakNetAssetValue, levelFraction),
                List.of(new TriggerMeasure("drawdown from peak", drawdown, levelFraction))));
    }
}
