package io.ballast.platform.rebalance;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The pre-trade rules' verdict on a rebalance's trades.
 *
 * @param outcome                  see {@link RebalanceRiskOutcome}
 * @param rulesVersion             the version of the rule base that decided
 * @param decisions                every decision of the evaluation, in the rule engine's order; trades are
 *                                 named by asset ({@code trade:<asset>})
 * @param grossNotional            the sum of the trades' notionals, buys and sells alike, at the last stored
 *                                 closes the rules judged them at, each rounded half-even to hundredths
 * @param autoApproveNotionalLimit the limit the gross notional was held against
 * @param reason                   the outcome in words, with the decisive rules or numbers
 */
public record RebalanceRiskVerdict(
        RebalanceRiskOutcome outcome,
        String rulesVersion,
        List<RiskDecision> decisions,
        BigDecimal grossNotional,
        BigDecimal autoApproveNotionalLimit,
        String reason) {

    public RebalanceRiskVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(grossNotional, "grossNotional");
        Objects.requireNonNull(autoApproveNotionalLimit, "autoApproveNotionalLimit");
        Objects.requireNonNull(reason, "reason");
    }

    /** The decisions that block the rebalance: {@link RiskAction#BLOCK_TRADE} and {@link RiskAction#HALT_TRADING}. */
    public List<RiskDecision> blockingDecisions() {
        return decisions.stream().filter(RebalanceRiskVerdict::blocks).toList();
    }

    /** The decisions a person must look at: every one whose action is not {@link RiskAction#ALLOW}, blocking ones included. */
    public List<RiskDecision> nonAllowingDecisions() {
        return decisions.stream().filter(decision -> decision.action() != RiskAction.ALLOW).toList();
    }

    /** Whether the gross notional is within the limit: not over it, so a notional of exactly the limit is within. */
    public boolean withinNotionalLimit() {
        return grossNotional.compareTo(autoApproveNotionalLimit) <= 0;
    }

    static boolean blocks(RiskDecision decision) {
        return decision.action() == RiskAction.BLOCK_TRADE || decision.action() == RiskAction.HALT_TRADING;
    }
}
