package io.ballast.platform.store;

import io.ballast.api.execution.OrderSide;
import io.ballast.platform.problem.ConflictException;
import io.ballast.platform.rebalance.ExecutionPrices;
import io.ballast.platform.rebalance.RebalanceStatus;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Rebalances, their status history, their fills, the reminders sent for them and who decides their approval
 * tasks: tables {@code rebalance}, {@code rebalance_history}, {@code rebalance_fill}, {@code rebalance_reminder}
 * and {@code rebalance_task_decider}. Every change is one transaction, committed before the call returns, so
 * what a caller acknowledges is stored.
 */
public final class RebalanceRepository {

    /** Both vendors' SQLSTATE for a unique or primary key violation. */
    private static final String UNIQUE_VIOLATION = "23505";
    /** The scale of the cash, price and quantity columns. */
    private static final int SCALE = RebalanceFill.MAX_DECIMALS;

    private static final String SELECT = "SELECT r.id, r.portfolio_id, r.status, r.proposed_by, r.proposed_at, r.idempotency_key,"
            + " r.request_json, r.proposal_json, r.trigger_json, r.approval_window, r.escalation_window, r.status_since,"
            + " r.execution_prices_json,"
            + " h.seq, h.changed_at, h.actor, h.from_status, h.to_status, h.reason"
            + " FROM rebalance r LEFT JOIN rebalance_history h ON h.rebalance_id = r.id";

    private final DataSource dataSource;

    public RebalanceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Stores the rebalance as PROPOSED with its first history entry (from no status, by the proposer,
     * with the trigger's reason or {@code proposed}), in one transaction.
     *
     * <p>With an idempotency key that the proposer already used, nothing is stored and the rebalance
     * the key names is returned, whatever its portfolio and proposal (the caller compares, if it
     * cares). Two calls racing with one key store one rebalance: the loser's insert hits the unique
     * constraint on (proposer, key) and it returns the winner's.
     *
     * <p>A portfolio has at most one rebalance that has not ended (not {@link RebalanceStatus#isTerminal}):
     * the portfolio's row is locked for the check and the insert, so two proposals racing for one
     * portfolio store one, and the other is refused.
     *
     * @throws ConflictException when the portfolio has a rebalance that has not ended; nothing is stored
     * @throws StoreException when the portfolio does not exist or the id is taken; nothing is stored
     */
    public InsertedRebalance insert(NewRebalance rebalance) {
        Optional<String> key = rebalance.idempotencyKey();
        if (key.isPresent()) {
            Optional<StoredRebalance> existing = findByIdempotencyKey(rebalance.proposedBy(), key.get());
            if (existing.isPresent()) {
                return new InsertedRebalance(existing.get(), false);
            }
        }
        try {
            Transactions.run(dataSource, "storing rebalance " + rebalance.id(), connection -> insertRows(connection, rebalance));
        } catch (ConflictException e) {
            // two requests racing with one key: the winner's rebalance is the one under way, and it is the answer
            Optional<StoredRebalance> winner = key.flatMap(k -> findByIdempotencyKey(rebalance.proposedBy(), k));
            if (winner.isPresent()) {
                return new InsertedRebalance(winner.get(), false);
            }
            throw e;
        } catch (StoreException e) {
            if (key.isPresent() && isUniqueViolation(e)) {
                Optional<StoredRebalance> winner = findByIdempotencyKey(rebalance.proposedBy(), key.get());
                if (winner.isPresent()) {
                    return new InsertedRebalance(winner.get(), false);
                }
            }
            throw e;
        }
        return new InsertedRebalance(find(rebalance.id()).orElseThrow(
                () -> new StoreException("rebalance " + rebalance.id() + " was stored but cannot be read back", null)), true);
    }

    /**
     * Claims the execution of rebalance {@code id} for {@code claimant} until {@code now + lease}: granted when
     * nobody holds it, the claimant holds it already (a renewal), or the holder's claim lapsed before {@code now}.
     *
     * @return the claim granted; empty when another claimant holds it, with the instant its claim lapses
     * @throws IllegalArgumentException when there is no rebalance {@code id}
     */
    public Optional<Instant> claimExecution(String id, String claimant, Instant now, Duration lease) {
        UUID uuid = uuid(id);
        Objects.requireNonNull(claimant, "claimant");
        Instant until = now.plus(lease);
        return Transactions.call(dataSource, "claiming the execution of rebalance " + id, connection -> {
            Instant heldUntil;
            String holder;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT execution_claimant, execution_claimed_until FROM rebalance WHERE id = ? FOR UPDATE")) {
                query.setObject(1, uuid);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("rebalance " + id + " does not exist");
                    }
                    holder = row.getString("execution_claimant");
                    OffsetDateTime held = row.getObject("execution_claimed_until", OffsetDateTime.class);
                    heldUntil = held == null ? null : held.toInstant();
                }
            }
            if (holder != null && !holder.equals(claimant) && heldUntil != null && !heldUntil.isBefore(now)) {
                return Optional.<Instant>empty();
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE rebalance SET execution_claimant = ?, execution_claimed_until = ? WHERE id = ?")) {
                update.setString(1, claimant);
                update.setObject(2, timestamp(until));
                update.setObject(3, uuid);
                update.executeUpdate();
            }
            return Optional.of(until);
        });
    }

    /**
     * Fixes the prices rebalance {@code id}'s orders carry: stores {@code prices} when it has none yet, else keeps
     * the ones stored first. One transaction on the rebalance's row, so of two runs racing, both get the same.
     *
     * @return the execution prices stored: {@code prices}, or the earlier ones
     * @throws IllegalArgumentException when there is no rebalance {@code id}
     */
    public ExecutionPrices fixExecutionPrices(String id, ExecutionPrices prices) {
        UUID uuid = uuid(id);
        Objects.requireNonNull(prices, "prices");
        return Transactions.call(dataSource, "storing the execution prices of rebalance " + id, connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT execution_prices_json FROM rebalance WHERE id = ? FOR UPDATE")) {
                query.setObject(1, uuid);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("rebalance " + id + " does not exist");
                    }
                    String stored = row.getString("execution_prices_json");
                    if (stored != null) {
                        return RebalanceJson.executionPrices(stored, id);
                    }
                }
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE rebalance SET execution_prices_json = ? WHERE id = ?")) {
                update.setString(1, RebalanceJson.write(prices));
                update.setObject(2, uuid);
                update.executeUpdate();
            }
            return prices;
        });
    }

    /**
     * Records that the reminder of rebalance {@code id} to {@code group} is sent at {@code at}, unless it was
     * recorded before: one transaction on the rebalance's row, so of two deliveries of one reminder, racing or
     * one after the other, exactly one is told to send it.
     *
     * @return true when recorded now (send it); false when it was recorded before (it was sent, or is being sent)
     * @throws IllegalArgumentException when there is no rebalance {@code id}
     */
    public boolean recordReminder(String id, String group, Instant at) {
        UUID uuid = uuid(id);
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(at, "at");
        return Transactions.call(dataSource, "recording the reminder of rebalance " + id + " to " + group, connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM rebalance WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, uuid);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("rebalance " + id + " does not exist");
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM rebalance_reminder WHERE rebalance_id = ? AND candidate_group = ?")) {
                query.setObject(1, uuid);
                query.setString(2, group);
                try (ResultSet row = query.executeQuery()) {
                    if (row.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rebalance_reminder (rebalance_id, candidate_group, reminded_at) VALUES (?, ?, ?)")) {
                insert.setObject(1, uuid);
                insert.setString(2, group);
                insert.setObject(3, timestamp(at));
                insert.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Notes that {@code decider} decides the approval task {@code elementId} of rebalance {@code id}, replacing
     * what was noted for that task before: one transaction on the rebalance's row, so of two notes of one task,
     * racing or one after the other, the one committed last is kept.
     *
     * @throws IllegalArgumentException when there is no rebalance {@code id}
     */
    public void noteTaskDecider(String id, String elementId, String decider, Instant at) {
        UUID uuid = uuid(id);
        Objects.requireNonNull(elementId, "elementId");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(at, "at");
        Transactions.run(dataSource, "noting " + decider + " as the decider of task " + elementId + " of rebalance " + id, connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM rebalance WHERE id = ? FOR UPDATE")) {
                lock.setObject(1, uuid);
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("rebalance " + id + " does not exist");
                    }
                }
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM rebalance_task_decider WHERE rebalance_id = ? AND element_id = ?")) {
                delete.setObject(1, uuid);
                delete.setString(2, elementId);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO rebalance_task_decider (rebalance_id, element_id, decider, noted_at) VALUES (?, ?, ?, ?)")) {
                insert.setObject(1, uuid);
                insert.setString(2, elementId);
                insert.setString(3, decider);
                insert.setObject(4, timestamp(at));
                insert.executeUpdate();
            }
        });
    }

    /** Who was last noted as deciding the approval task {@code elementId} of rebalance {@code id}; empty when nobody was (or no such rebalance). */
    public Optional<String> taskDecider(String id, String elementId) {
        Optional<UUID> uuid = Uuids.parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT decider FROM rebalance_task_decider WHERE rebalance_id = ? AND element_id = ?")) {
            query.setObject(1, uuid.get());
            query.setString(2, Objects.requireNonNull(elementId, "elementId"));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString("decider")) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("reading the decider of task " + elementId + " of rebalance " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** The rebalance with its history; empty when there is none with that id (or it is no UUID). */
    public Optional<StoredRebalance> find(String id) {
        Optional<UUID> uuid = Uuids.parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        return query("reading rebalance " + id, " WHERE r.id = ?", query -> query.setObject(1, uuid.get())).stream().findFirst();
    }

    /** The rebalance {@code user} proposed with {@code idempotencyKey}, if any. */
    public Optional<StoredRebalance> findByIdempotencyKey(String user, String idempotencyKey) {
        return query("reading the rebalance of idempotency key " + idempotencyKey, " WHERE r.proposed_by = ? AND r.idempotency_key = ?",
                query -> {
                    query.setString(1, user);
                    query.setString(2, idempotencyKey);
                }).stream().findFirst();
    }

    /**
     * Every rebalance waiting for a person (PENDING_APPROVAL or ESCALATED), longest waiting first, with
     * the time its status began: what a restart re-opens, each timer set to {@link StoredRebalance#windowLeft}.
     */
    public List<StoredRebalance> pending() {
        return query("listing the pending rebalances", " WHERE r.status IN ('PENDING_APPROVAL', 'ESCALATED')", query -> {
        });
    }

    /**
     * Every rebalance whose process has work left that no person is waiting for: PROPOSED (the risk
     * check), and approved but not executed (AUTO_APPROVED, APPROVED, AUTO_APPROVED_AFTER_ESCALATION),
     * oldest status first: what a restart of the embedded engine resumes besides {@link #pending()}.
     */
    public List<StoredRebalance> unfinished() {
        return query("listing the unfinished rebalances",
                " WHERE r.status IN ('PROPOSED', 'AUTO_APPROVED', 'APPROVED', 'AUTO_APPROVED_AFTER_ESCALATION')", query -> {
                });
    }

    /**
     * Whether the portfolio has a rebalance that is not in a terminal status (proposed, waiting for
     * a person, or approved and not executed): a trigger does not propose another one beside it.
     */
    public boolean hasUnfinished(String portfolioId) {
        String terminal = java.util.Arrays.stream(RebalanceStatus.values()).filter(RebalanceStatus::isTerminal)
                .map(status -> "'" + status.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        return exists("looking for an unfinished rebalance of portfolio " + portfolioId,
                "SELECT 1 FROM rebalance WHERE portfolio_id = ? AND status NOT IN (" + terminal + ")", portfolioId);
    }

    /**
     * The portfolio's most recently proposed rebalance, as far as its triggers look at it (ties on the time
     * broken by id, so every read answers the same one); empty when it never had one (or the id is no UUID).
     * One row without the history: the calendar counts from its proposal, the cool-down from its ending.
     */
    public Optional<LatestRebalance> latest(String portfolioId) {
        Optional<UUID> id = Uuids.parse(portfolioId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT id, proposed_at, status, status_since FROM rebalance"
                        + " WHERE portfolio_id = ? ORDER BY proposed_at DESC, id DESC LIMIT 1")) {
            query.setObject(1, id.get());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LatestRebalance(row.getObject("id", UUID.class).toString(), instant(row, "proposed_at"),
                        RebalanceStatus.valueOf(row.getString("status")), instant(row, "status_since")));
            }
        } catch (SQLException e) {
            throw new StoreException("reading the latest rebalance of portfolio " + portfolioId + " failed: " + e.getMessage(), e);
        }
    }

    /** When the portfolio's latest rebalance was proposed, whatever became of it ({@link #latest}). */
    public Optional<Instant> lastProposedAt(String portfolioId) {
        return latest(portfolioId).map(LatestRebalance::proposedAt);
    }

    private boolean exists(String what, String sql, String portfolioId) {
        Optional<UUID> id = Uuids.parse(portfolioId);
        if (id.isEmpty()) {
            return false;
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id.get());
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Moves the rebalance to {@code to} and records the change, in one transaction.
     *
     * <p>Idempotent: when the rebalance already is in {@code to}, nothing changes and it answers false
     * (a job worker retried after its first attempt was stored). Concurrent calls are serialised on
     * the rebalance's row, so of two people deciding at once, one wins and the other is refused.
     *
     * @param expectedFrom the status the caller saw, or empty to move from whatever it is now
     * @return true when it moved; false when it was in {@code to} already
     * @throws RebalanceTransitionException when it is in another status than {@code expectedFrom}, or
     *                                      {@link RebalanceStatus#canMoveTo} refuses the move; nothing changes
     * @throws IllegalArgumentException     when there is no rebalance {@code id}
     */
    public boolean transition(String id, Optional<RebalanceStatus> expectedFrom, RebalanceStatus to, String actor, String reason,
            Instant at) {
        Objects.requireNonNull(expectedFrom, "expectedFrom");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        UUID uuid = uuid(id);
        return Transactions.call(dataSource, "moving rebalance " + id + " to " + to, connection -> {
            RebalanceStatus current;
            try (PreparedStatement query = connection.prepareStatement("SELECT status FROM rebalance WHERE id = ? FOR UPDATE")) {
                query.setObject(1, uuid);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("rebalance " + id + " does not exist");
                    }
                    current = RebalanceStatus.valueOf(row.getString("status"));
                }
            }
            if (current == to) {
                return false;
            }
            if (expectedFrom.isPresent() && expectedFrom.get() != current) {
                throw new RebalanceTransitionException("rebalance " + id + " is " + current + ", not " + expectedFrom.get()
                        + ": it cannot move to " + to);
            }
            if (!current.canMoveTo(to)) {
                throw new RebalanceTransitionException("rebalance " + id + " cannot move from " + current + " to " + to
                        + (current.isTerminal() ? ": " + current + " is final" : ""));
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE rebalance SET status = ?, status_since = ? WHERE id = ?")) {
                update.setString(1, to.name());
                update.setObject(2, timestamp(at));
                update.setObject(3, uuid);
                update.executeUpdate();
            }
            int seq;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COALESCE(MAX(seq), -1) + 1 FROM rebalance_history WHERE rebalance_id = ?")) {
                query.setObject(1, uuid);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    seq = row.getInt(1);
                }
            }
            insertHistory(connection, uuid, seq, new RebalanceHistoryEntry(at, actor, Optional.of(current), to, reason));
            return true;
        });
    }

    /**
     * Books executed slices, in one transaction: each fill is recorded, applied to the portfolio's
     * position in its asset and to its cash. A slice already booked (same rebalance, asset and slice,
     * now or by an earlier call) is skipped whole, so a retried execution never books twice.
     *
     * <p>Positions: a fill adding to a position in its direction (a buy to a long, a sell to a short)
     * re-averages the entry price by quantity, rounded half-even to 8 decimals; one reducing it keeps
     * the average; one closing it to zero deletes it; one going through zero opens the other side at
     * the fill's price. Cash: a buy pays {@code quantity × price + fee}, a sell receives
     * {@code quantity × price − fee}, the notional rounded half-even to 8 decimals. The cash may go
     * below zero: fills are facts, recorded as they happened.
     *
     * @return how many fills were booked now
     * @throws IllegalArgumentException when there is no rebalance {@code id}, or a fill's currency is
     *                                  not the portfolio's base currency; nothing is booked
     * @throws StoreException           when a fill's asset is unknown; nothing is booked
     */
    public int bookFills(String id, List<RebalanceFill> fills) {
        UUID uuid = uuid(id);
        List<RebalanceFill> toBook = List.copyOf(fills);
        return Transactions.call(dataSource, "booking " + toBook.size() + " fills of rebalance " + id, connection -> {
            UUID portfolioId;
            try (PreparedStatement query = connection.prepareStatement("SELECT portfolio_id FROM rebalance WHERE id = ?")) {
                query.setObject(1, uuid);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalArgumentException("rebalance " + id + " does not exist");
                    }
                    portfolioId = row.getObject("portfolio_id", UUID.class);
                }
            }
            // the portfolio's row lock serialises every booking for it: positions and cash are read
            // and written by one booking at a time, and the check for booked slices below cannot race
            String baseCurrency;
            BigDecimal cash;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT base_currency, cash FROM portfolio WHERE id = ? FOR UPDATE")) {
                query.setObject(1, portfolioId);
                try (ResultSet row = query.executeQuery()) {
                    row.next(); // the foreign key keeps the portfolio while the rebalance exists
                    baseCurrency = row.getString("base_currency");
                    cash = row.getBigDecimal("cash");
                }
            }
            for (RebalanceFill fill : toBook) {
                if (!fill.currency().equals(baseCurrency)) {
                    throw new IllegalArgumentException("fill " + fill.asset() + " slice " + fill.slice() + ": currency " + fill.currency()
                            + " is not the portfolio's base currency " + baseCurrency);
                }
            }
            Set<SliceKey> booked = bookedSlices(connection, uuid);
            int count = 0;
            for (RebalanceFill fill : toBook) {
                if (!booked.add(new SliceKey(fill.asset(), fill.slice()))) {
                    continue;
                }
                insertFill(connection, uuid, fill);
                applyToPosition(connection, portfolioId, fill);
                BigDecimal notional = fill.notional().setScale(SCALE, RoundingMode.HALF_EVEN);
                cash = fill.side() == OrderSide.BUY
                        ? cash.subtract(notional).subtract(fill.fee())
                        : cash.add(notional).subtract(fill.fee());
                count++;
            }
            if (count > 0) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE portfolio SET cash = ? WHERE id = ?")) {
                    update.setBigDecimal(1, cash);
                    update.setObject(2, portfolioId);
                    update.executeUpdate();
                }
            }
            return count;
        });
    }

    /** The rebalance's booked fills by asset and slice; empty for an unknown id. */
    public List<RebalanceFill> fills(String id) {
        Optional<UUID> uuid = Uuids.parse(id);
        if (uuid.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT asset_id, slice, side, quantity, price, fee, currency, venue_order_id, filled_at"
                                + " FROM rebalance_fill WHERE rebalance_id = ? ORDER BY asset_id, slice")) {
            query.setObject(1, uuid.get());
            List<RebalanceFill> fills = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    fills.add(new RebalanceFill(row.getString("asset_id"), row.getInt("slice"), OrderSide.valueOf(row.getString("side")),
                            Decimals.read(row, "quantity"), Decimals.read(row, "price"), Decimals.read(row, "fee"),
                            row.getString("currency"), row.getString("venue_order_id"), instant(row, "filled_at")));
                }
            }
            return fills;
        } catch (SQLException e) {
            throw new StoreException("reading the fills of rebalance " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** Locks the portfolio's row (also taken by every booking) and refuses when it has a rebalance that has not ended. */
    private static void requireNoOpenRebalance(Connection connection, String portfolioId) throws SQLException {
        UUID portfolio = UUID.fromString(portfolioId);
        try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM portfolio WHERE id = ? FOR UPDATE")) {
            lock.setObject(1, portfolio);
            lock.executeQuery().close();
        }
        String open = java.util.Arrays.stream(RebalanceStatus.values()).filter(status -> !status.isTerminal())
                .map(status -> "'" + status.name() + "'").collect(java.util.stream.Collectors.joining(", "));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id, status FROM rebalance WHERE portfolio_id = ? AND status IN (" + open + ") ORDER BY proposed_at")) {
            query.setObject(1, portfolio);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    throw new ConflictException("Portfolio " + portfolioId + " has rebalance " + row.getObject("id", UUID.class) + " still "
                            + row.getString("status") + "; a portfolio has one rebalance at a time, propose again once it has ended");
                }
            }
        }
    }

    private static void insertRows(Connection connection, NewRebalance rebalance) throws SQLException {
        UUID id = UUID.fromString(rebalance.id());
        requireNoOpenRebalance(connection, rebalance.portfolioId());
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rebalance (id, portfolio_id, status, proposed_by, proposed_at, idempotency_key, request_json,"
                        + " proposal_json, trigger_json, approval_window, escalation_window, status_since)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setObject(2, UUID.fromString(rebalance.portfolioId()));
            insert.setString(3, RebalanceStatus.PROPOSED.name());
            insert.setString(4, rebalance.proposedBy());
            insert.setObject(5, timestamp(rebalance.proposedAt()));
            if (rebalance.idempotencyKey().isPresent()) {
                insert.setString(6, rebalance.idempotencyKey().get());
            } else {
                insert.setNull(6, Types.VARCHAR);
            }
            insert.setString(7, RebalanceJson.write(rebalance.request()));
            insert.setString(8, RebalanceJson.write(rebalance.proposal()));
            if (rebalance.trigger().isPresent()) {
                insert.setString(9, RebalanceJson.write(rebalance.trigger().get()));
            } else {
                insert.setNull(9, Types.VARCHAR);
            }
            insert.setString(10, rebalance.approvalWindow().toString());
            insert.setString(11, rebalance.escalationWindow().toString());
            insert.setObject(12, timestamp(rebalance.proposedAt()));
            insert.executeUpdate();
        }
        String reason = rebalance.trigger().map(trigger -> trigger.kind() + " trigger: " + trigger.reason()).orElse("proposed");
        insertHistory(connection, id, 0, new RebalanceHistoryEntry(rebalance.proposedAt(), rebalance.proposedBy(), Optional.empty(),
                RebalanceStatus.PROPOSED, reason));
    }

    private static void insertHistory(Connection connection, UUID id, int seq, RebalanceHistoryEntry entry) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rebalance_history (rebalance_id, seq, changed_at, actor, from_status, to_status, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setInt(2, seq);
            insert.setObject(3, timestamp(entry.at()));
            insert.setString(4, entry.actor());
            if (entry.from().isPresent()) {
                insert.setString(5, entry.from().get().name());
            } else {
                insert.setNull(5, Types.VARCHAR);
            }
            insert.setString(6, entry.to().name());
            insert.setString(7, entry.reason());
            insert.executeUpdate();
        }
    }

    private static Set<SliceKey> bookedSlices(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT asset_id, slice FROM rebalance_fill WHERE rebalance_id = ?")) {
            query.setObject(1, id);
            Set<SliceKey> booked = new HashSet<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    booked.add(new SliceKey(row.getString("asset_id"), row.getInt("slice")));
                }
            }
            return booked;
        }
    }

    private static void insertFill(Connection connection, UUID id, RebalanceFill fill) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rebalance_fill (rebalance_id, asset_id, slice, side, quantity, price, fee, currency, venue_order_id, filled_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, fill.asset());
            insert.setInt(3, fill.slice());
            insert.setString(4, fill.side().name());
            insert.setBigDecimal(5, fill.quantity());
            insert.setBigDecimal(6, fill.price());
            insert.setBigDecimal(7, fill.fee());
            insert.setString(8, fill.currency());
            insert.setString(9, fill.venueOrderId());
            insert.setObject(10, timestamp(fill.filledAt()));
            insert.executeUpdate();
        }
    }

    private static void applyToPosition(Connection connection, UUID portfolioId, RebalanceFill fill) throws SQLException {
        BigDecimal change = fill.side() == OrderSide.BUY ? fill.quantity() : fill.quantity().negate();
        BigDecimal held = null;
        BigDecimal averagePrice = null;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT quantity, average_price FROM position WHERE portfolio_id = ? AND asset_id = ?")) {
            query.setObject(1, portfolioId);
            query.setString(2, fill.asset());
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    held = row.getBigDecimal("quantity");
                    averagePrice = row.getBigDecimal("average_price");
                }
            }
        }
        if (held == null) {
            writePosition(connection, "INSERT INTO position (quantity, average_price, portfolio_id, asset_id) VALUES (?, ?, ?, ?)",
                    portfolioId, fill.asset(), change, fill.price());
            return;
        }
        BigDecimal after = held.add(change);
        if (after.signum() == 0) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM position WHERE portfolio_id = ? AND asset_id = ?")) {
                delete.setObject(1, portfolioId);
                delete.setString(2, fill.asset());
                delete.executeUpdate();
            }
            return;
        }
        BigDecimal newAverage;
        if (held.signum() == change.signum()) {
            // both terms have the position's sign, so their sum over the new quantity is the weighted average
            newAverage = held.multiply(averagePrice).add(change.multiply(fill.price()))
                    .divide(after, MathContext.DECIMAL128).setScale(SCALE, RoundingMode.HALF_EVEN);
        } else if (after.signum() == held.signum()) {
            newAverage = averagePrice; // reduced: what is left was bought (or sold short) at the same average
        } else {
            newAverage = fill.price(); // flipped: the new side was all opened by this fill
        }
        writePosition(connection, "UPDATE position SET quantity = ?, average_price = ? WHERE portfolio_id = ? AND asset_id = ?",
                portfolioId, fill.asset(), after, newAverage);
    }

    private static void writePosition(Connection connection, String sql, UUID portfolioId, String asset, BigDecimal quantity,
            BigDecimal averagePrice) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(sql)) {
            write.setBigDecimal(1, quantity);
            write.setBigDecimal(2, averagePrice);
            write.setObject(3, portfolioId);
            write.setString(4, asset);
            write.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Parameters {

        void set(PreparedStatement query) throws SQLException;
    }

    /** One statement, hence one snapshot: each rebalance's row and its history as committed together. */
    private List<StoredRebalance> query(String what, String where, Parameters parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SELECT + where + " ORDER BY r.status_since, r.id, h.seq")) {
            parameters.set(query);
            Map<UUID, StoredRebalance> byId = new LinkedHashMap<>();
            Map<UUID, List<RebalanceHistoryEntry>> histories = new LinkedHashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID id = row.getObject("id", UUID.class);
                    if (!byId.containsKey(id)) {
                        byId.put(id, rebalance(row, id.toString()));
                        histories.put(id, new ArrayList<>());
                    }
                    if (row.getString("to_status") != null) {
                        histories.get(id).add(historyEntry(row));
                    }
                }
            }
            List<StoredRebalance> result = new ArrayList<>(byId.size());
            byId.forEach((id, r) -> result.add(new StoredRebalance(r.id(), r.portfolioId(), r.status(), r.proposedBy(), r.proposedAt(),
                    r.idempotencyKey(), r.request(), r.proposal(), r.trigger(), r.approvalWindow(), r.escalationWindow(),
                    r.statusSince(), r.executionPrices(), histories.get(id))));
            return result;
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static StoredRebalance rebalance(ResultSet row, String id) throws SQLException {
        String trigger = row.getString("trigger_json");
        String executionPrices = row.getString("execution_prices_json");
        return new StoredRebalance(
                id,
                row.getObject("portfolio_id", UUID.class).toString(),
                RebalanceStatus.valueOf(row.getString("status")),
                row.getString("proposed_by"),
                instant(row, "proposed_at"),
                Optional.ofNullable(row.getString("idempotency_key")),
                RebalanceJson.request(row.getString("request_json"), id),
                RebalanceJson.proposal(row.getString("proposal_json"), id),
                trigger == null ? Optional.empty() : Optional.of(RebalanceJson.trigger(trigger, id)),
                Duration.parse(row.getString("approval_window")),
                Duration.parse(row.getString("escalation_window")),
                instant(row, "status_since"),
                executionPrices == null ? Optional.empty() : Optional.of(RebalanceJson.executionPrices(executionPrices, id)),
                List.of());
    }

    private static RebalanceHistoryEntry historyEntry(ResultSet row) throws SQLException {
        String from = row.getString("from_status");
        return new RebalanceHistoryEntry(instant(row, "changed_at"), row.getString("actor"),
                from == null ? Optional.empty() : Optional.of(RebalanceStatus.valueOf(from)),
                RebalanceStatus.valueOf(row.getString("to_status")), row.getString("reason"));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(Objects.requireNonNull(id, "id"));
        } catch (IllegalArgumentException notAUuid) {
            throw new IllegalArgumentException("rebalance " + id + " does not exist (not a UUID)");
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private record SliceKey(String asset, int slice) {
    }
}
