package io.ballast.platform.store;

import io.ballast.api.alert.Alert;
import io.ballast.api.risk.Severity;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Raised alerts and how their delivery went, table {@code alert}. */
public final class AlertRepository {

    private static final String COLUMNS =
            "id, raised_at, severity, title, message, source, portfolio_id, rules_version, delivery_status, delivery_error";

    private final DataSource dataSource;

    public AlertRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @throws StoreException when the id is taken (or another failure); then nothing is stored */
    public void insert(StoredAlert stored) {
        Alert alert = stored.alert();
        Transactions.run(dataSource, "storing alert " + stored.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO alert (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, UUID.fromString(stored.id()));
                insert.setObject(2, OffsetDateTime.ofInstant(alert.time(), ZoneOffset.UTC));
                insert.setString(3, alert.severity().name());
                insert.setString(4, alert.title());
                insert.setString(5, alert.message());
                insert.setString(6, alert.source());
                if (stored.portfolioId().isPresent()) {
                    insert.setObject(7, UUID.fromString(stored.portfolioId().get()));
                } else {
                    insert.setNull(7, Types.OTHER);
                }
                insert.setString(8, stored.rulesVersion().orElse(null));
                insert.setString(9, stored.delivery().name());
                insert.setString(10, stored.deliveryError().orElse(null));
                insert.executeUpdate();
            }
        });
    }

    /** Records how delivery ended. */
    public void recordDelivery(String id, AlertDelivery delivery, Optional<String> error) {
        Transactions.run(dataSource, "recording the delivery of alert " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE alert SET delivery_status = ?, delivery_error = ? WHERE id = ?")) {
                update.setString(1, delivery.name());
                update.setString(2, error.orElse(null));
                update.setObject(3, UUID.fromString(id));
                update.executeUpdate();
            }
        });
    }

    /** The latest alerts, newest first; {@code limit} at least 1. */
    public List<StoredAlert> latest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM alert ORDER BY raised_at DESC, id DESC LIMIT ?")) {
            query.setInt(1, limit);
            List<StoredAlert> alerts = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    UUID portfolio = row.getObject("portfolio_id", UUID.class);
                    alerts.add(new StoredAlert(
                            row.getObject("id", UUID.class).toString(),
                            new Alert(Severity.valueOf(row.getString("severity")), row.getString("title"), row.getString("message"),
                                    row.getObject("raised_at", OffsetDateTime.class).toInstant(), row.getString("source")),
                            Optional.ofNullable(portfolio).map(UUID::toString),
                            Optional.ofNullable(row.getString("rules_version")),
                            AlertDelivery.valueOf(row.getString("delivery_status")),
                            Optional.ofNullable(row.getString("delivery_error"))));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new StoreException("reading alerts failed: " + e.getMessage(), e);
        }
    }
}
