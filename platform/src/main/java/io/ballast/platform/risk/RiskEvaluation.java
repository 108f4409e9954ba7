package io.ballast.platform.risk;

import io.ballast.api.risk.RiskDecision;
import java.util.List;
import java.util.Objects;

/**
 * What the rules decided about one set of facts.
 *
 * @param rulesVersion the version of the rule base that decided (see {@link RiskEngine#version()})
 * @param decisions    every decision, ordered by rule name, then subject, then action and message
 */
public record RiskEvaluation(String rulesVersion, List<RiskDecision> decisions) {

    public RiskEvaluation {
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        decisions = List.copyOf(decisions);
    }
}
