package io.ballast.platform.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The NAV history of the portfolios, table {@code portfolio_nav} (a hypertable on TimescaleDB). */
public final class PortfolioNavRepository {

    private final DataSource dataSource;

    public PortfolioNavRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the portfolio's NAV at a time; a second NAV for the same portfolio and time replaces the
     * first (one snapshot per valuation time).
     */
    public void record(String portfolioId, Instant valuedAt, BigDecimal nav) {
        UUID id = UUID.fromString(portfolioId);
        OffsetDateTime time = OffsetDateTime.ofInstant(valuedAt, ZoneOffset.UTC);
        Transactions.run(dataSource, "recording the NAV of portfolio " + portfolioId, connection -> {
            // delete-then-insert rather than MERGE/ON CONFLICT: the same SQL on H2 and PostgreSQL
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM portfolio_nav WHERE portfolio_id = ? AND valued_at = ?")) {
                delete.setObject(1, id);
                delete.setObject(2, time);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO portfolio_nav (portfolio_id, valued_at, nav) VALUES (?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, time);
                insert.setBigDecimal(3, nav);
                insert.executeUpdate();
            }
        });
    }

    /**
     * The NAV recorded last (latest valuation time) for the portfolio; empty when none was (or the id is no UUID).
     * Ordered by the whole primary key: by valued_at alone H2 reads the portfolio's every NAV through its
     * foreign-key index and sorts them; this way it reads the primary key backwards and stops at the first.
     */
    public Optional<BigDecimal> latest(String portfolioId) {
        return nav(portfolioId, "SELECT nav FROM portfolio_nav WHERE portfolio_id = ? ORDER BY portfolio_id DESC, valued_at DESC LIMIT 1", "nav",
                "reading the latest NAV of portfolio " + portfolioId);
    }

    /** The highest NAV recorded for the portfolio; empty when none was (or the id is no UUID). */
    public Optional<BigDecimal> peak(String portfolioId) {
        return nav(portfolioId, "SELECT MAX(nav) AS peak FROM portfolio_nav WHERE portfolio_id = ?", "peak",
                "reading the peak NAV of portfolio " + portfolioId);
    }

    /**
     * The one NAV {@code sql} selects for the portfolio as {@code column}; empty when it selects no row
     * (an ORDER BY ... LIMIT 1 of no NAVs) or NULL (an aggregate of no NAVs).
     */
    private Optional<BigDecimal> nav(String portfolioId, String sql, String column, String what) {
        Optional<UUID> id = Uuids.parse(portfolioId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, id.get());
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBigDecimal(column) != null ? Optional.of(Decimals.read(row, column)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed: " + e.getMessage(), e);
        }
    }
}
