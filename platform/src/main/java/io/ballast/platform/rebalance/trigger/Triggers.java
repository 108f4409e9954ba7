package io.ballast.platform.rebalance.trigger;

import io.ballast.platform.problem.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The triggers configured for one portfolio, at most one of each kind, evaluated together.
 * A manual rebalance does not go through here: see {@link ManualTrigger}.
 */
public record Triggers(List<Trigger> configured) {

    public Triggers {
        if (configured == null) {
            throw new InvalidInputException("triggers", "is missing");
        }
        configured = List.copyOf(configured);
        Set<TriggerKind> kinds = EnumSet.noneOf(TriggerKind.class);
        for (Trigger trigger : configured) {
            if (!kinds.add(trigger.kind())) {
                throw new InvalidInputException("triggers", "configures the " + trigger.kind() + " trigger twice");
            }
        }
    }

    public static Triggers of(Trigger... triggers) {
        return new Triggers(List.of(triggers));
    }

    /** Every configured trigger that fires on these inputs, in the configured order; empty when none does. */
    public List<TriggerFiring> evaluate(TriggerInputs inputs) {
        if (inputs == null) {
            throw new InvalidInputException("inputs", "is missing");
        }
        List<TriggerFiring> fired = new ArrayList<>();
        for (Trigger trigger : configured) {
            trigger.evaluate(inputs).ifPresent(fired::add);
        }
        return fired;
    }
}
