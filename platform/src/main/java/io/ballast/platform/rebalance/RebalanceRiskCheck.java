package io.ballast.platform.rebalance;

import io.ballast.api.risk.ProposedTrade;
import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.risk.RiskEvaluation;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.riskfacts.TradeRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The approval workflow's risk check: runs the pre-trade rules over a rebalance's trades, against the
 * stored portfolio at the last stored closes, and decides what happens next.
 *
 * <ul>
 *   <li>{@link RebalanceRiskOutcome#BLOCKED} when any decision is {@link RiskAction#BLOCK_TRADE} or
 *       {@link RiskAction#HALT_TRADING}. A halt blocks even a rebalance that only sells: it stops all
 *       trading on the portfolio until a risk officer lifts it, and a rebalance is not the way around it.</li>
 *   <li>{@link RebalanceRiskOutcome#AUTO_APPROVABLE} when every decision's action is {@link RiskAction#ALLOW},
 *       whatever its severity, and the gross notional is within (not over) the auto-approve limit. An ALLOW
 *       with severity INFO or WARNING is a rule saying "noted, go ahead" (the VaR that cannot be computed yet,
 *       a weight over the warning level); rules that want a person say NEEDS_APPROVAL, and counting their
 *       warnings too would send every rebalance of a young portfolio to a person.</li>
 *   <li>{@link RebalanceRiskOutcome#NEEDS_APPROVAL} otherwise: a NEEDS_APPROVAL, a REDUCE or an EXIT (the
 *       rules want a position cut, and whether this rebalance does it well enough is a person's call), a
 *       gross notional over the limit, or a proposal judged {@link RebalanceVerdict#NOT_WORTH_TRADING} (its
 *       cost is more than its benefit: only a person may decide to pay it, so neither the automatic path nor
 *       the automatic decision after escalation executes it).</li>
 * </ul>
 *
 * <p>The automatic decision at the end of the escalated window ({@link #decideAfterEscalation}) re-runs the
 * same check on the prices stored by then and approves exactly when it is AUTO_APPROVABLE: every rule
 * allows it and the notional is within the auto-approve limit. Nobody approved it, so it may not go
 * further than the automatic path could have gone at the start; otherwise letting the windows run out
 * would be a way around the limit.
 *
 * <p>Each trade reaches the rules with its asset as its id, so the decisions name it {@code trade:<asset>}.
 * The facts and the rules are ports: the caller passes {@code RiskFactsAssembler::ofStored} and
 * {@code RiskEngine::evaluate}, which block on the store and run the rule engine on the caller's thread.
 */
public final class RebalanceRiskCheck {

    /** Notionals are compared in hundredths: the rules' doubles carry noise below that (0.1 + 0.2 = 0.30000000000000004). */
    private static final int NOTIONAL_SCALE = 2;

    private final BiFunction<String, List<TradeRequest>, Optional<RiskFacts>> facts;
    private final Function<RiskFacts, RiskEvaluation> rules;

    /**
     * @param facts the facts of a stored portfolio with proposed trades, empty when there is no such portfolio
     *              ({@code RiskFactsAssembler::ofStored})
     * @param rules the rule engine in service ({@code RiskEngine::evaluate})
     */
    public RebalanceRiskCheck(BiFunction<String, List<TradeRequest>, Optional<RiskFacts>> facts, Function<RiskFacts, RiskEvaluation> rules) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * The verdict on {@code trades} of portfolio {@code portfolioId}; empty when there is no such portfolio.
     *
     * @param costBenefit the proposal's own verdict ({@link RebalanceProposal#verdict()}): NOT_WORTH_TRADING needs a person
     * @param autoApproveNotionalLimit the largest gross notional (base currency) that may execute without a person; 0 or more
     * @throws InvalidInputException naming the field: no trades, an asset traded twice, an asset without a stored
     *         price, a limit missing or negative
     */
    public Optional<RebalanceRiskVerdict> check(String portfolioId, RebalanceVerdict costBenefit, List<RebalanceTrade> trades,
                                                BigDecimal autoApproveNotionalLimit) {
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(costBenefit, "costBenefit");
        if (trades == null || trades.isEmpty()) {
            throw new InvalidInputException("trades", "there is no trade to check; a proposal with nothing to do is not sent for approval");
        }
        if (autoApproveNotionalLimit == null) {
            throw new InvalidInputException("autoApproveNotionalLimit", "is missing");
        }
        if (autoApproveNotionalLimit.signum() < 0) {
            throw new InvalidInputException("autoApproveNotionalLimit", "must not be negative, got " + autoApproveNotionalLimit.toPlainString());
        }
        List<TradeRequest> requests = trades.stream()
                .map(trade -> new TradeRequest(trade.asset(), trade.asset(), trade.side(), trade.quantity()))
                .toList();
        return facts.apply(portfolioId, requests).map(found -> verdict(found, rules.apply(found), costBenefit, autoApproveNotionalLimit));
    }

    /**
     * The automatic decision once the escalated approval window ended too: a fresh {@link #check}, approved
     * only when it is {@link RebalanceRiskOutcome#AUTO_APPROVABLE}; empty when the portfolio is gone.
     *
     * @throws InvalidInputException as {@link #check}
     */
    public Optional<EscalationDecision> decideAfterEscalation(String portfolioId, RebalanceVerdict costBenefit, List<RebalanceTrade> trades,
                                                              BigDecimal autoApproveNotionalLimit) {
        return check(portfolioId, costBenefit, trades, autoApproveNotionalLimit).map(verdict -> switch (verdict.outcome()) {
            case AUTO_APPROVABLE -> new EscalationDecision(true, verdict, "approved automatically after escalation: " + verdict.reason());
            case BLOCKED, NEEDS_APPROVAL -> new EscalationDecision(false, verdict,
                    "rejected automatically after escalation, nobody approved it and " + verdict.reason());
        });
    }

    private static RebalanceRiskVerdict verdict(RiskFacts facts, RiskEvaluation evaluation, RebalanceVerdict costBenefit, BigDecimal limit) {
        BigDecimal gross = BigDecimal.ZERO.setScale(NOTIONAL_SCALE);
        for (ProposedTrade trade : facts.trades()) {
            gross = gross.add(BigDecimal.valueOf(trade.notional()).setScale(NOTIONAL_SCALE, RoundingMode.HALF_EVEN));
        }
        List<RiskDecision> decisions = evaluation.decisions();
        List<RiskDecision> blocking = decisions.stream().filter(RebalanceRiskVerdict::blocks).toList();
        List<RiskDecision> notAllowing = decisions.stream().filter(decision -> decision.action() != RiskAction.ALLOW).toList();
        String notional = "gross notional " + gross.toPlainString() + (gross.compareTo(limit) <= 0 ? " is within" : " is over")
                + " the auto-approve limit of " + limit.toPlainString();
        RebalanceRiskOutcome outcome;
        String reason;
        if (!blocking.isEmpty()) {
            outcome = RebalanceRiskOutcome.BLOCKED;
            reason = "blocked by " + describe(blocking);
        } else if (!notAllowing.isEmpty()) {
            outcome = RebalanceRiskOutcome.NEEDS_APPROVAL;
            reason = "the rules ask for a person: " + describe(notAllowing) + "; " + notional;
        } else if (costBenefit == RebalanceVerdict.NOT_WORTH_TRADING) {
            outcome = RebalanceRiskOutcome.NEEDS_APPROVAL;
            reason = "every rule allows it, but the proposal is not worth trading (its estimated cost is more than its benefit)"
                    + " and only a person may decide to pay for it; the " + notional;
        } else if (gross.compareTo(limit) > 0) {
            outcome = RebalanceRiskOutcome.NEEDS_APPROVAL;
            reason = "every rule allows it, but the " + notional;
        } else {
            outcome = RebalanceRiskOutcome.AUTO_APPROVABLE;
            reason = "every rule allows it and the " + notional;
        }
        return new RebalanceRiskVerdict(outcome, evaluation.rulesVersion(), decisions, gross, limit, reason);
    }

    private static String describe(List<RiskDecision> decisions) {
        return decisions.stream().map(decision -> decision.rule() + " (" + decision.action() + " on " + decision.subject() + ")")
                .collect(Collectors.joining(", "));
    }
}
