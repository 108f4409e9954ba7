package io.ballast.platform.workflow;

import io.ballast.api.risk.RiskDecision;
import java.util.List;
import java.util.Objects;

/**
 * What the risk rules decided about one portfolio.
 *
 * @param rulesVersion the version of the rule set that decided, so a decision can be traced to its rules
 * @param decisions    every decision, in the order the rules made them; empty when no rule fired
 */
public record RiskCheckOutcome(String rulesVersion, List<RiskDecision> decisions) {

    public RiskCheckOutcome {
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        decisions = List.copyOf(Objects.requireNonNull(decisions, "decisions"));
    }
}
