package io.ballast.platform.http;

import io.vertx.core.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A rebalance stage in memory: records every proposal call; a portfolio id {@code ghost} does not
 * exist; the same user's idempotency key gives back what it gave the first time, as the port promises.
 */
final class FakeRebalances implements RebalancePort {

    record ProposeCall(String portfolioId, RebalanceRequest request, Optional<String> idempotencyKey, String user,
                       boolean onWorkerThread) {}

    final List<ProposeCall> proposals = new CopyOnWriteArrayList<>();
    final Map<String, RebalanceView> views = new ConcurrentHashMap<>();
    private final Map<String, Accepted> byKey = new ConcurrentHashMap<>();
    volatile RuntimeException failure;

    void reset() {
        proposals.clear();
        views.clear();
        byKey.clear();
        failure = null;
    }

    @Override
    public Optional<Accepted> propose(String portfolioId, RebalanceRequest request, Optional<String> idempotencyKey, String user) {
        proposals.add(new ProposeCall(portfolioId, request, idempotencyKey, user, Context.isOnWorkerThread()));
        if (failure != null) {
            throw failure;
        }
        if (portfolioId.equals("ghost")) {
            return Optional.empty();
        }
        Accepted fresh = new Accepted("rb-" + proposals.size(), "PROPOSED", true);
        if (idempotencyKey.isEmpty()) {
            return Optional.of(fresh);
        }
        Accepted first = byKey.putIfAbsent(user + "\n" + idempotencyKey.get(), fresh);
        return Optional.of(first == null ? fresh : new Accepted(first.id(), "PENDING_APPROVAL", false));
    }

    @Override
    public Optional<RebalanceView> find(String rebalanceId) {
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(views.get(rebalanceId));
    }
}
