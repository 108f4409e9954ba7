package io.ballast.platform.app;

import io.ballast.platform.http.RiskEvaluationPort;
import io.ballast.platform.risk.RiskEvaluation;
import io.ballast.platform.risk.RiskFacts;
import io.ballast.platform.riskfacts.InlinePortfolio;
import io.ballast.platform.riskfacts.RiskFactsAssembler;
import io.ballast.platform.riskfacts.TradeRequest;
import io.ballast.platform.store.AlertRepository;
import io.ballast.platform.store.EvaluationTrigger;
import io.ballast.platform.store.RiskEvaluationRepository;
import io.ballast.platform.store.StoredAlert;
import io.ballast.platform.store.StoredRiskEvaluation;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * What the risk-evaluation API does: assemble the facts, run the rules on them, and store the
 * evaluation of a stored portfolio (trigger API) before answering; a what-if is not stored.
 */
public final class RiskEvaluationByRules implements RiskEvaluationPort {

    private final RiskFactsAssembler facts;
    private final Function<RiskFacts, RiskEvaluation> rules;
    private final RiskEvaluationRepository evaluations;
    private final AlertRepository alerts;
    private final Clock clock;

    /** @param rules the rule engine, e.g. {@code riskEngine::evaluate} */
    public RiskEvaluationByRules(RiskFactsAssembler facts, Function<RiskFacts, RiskEvaluation> rules,
                                 RiskEvaluationRepository evaluations, AlertRepository alerts, Clock clock) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.evaluations = Objects.requireNonNull(evaluations, "evaluations");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Evaluation> evaluateStored(String portfolioId, List<TradeRequest> trades, String requestedBy) {
        return evaluateAndRecord(portfolioId, trades, EvaluationTrigger.API, requestedBy);
    }

    /**
     * Assembles the stored portfolio's facts, runs the rules and stores the evaluation before
     * answering; empty when there is no such portfolio.
     */
    Optional<Evaluation> evaluateAndRecord(String portfolioId, List<TradeRequest> trades, EvaluationTrigger trigger,
                                           String requestedBy) {
        return facts.ofStored(portfolioId, trades).map(found -> {
            RiskEvaluation evaluation = rules.apply(found);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored, so the answer matches the record
            String id = found.portfolio().orElseThrow().portfolioId();
            evaluations.insert(new StoredRiskEvaluation(UUID.randomUUID().toString(), id, now, evaluation.rulesVersion(),
                    trigger, requestedBy, evaluation.decisions()));
            return new Evaluation(evaluation.rulesVersion(), Optional.of(id), now, evaluation.decisions());
        });
    }

    @Override
    public Evaluation evaluateInline(InlinePortfolio portfolio, List<TradeRequest> trades) {
        RiskEvaluation evaluation = rules.apply(facts.ofInline(portfolio, trades));
        return new Evaluation(evaluation.rulesVersion(), Optional.empty(), clock.instant().truncatedTo(ChronoUnit.MICROS),
                evaluation.decisions());
    }

    @Override
    public List<StoredRiskEvaluation> latestEvaluations(Optional<String> portfolioId, int limit) {
        return evaluations.latest(portfolioId, limit);
    }

    @Override
    public List<StoredAlert> latestAlerts(int limit) {
        return alerts.latest(limit);
    }
}
