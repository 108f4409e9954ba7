package io.ballast.api.risk;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What one rule decided about one subject.
 *
 * @param rule           the rule's name, as written in its DRL file
 * @param severity       how urgent it is
 * @param action         what to do
 * @param reduceFraction for {@link RiskAction#REDUCE}: the fraction of the subject to remove (0.5 halves it)
 * @param subject        what it is about
 * @param message        the reason, with the numbers that triggered it
 */
public record RiskDecision(
        String rule,
        Severity severity,
        RiskAction action,
        OptionalDouble reduceFraction,
        RiskSubject subject,
        String message) {

    public RiskDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reduceFraction, "reduceFraction");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        if (action == RiskAction.REDUCE) {
            double fraction = reduceFraction.orElse(Double.NaN);
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("rule " + rule + ": REDUCE needs a fraction in (0, 1], got " + reduceFraction);
            }
        } else if (reduceFraction.isPresent()) {
            throw new IllegalArgumentException("rule " + rule + ": only REDUCE takes a fraction, not " + action);
        }
    }

    public static RiskDecision of(String rule, Severity severity, RiskAction action, RiskSubject subject, String message) {
        return new RiskDecision(rule, severity, action, OptionalDouble.empty(), subject, message);
    }

    public static RiskDecision reduce(String rule, Severity severity, double fraction, RiskSubject subject, String message) {
        return new RiskDecision(rule, severity, RiskAction.REDUCE, OptionalDouble.of(fraction), subject, message);
    }
}
