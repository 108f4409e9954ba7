package io.ballast.platform.store;

import io.ballast.api.portfolio.Portfolio;
import io.ballast.api.portfolio.Position;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Portfolios and their positions, tables {@code portfolio} and {@code position}. */
public final class PortfolioRepository {

    private final DataSource dataSource;

    public PortfolioRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the portfolio and all its positions in one transaction.
     *
     * @param portfolio its id must be a UUID; {@code createdAt} is stored to the microsecond
     * @throws StoreException when the id exists already or a position is refused (unknown asset, two
     *                        positions in one asset); then nothing of the portfolio is stored
     */
    public void insert(Portfolio portfolio) {
        UUID id = UUID.fromString(portfolio.id());
        Transactions.run(dataSource, "storing portfolio " + portfolio.id(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO portfolio (id, name, base_currency, cash, created_at, created_by)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, portfolio.name());
                insert.setString(3, portfolio.baseCurrency());
                insert.setBigDecimal(4, portfolio.cash());
                insert.setObject(5, OffsetDateTime.ofInstant(portfolio.createdAt(), ZoneOffset.UTC));
                insert.setString(6, portfolio.createdBy());
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO position (portfolio_id, asset_id, quantity, average_price) VALUES (?, ?, ?, ?)")) {
                for (Position position : portfolio.positions()) {
                    insert.setObject(1, id);
                    insert.setString(2, position.asset());
                    insert.setBigDecimal(3, position.quantity());
                    insert.setBigDecimal(4, position.averagePrice());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The portfolio with its positions ordered by asset; empty when there is none with that id (or it is no UUID). */
    public Optional<Portfolio> find(String id) {
        Optional<UUID> uuid = Uuids.parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        // one statement, hence one snapshot: the portfolio row and its positions as committed together
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT p.name, p.base_currency, p.cash, p.created_at, p.created_by,"
                                + " pos.asset_id, pos.quantity, pos.average_price"
                                + " FROM portfolio p LEFT JOIN position pos ON pos.portfolio_id = p.id"
                                + " WHERE p.id = ? ORDER BY pos.asset_id")) {
            query.setObject(1, uuid.get());
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String name = row.getString("name");
                String baseCurrency = row.getString("base_currency");
                BigDecimal cash = Decimals.read(row, "cash");
                Instant createdAt = row.getObject("created_at", OffsetDateTime.class).toInstant();
                String createdBy = row.getString("created_by");
                List<Position> positions = new ArrayList<>();
                do {
                    String asset = row.getString("asset_id");
                    if (asset != null) { // the one row of a portfolio without positions
                        positions.add(new Position(
                                asset, Decimals.read(row, "quantity"), Decimals.read(row, "average_price")));
                    }
                } while (row.next());
                return Optional.of(new Portfolio(uuid.get().toString(), name, baseCurrency, cash, positions, createdAt, createdBy));
            }
        } catch (SQLException e) {
            throw new StoreException("reading portfolio " + id + " failed: " + e.getMessage(), e);
        }
    }

    /** The ids of every stored portfolio, in id order. */
    public List<String> ids() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT id FROM portfolio ORDER BY id");
                ResultSet row = query.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (row.next()) {
                ids.add(row.getObject("id", UUID.class).toString());
            }
            return ids;
        } catch (SQLException e) {
            throw new StoreException("listing the portfolios failed: " + e.getMessage(), e);
        }
    }
}
