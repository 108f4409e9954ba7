package io.ballast.platform.risk;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A decision a scenario expects: rule, action and subject always; severity, reduce fraction and a
 * piece of the message only when the scenario gives them.
 */
record ExpectedDecision(String rule, RiskAction action, RiskSubject subject, Optional<Severity> severity,
                        OptionalDouble reduceFraction, Optional<String> messageContains) {

    ExpectedDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(reduceFraction, "reduceFraction");
        Objects.requireNonNull(messageContains, "messageContains");
    }

    boolean matches(RiskDecision decision) {
        return rule.equals(decision.rule())
                && action == decision.action()
                && subject.equals(decision.subject())
                && severity.map(expected -> expected == decision.severity()).orElse(true)
                && (reduceFraction.isEmpty() || decision.reduceFraction().isPresent()
                        && Double.compare(reduceFraction.getAsDouble(), decision.reduceFraction().getAsDouble()) == 0)
                && messageContains.map(decision.message()::contains).orElse(true);
    }

    /** As a scenario file writes it, e.g. {@code soft stop-loss REDUCE asset:AAPL severity WARNING reduceFraction 0.5}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(rule).append(' ').append(action).append(' ').append(subject);
        severity.ifPresent(expected -> text.append(" severity ").append(expected));
        reduceFraction.ifPresent(fraction -> text.append(" reduceFraction ").append(fraction));
        messageContains.ifPresent(part -> text.append(" messageContains \"").append(part).append('"'));
        return text.toString();
    }

    /** A decision the rules made, the same way, with its message. */
    static String describe(RiskDecision decision) {
        StringBuilder text = new StringBuilder(decision.rule()).append(' ').append(decision.action()).append(' ')
                .append(decision.subject()).append(" severity ").append(decision.severity());
        decision.reduceFraction().ifPresent(fraction -> text.append(" reduceFraction ").append(fraction));
        return text.append(": ").append(decision.message()).toString();
    }
}
