package io.ballast.platform.app;

import io.ballast.platform.http.RebalancePort;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.rebalance.RebalanceDesk;
import io.ballast.platform.rebalance.RebalanceProposal;
import io.ballast.platform.rebalance.RebalanceTrade;
import io.ballast.platform.store.RebalanceRepository;
import io.ballast.platform.store.StoredRebalance;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The REST API's view of the rebalance stage: proposals through the desk, rebalances from the store. */
final class RebalanceDeskPort implements RebalancePort {

    private final RebalanceDesk desk;
    private final RebalanceRepository rebalances;

    RebalanceDeskPort(RebalanceDesk desk, RebalanceRepository rebalances) {
        this.desk = Objects.requireNonNull(desk, "desk");
        this.rebalances = Objects.requireNonNull(rebalances, "rebalances");
    }

    @Override
    public Optional<Accepted> propose(String portfolioId, RebalanceRequest request, Optional<String> idempotencyKey,
                                      String user) {
        io.ballast.platform.rebalance.RebalanceRequest asked;
        try {
            if (request.targetWeights().isPresent() && request.optimizer().isPresent()) {
                throw new InvalidInputException("targetWeights", "give either targetWeights or an optimizer, not both");
            }
            if (request.targetWeights().isPresent()) {
                Map<String, Double> weights = new TreeMap<>();
                request.targetWeights().get().forEach((asset, weight) -> weights.put(asset, weight.doubleValue()));
                if (weights.isEmpty()) {
                    throw new InvalidInputException("targetWeights", "must name at least one asset");
                }
                if (!request.parameters().isEmpty()) {
                    throw new InvalidInputException("parameters", "are an optimizer's; target weights take none");
                }
                asked = io.ballast.platform.rebalance.RebalanceRequest.givenWeights(weights);
            } else if (request.optimizer().isPresent() && !request.optimizer().get().isBlank()) {
                asked = io.ballast.platform.rebalance.RebalanceRequest.optimizer(request.optimizer().get(), request.parameters());
            } else {
                throw new InvalidInputException("targetWeights", "give target weights or an optimizer");
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("targetWeights", e.getMessage());
        }
        return desk.propose(portfolioId, asked, request.reason(), idempotencyKey, user)
                .map(inserted -> new Accepted(inserted.rebalance().id(), inserted.rebalance().status().name(), inserted.created()));
    }

    @Override
    public Optional<RebalanceView> find(String rebalanceId) {
        return rebalances.find(rebalanceId).map(RebalanceDeskPort::view);
    }

    static RebalanceView view(StoredRebalance rebalance) {
        RebalanceProposal proposal = rebalance.proposal();
        List<TradeView> trades = proposal.trades().stream()
                .map(trade -> trade(trade, rebalance.executionPrices().map(prices -> prices.of(trade.asset())).orElse(null)))
                .toList();
        List<HistoryEntry> history = rebalance.history().stream()
                .map(entry -> new HistoryEntry(entry.at(), entry.actor(), entry.from().map(Enum::name).orElse(null), entry.to().name(),
                        entry.reason()))
                .toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("baseCurrency", proposal.baseCurrency());
        details.put("netAssetValue", proposal.netAssetValue());
        details.put("totalEstimatedCost", proposal.totalEstimatedCost());
        details.put("totalEstimatedCostFraction", proposal.totalEstimatedCostFraction());
        details.put("cashAfter", proposal.cashAfter());
        details.put("trackingErrorBefore", proposal.trackingErrorBefore());
        details.put("trackingErrorAfter", proposal.trackingErrorAfter());
        details.put("trackingErrorReduction", proposal.trackingErrorReduction());
        details.put("buyScaleFraction", proposal.buyScaleFraction());
        details.put("verdict", proposal.verdict().name());
        details.put("verdictReason", proposal.verdictReason());
        details.put("skipped", proposal.skipped().stream().map(skipped -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("asset", skipped.asset());
            entry.put("side", skipped.side().name());
            entry.put("quantity", skipped.quantity());
            entry.put("notional", skipped.notional());
            entry.put("reason", skipped.reason().name());
            entry.put("message", skipped.message());
            return entry;
        }).toList());
        Map<String, Object> request = new LinkedHashMap<>();
        if (!rebalance.request().targetWeights().isEmpty()) {
            request.put("targetWeights", rebalance.request().targetWeights());
        } else {
            request.put("optimizer", rebalance.request().optimizer());
            request.put("parameters", rebalance.request().optimizerParameters());
        }
        details.put("request", request);
        rebalance.trigger().ifPresent(trigger -> details.put("trigger",
                Map.of("kind", trigger.kind().name(), "at", trigger.at().toString(), "firedBy", trigger.firedBy(), "reason", trigger.reason(),
                        "measures", trigger.measures().stream().map(measure -> Map.<String, Object>of("name", measure.name(),
                                "value", measure.value(), "threshold", measure.threshold())).toList())));
        details.put("approvalWindow", rebalance.approvalWindow().toString());
        details.put("escalationWindow", rebalance.escalationWindow().toString());
        details.put("statusSince", rebalance.statusSince().toString());
        return new RebalanceView(rebalance.id(), rebalance.portfolioId(), rebalance.status().name(), rebalance.proposedBy(),
                rebalance.proposedAt(), trades, history, details);
    }

    /** @param executionPrice null until the execution started */
    private static TradeView trade(RebalanceTrade trade, BigDecimal executionPrice) {
        BigDecimal cost = trade.estimatedCost().total();
        return new TradeView(trade.asset(), trade.side().name(), trade.quantity(), trade.lastPrice(), trade.notional(), cost, trade.twap(),
                trade.sliceCount(), executionPrice);
    }
}
