package io.ballast.platform.store;

import io.ballast.api.risk.RiskAction;
import io.ballast.api.risk.RiskDecision;
import io.ballast.api.risk.RiskSubject;
import io.ballast.api.risk.Severity;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import javax.sql.DataSource;

/** Stored risk evaluations and their decisions, tables {@code risk_evaluation} and {@code risk_decision}. */
public final class RiskEvaluationRepository {

    private final DataSource dataSource;

    public RiskEvaluationRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the evaluation with all its decisions in one transaction.
     *
     * @throws StoreException when the portfolio does not exist or the id is taken; then nothing is stored
     */
    public void insert(StoredRiskEvaluation evaluation) {
        UUID id = UUID.fromString(evaluation.id());
        Transactions.run(dataSource, "storing risk evaluation " + evaluation.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO risk_evaluation (id, portfolio_id, evaluated_at, rules_version, trigger, requested_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, UUID.fromString(evaluation.portfolioId()));
                insert.setObject(3, OffsetDateTime.ofInstant(evaluation.evaluatedAt(), ZoneOffset.UTC));
                insert.setString(4, evaluation.rulesVersion());
                insert.setString(5, evaluation.trigger().name());
                insert.setString(6, evaluation.requestedBy());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO risk_decision (evaluation_id, seq, rule, severity, action, reduce_fraction,"
                            + " subject_kind, subject_id, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (RiskDecision decision : evaluation.decisions()) {
                    insert.setObject(1, id);
                    insert.setInt(2, seq++);
                    insert.setString(3, decision.rule());
                    insert.setString(4, decision.severity().name());
                    insert.setString(5, decision.action().name());
                    if (decision.reduceFraction().isPresent()) {
                        insert.setBigDecimal(6, BigDecimal.valueOf(decision.reduceFraction().getAsDouble()));
                    } else {
                        insert.setNull(6, Types.NUMERIC);
                    }
                    insert.setString(7, decision.subject().kind().name());
                    insert.setString(8, decision.subject().id());
                    insert.setString(9, decision.message());
                    insert.addBatch();
                }
                if (seq > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    /**
     * The latest evaluations, newest first, with their decisions.
     *
     * @param portfolioId only this portfolio's, or every portfolio's when empty (an id that is no UUID has none)
     * @param limit       at most this many evaluations; at least 1
     */
    public List<StoredRiskEvaluation> latest(Optional<String> portfolioId, int limit) {
        return latest(portfolioId, Optional.empty(), Optional.empty(), limit);
    }

    /** The portfolio's newest stored evaluation, if it has one. */
    public Optional<StoredRiskEvaluation> latestOf(String portfolioId) {
        return latest(Optional.of(portfolioId), Optional.empty(), Optional.empty(), 1).stream().findFirst();
    }

    /** The portfolio's newest stored evaluation started by {@code trigger}, if it has one. */
    public Optional<StoredRiskEvaluation> latestOf(String portfolioId, EvaluationTrigger trigger) {
        return latest(Optional.of(portfolioId), Optional.of(trigger), Optional.empty(), 1).stream().findFirst();
    }

    /**
     * The portfolio's newest stored evaluation started by {@code trigger} for {@code requestedBy}, e.g. the
     * workflow's risk check of one rebalance ({@code WORKFLOW}, {@code rebalance <id>}), if it has one.
     */
    public Optional<StoredRiskEvaluation> latestOf(String portfolioId, EvaluationTrigger trigger, String requestedBy) {
        return latest(Optional.of(portfolioId), Optional.of(trigger), Optional.of(requestedBy), 1).stream().findFirst();
    }

    private List<StoredRiskEvaluation> latest(Optional<String> portfolioId, Optional<EvaluationTrigger> trigger,
                                              Optional<String> requestedBy, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        Optional<UUID> uuid;
        try {
            uuid = portfolioId.map(UUID::fromString);
        } catch (IllegalArgumentException notAUuid) {
            return List.of();
        }
        // ties on the time are broken by id, so the order (and the limit's cut) is the same on every read
        List<String> conditions = new ArrayList<>();
        uuid.ifPresent(ignored -> conditions.add("portfolio_id = ?"));
        trigger.ifPresent(ignored -> conditions.add("trigger = ?"));
        requestedBy.ifPresent(ignored -> conditions.add("requested_by = ?"));
        String evaluations = "SELECT id FROM risk_evaluation" + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY evaluated_at DESC, id DESC LIMIT ?";
        String sql = "SELECT e.id, e.portfolio_id, e.evaluated_at, e.rules_version, e.trigger, e.requested_by,"
                + " d.seq, d.rule, d.severity, d.action, d.reduce_fraction, d.subject_kind, d.subject_id, d.message"
                + " FROM risk_evaluation e LEFT JOIN risk_decision d ON d.evaluation_id = e.id"
                + " WHERE e.id IN (" + evaluations + ")"
                + " ORDER BY e.evaluated_at DESC, e.id DESC, d.seq";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            if (uuid.isPresent()) {
                query.setObject(index++, uuid.get());
            }
            if (trigger.isPresent()) {
                query.setString(index++, trigger.get().name());
            }
            if (requestedBy.isPresent()) {
                query.setString(index++, requestedBy.get());
            }
            query.setInt(index, limit);
            Map<String, StoredRiskEvaluation> byId = new LinkedHashMap<>();
            Map<String, List<RiskDecision>> decisions = new LinkedHashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String id = row.getObject("id", UUID.class).toString();
                    if (!byId.containsKey(id)) {
                        byId.put(id, new StoredRiskEvaluation(id, row.getObject("portfolio_id", UUID.class).toString(),
                                row.getObject("evaluated_at", OffsetDateTime.class).toInstant(), row.getString("rules_version"),
                                EvaluationTrigger.valueOf(row.getString("trigger")), row.getString("requested_by"), List.of()));
                        decisions.put(id, new ArrayList<>());
                    }
                    if (row.getString("rule") != null) { // the one row of an evaluation without decisions
                        decisions.get(id).add(decision(row));
                    }
                }
            }
            List<StoredRiskEvaluation> result = new ArrayList<>(byId.size());
            byId.forEach((id, stored) -> result.add(new StoredRiskEvaluation(id, stored.portfolioId(), stored.evaluatedAt(),
                    stored.rulesVersion(), stored.trigger(), stored.requestedBy(), decisions.get(id))));
            return result;
        } catch (SQLException e) {
            throw new StoreException("reading risk evaluations failed: " + e.getMessage(), e);
        }
    }

    private static RiskDecision decision(ResultSet row) throws SQLException {
        BigDecimal fraction = row.getBigDecimal("reduce_fraction");
        return new RiskDecision(
                row.getString("rule"),
                Severity.valueOf(row.getString("severity")),
                RiskAction.valueOf(row.getString("action")),
                fraction == null ? OptionalDouble.empty() : OptionalDouble.of(fraction.doubleValue()),
                new RiskSubject(RiskSubject.Kind.valueOf(row.getString("subject_kind")), row.getString("subject_id")),
                row.getString("message"));
    }
}
