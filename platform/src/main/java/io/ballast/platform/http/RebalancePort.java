package io.ballast.platform.http;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code POST /api/v1/portfolios/{id}/rebalances} and {@code GET /api/v1/rebalances/{id}} need
 * from the rebalance stage. Every method blocks; the API calls them off the event loop.
 */
public interface RebalancePort {

    /**
     * Proposes a rebalance, stores it as PROPOSED and starts its approval process. The same user
     * with the same idempotency key gets the rebalance that key made, whatever the request.
     *
     * @return empty when there is no portfolio with that id
     * @throws io.ballast.platform.problem.InvalidInputException naming the field (e.g. {@code targetWeights.XYZ}); nothing stored
     */
    Optional<Accepted> propose(String portfolioId, RebalanceRequest request, Optional<String> idempotencyKey, String user);

    /** The rebalance with its trades and history; empty when there is none with that id. */
    Optional<RebalanceView> find(String rebalanceId);

    /**
     * Exactly one of {@code targetWeights} (fractions of NAV by asset) and {@code optimizer} (an
     * optimizer extension id, run with {@code parameters} on the stored prices of the held and
     * targeted assets).
     *
     * @param reason why the user asks, recorded with the manual trigger
     */
    record RebalanceRequest(Optional<Map<String, BigDecimal>> targetWeights, Optional<String> optimizer,
                            Map<String, Object> parameters, Optional<String> reason) {

        public RebalanceRequest {
            Objects.requireNonNull(targetWeights, "targetWeights");
            Objects.requireNonNull(optimizer, "optimizer");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** @param created false when an earlier request with the same idempotency key made it */
    record Accepted(String id, String status, boolean created) {
    }

    /**
     * @param status  one of PROPOSED, BLOCKED, AUTO_APPROVED, PENDING_APPROVAL, ESCALATED, APPROVED,
     *                REJECTED, AUTO_APPROVED_AFTER_ESCALATION, AUTO_REJECTED_AFTER_ESCALATION, EXECUTED, FAILED
     * @param trades  the proposal's trades
     * @param details the rest of the proposal as the API shows it (costs, benefit, verdict, skipped
     *                trades, trigger, risk decisions): JSON-shaped maps, lists, strings and numbers
     */
    record RebalanceView(String id, String portfolioId, String status, String proposedBy, Instant proposedAt,
                         List<TradeView> trades, List<HistoryEntry> history, Map<String, Object> details) {

        public RebalanceView {
            trades = List.copyOf(trades);
            history = List.copyOf(history);
            details = Map.copyOf(details);
        }
    }

    /**
     * @param side           BUY or SELL; amounts in the portfolio's base currency
     * @param executionPrice the price its orders carry (the asset's latest close when the execution started); null
     *                       until the execution started
     */
    record TradeView(String asset, String side, BigDecimal quantity, BigDecimal lastPrice, BigDecimal notional,
                     BigDecimal estimatedCost, boolean twap, int sliceCount, BigDecimal executionPrice) {
    }

    /** @param from null for the first entry (the proposal) */
    record HistoryEntry(Instant at, String actor, String from, String to, String reason) {
    }
}
