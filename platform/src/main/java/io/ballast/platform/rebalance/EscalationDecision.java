package io.ballast.platform.rebalance;

import java.util.Objects;

/**
 * The automatic decision on a rebalance nobody approved or rejected before the escalated window ended.
 *
 * @param approved whether it goes ahead (AUTO_APPROVED_AFTER_ESCALATION) or not (AUTO_REJECTED_AFTER_ESCALATION)
 * @param verdict  the fresh risk check it was decided on
 * @param reason   why, in words
 */
public record EscalationDecision(boolean approved, RebalanceRiskVerdict verdict, String reason) {

    public EscalationDecision {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
    }
}
