package io.ballast.platform.rebalance.trigger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A trigger that fired, and why.
 *
 * @param kind     the kind of trigger
 * @param at       the time of the evaluation (or of the manual request)
 * @param firedBy  the user of a manual trigger; {@code system} for the others
 * @param reason   why, in words with the numbers
 * @param measures the numbers that crossed their thresholds (empty for a manual trigger)
 */
public record TriggerFiring(TriggerKind kind, Instant at, String firedBy, String reason, List<TriggerMeasure> measures) {

    /** {@link #firedBy} of a trigger the platform evaluated itself. */
    public static final String SYSTEM = "system";

    public TriggerFiring {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(firedBy, "firedBy");
        Objects.requireNonNull(reason, "reason");
        measures = List.copyOf(measures);
    }

    static TriggerFiring system(TriggerKind kind, Instant at, String reason, List<TriggerMeasure> measures) {
        return new TriggerFiring(kind, at, SYSTEM, reason, measures);
    }
}
