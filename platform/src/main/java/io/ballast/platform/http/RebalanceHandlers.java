package io.ballast.platform.http;

import io.ballast.platform.http.RebalancePort.HistoryEntry;
import io.ballast.platform.http.RebalancePort.RebalanceRequest;
import io.ballast.platform.http.RebalancePort.RebalanceView;
import io.ballast.platform.http.RebalancePort.TradeView;
import io.ballast.platform.security.BearerAccess;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code proposeRebalance} and {@code getRebalance}. */
final class RebalanceHandlers {

    static final String REBALANCES_PATH = "/api/v1/rebalances";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** The body of proposeRebalance as the contract's RebalanceRequest schema has checked it. */
    private record ProposeBody(Map<String, BigDecimal> targetWeights, String optimizer, Map<String, Object> parameters,
                               String reason) {}

    private record AcceptedBody(String id, String status) {}

    /** {@code executionPrice} is written as null until the execution started: the contract requires every key. */
    private record TradeBody(String asset, String side, BigDecimal quantity, BigDecimal lastPrice, BigDecimal notional,
                             BigDecimal estimatedCost, boolean twap, int sliceCount, BigDecimal executionPrice) {

        static TradeBody of(TradeView trade) {
            return new TradeBody(trade.asset(), trade.side(), trade.quantity(), trade.lastPrice(), trade.notional(),
                    trade.estimatedCost(), trade.twap(), trade.sliceCount(), trade.executionPrice());
        }
    }

    /** {@code from} and {@code reason} are written as null when absent: the contract requires every key. */
    private record HistoryBody(Instant at, String actor, String from, String to, String reason) {

        static HistoryBody of(HistoryEntry entry) {
            return new HistoryBody(entry.at(), entry.actor(), entry.from(), entry.to(), entry.reason());
        }
    }

    private final RebalancePort rebalances;

    RebalanceHandlers(RebalancePort rebalances) {
        this.rebalances = Objects.requireNonNull(rebalances, "rebalances");
    }

    void propose(RoutingContext rc) {
        String user = BearerAccess.user(rc).name();
        String portfolioId = rc.pathParam("id");
        // the contract has checked its form (1 to 200 visible ASCII characters)
        Optional<String> idempotencyKey = Optional.ofNullable(rc.request().getHeader(IDEMPOTENCY_KEY));
        RebalanceRequest request = request(JsonBodies.read(rc, ProposeBody.class));
        rc.vertx()
                .executeBlocking(() -> rebalances.propose(portfolioId, request, idempotencyKey, user), false)
                .onSuccess(accepted -> accepted.ifPresentOrElse(
                        found -> {
                            rc.response().putHeader(HttpHeaders.LOCATION, location(found.id()));
                            JsonBodies.send(rc, 202, new AcceptedBody(found.id(), found.status()));
                        },
                        () -> rc.fail(new ResourceNotFoundException("portfolio", portfolioId))))
                .onFailure(rc::fail);
    }

    void get(RoutingContext rc) {
        String id = rc.pathParam("id");
        rc.vertx()
                .executeBlocking(() -> rebalances.find(id), false)
                .onSuccess(view -> view.ifPresentOrElse(
                        found -> JsonBodies.send(rc, 200, body(found)),
                        () -> rc.fail(new ResourceNotFoundException("rebalance", id))))
                .onFailure(rc::fail);
    }

    /** Exactly one of targetWeights and optimizer; parameters only with optimizer. */
    private static RebalanceRequest request(ProposeBody body) {
        if (body.targetWeights() != null && body.optimizer() != null) {
            throw new MalformedRequestException("targetWeights",
                    "give either targetWeights or optimizer (with its parameters), not both");
        }
        if (body.targetWeights() == null && body.optimizer() == null) {
            throw new MalformedRequestException("targetWeights", "give targetWeights or optimizer (with its parameters)");
        }
        if (body.parameters() != null && body.optimizer() == null) {
            throw new MalformedRequestException("parameters", "are the optimizer's; give them only with optimizer");
        }
        return new RebalanceRequest(Optional.ofNullable(body.targetWeights()), Optional.ofNullable(body.optimizer()),
                body.parameters() == null ? Map.of() : body.parameters(), Optional.ofNullable(body.reason()));
    }

    /**
     * The fixed fields, then the proposal's details beside them; a detail named like a fixed field
     * does not replace it.
     */
    private static Map<String, Object> body(RebalanceView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.id());
        body.put("portfolioId", view.portfolioId());
        body.put("status", view.status());
        body.put("proposedBy", view.proposedBy());
        body.put("proposedAt", view.proposedAt());
        body.put("trades", view.trades().stream().map(TradeBody::of).toList());
        body.put("history", view.history().stream().map(HistoryBody::of).toList());
        view.details().forEach(body::putIfAbsent);
        return body;
    }

    private static String location(String rebalanceId) {
        return REBALANCES_PATH + "/" + URLEncoder.encode(rebalanceId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
