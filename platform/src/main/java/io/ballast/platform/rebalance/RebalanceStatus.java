package io.ballast.platform.rebalance;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a rebalance is in its life, and where it may go next.
 *
 * <pre>
 * PROPOSED ─► BLOCKED | AUTO_APPROVED | PENDING_APPROVAL
 * PENDING_APPROVAL ─► APPROVED | REJECTED | ESCALATED
 * ESCALATED ─► APPROVED | REJECTED | AUTO_APPROVED_AFTER_ESCALATION | AUTO_REJECTED_AFTER_ESCALATION
 * AUTO_APPROVED, APPROVED, AUTO_APPROVED_AFTER_ESCALATION ─► EXECUTED
 * every status that is not terminal ─► FAILED
 * </pre>
 *
 * <p>FAILED is reachable from every non-terminal status, not only from the approved ones: a risk
 * check that cannot run, or a process the engine lost, must end the rebalance with a record rather
 * than leave it pending for ever. A partly executed rebalance ends FAILED too; its fills are booked.
 * Terminal: BLOCKED, REJECTED, AUTO_REJECTED_AFTER_ESCALATION, EXECUTED, FAILED. No status moves to
 * itself ({@link #canMoveTo} is false); the store treats such a request as already done.
 */
public enum RebalanceStatus {
    PROPOSED,
    BLOCKED,
    AUTO_APPROVED,
    PENDING_APPROVAL,
    ESCALATED,
    APPROVED,
    REJECTED,
    AUTO_APPROVED_AFTER_ESCALATION,
    AUTO_REJECTED_AFTER_ESCALATION,
    EXECUTED,
    FAILED;

    /** Whether the rebalance may move from this status to {@code next}. */
    public boolean canMoveTo(RebalanceStatus next) {
        return next(this).contains(next);
    }

    /** Whether nothing follows this status. */
    public boolean isTerminal() {
        return next(this).isEmpty();
    }

    /** Whether a person or the rules approved it: it is to be executed. */
    public boolean isApproved() {
        return this == AUTO_APPROVED || this == APPROVED || this == AUTO_APPROVED_AFTER_ESCALATION;
    }

    /** Whether it waits for a person (a Camunda user task is open, with a timer running since the status began). */
    public boolean isAwaitingApproval() {
        return this == PENDING_APPROVAL || this == ESCALATED;
    }

    // a switch rather than a field per constant: an enum constant cannot name a later one in its constructor
    private static Set<RebalanceStatus> next(RebalanceStatus from) {
        return switch (from) {
            case PROPOSED -> EnumSet.of(BLOCKED, AUTO_APPROVED, PENDING_APPROVAL, FAILED);
            case PENDING_APPROVAL -> EnumSet.of(APPROVED, REJECTED, ESCALATED, FAILED);
            case ESCALATED -> EnumSet.of(APPROVED, REJECTED, AUTO_APPROVED_AFTER_ESCALATION, AUTO_REJECTED_AFTER_ESCALATION, FAILED);
            case AUTO_APPROVED, APPROVED, AUTO_APPROVED_AFTER_ESCALATION -> EnumSet.of(EXECUTED, FAILED);
            case BLOCKED, REJECTED, AUTO_REJECTED_AFTER_ESCALATION, EXECUTED, FAILED -> EnumSet.noneOf(RebalanceStatus.class);
        };
    }
}
