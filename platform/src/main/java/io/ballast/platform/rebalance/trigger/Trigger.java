package io.ballast.platform.rebalance.trigger;

import java.util.Optional;

/** A trigger a portfolio can be configured with; the manual trigger is not one: it is asked for, never evaluated. */
public sealed interface Trigger permits CalendarTrigger, DriftTrigger, VolatilitySpikeTrigger, DrawdownTrigger, CorrelationSpikeTrigger {

    TriggerKind kind();

    /**
     * @return the firing when the trigger fires on these inputs, else empty
     * @throws io.ballast.platform.problem.InvalidInputException when an input it needs is missing or bad
     */
    Optional<TriggerFiring> evaluate(TriggerInputs inputs);
}
