package io.ballast.platform.store;

import io.ballast.platform.rebalance.RebalanceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads, from table {@code rebalance}, which rebalance of a portfolio was proposed last and how it
 * stands: what the rebalance triggers' cool-down looks at. One indexed probe
 * ({@code rebalance_portfolio_time_idx}), without the history the full {@link RebalanceRepository} reads.
 */
public final class LatestRebalanceRepository {

    private final DataSource dataSource;

    public LatestRebalanceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The portfolio's most recently proposed rebalance (ties on the time broken by id, so every read
     * answers the same one); empty when it never had one (or the id is no UUID).
     */
    public Optional<LatestRebalance> of(String portfolioId) {
        Optional<UUID> id = Uuids.parse(portfolioId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT id, status, status_since FROM rebalance"
                        + " WHERE portfolio_id = ? ORDER BY proposed_at DESC, id DESC LIMIT 1")) {
            query.setObject(1, id.get());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LatestRebalance(row.getObject("id", UUID.class).toString(),
                        RebalanceStatus.valueOf(row.getString("status")), row.getObject("status_since", OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw new StoreException("reading the latest rebalance of portfolio " + portfolioId + " failed: " + e.getMessage(), e);
        }
    }
}
