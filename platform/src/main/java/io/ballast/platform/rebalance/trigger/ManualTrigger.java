package io.ballast.platform.rebalance.trigger;

import io.ballast.platform.problem.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A rebalance a user asked for: always fires, recording who and why. */
public final class ManualTrigger {

    private ManualTrigger() {
    }

    public static TriggerFiring fire(Instant at, String user, String reason) {
        if (at == null) {
            throw new InvalidInputException("at", "is missing");
        }
        if (user == null || user.isBlank()) {
            throw new InvalidInputException("user", "must name who asked for the rebalance");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must say why the rebalance is asked for");
        }
        return new TriggerFiring(TriggerKind.MANUAL, at, user, "asked for by " + user + ": " + reason, List.of());
    }

    /** The same, as the answer to "fired?": always yes. */
    public static Optional<TriggerFiring> evaluate(Instant at, String user, String reason) {
        return Optional.of(fire(at, user, reason));
    }
}
