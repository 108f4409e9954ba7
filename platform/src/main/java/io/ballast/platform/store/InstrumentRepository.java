package io.ballast.platform.store;

import io.ballast.api.marketdata.AssetClass;
import io.ballast.api.marketdata.Instrument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The tradable assets, table {@code asset}. */
public final class InstrumentRepository {

    private static final String COLUMNS = "id, name, asset_class, sector, currency";

    private final DataSource dataSource;

    public InstrumentRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the instruments in one transaction.
     *
     * @throws StoreException when one of them exists already (or another failure); then none is stored
     */
    public void saveAll(Collection<Instrument> instruments) {
        Transactions.run(dataSource, "storing " + instruments.size() + " instruments",
                connection -> saveAll(connection, instruments));
    }

    /** Inserts the instruments within the caller's transaction (see {@link Store#inTransaction}). */
    public void saveAll(Connection connection, Collection<Instrument> instruments) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO asset (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)")) {
            for (Instrument instrument : instruments) {
                insert.setString(1, instrument.id());
                insert.setString(2, instrument.name());
                insert.setString(3, instrument.assetClass().name());
                insert.setString(4, instrument.sector());
                insert.setString(5, instrument.currency());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** All instruments, ordered by id. */
    public List<Instrument> findAll() {
        return query("SELECT " + COLUMNS + " FROM asset ORDER BY id", null);
    }

    public Optional<Instrument> find(String id) {
        return query("SELECT " + COLUMNS + " FROM asset WHERE id = ?", id).stream().findFirst();
    }

    public long count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM asset");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("counting instruments failed: " + e.getMessage(), e);
        }
    }

    private List<Instrument> query(String sql, String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            if (id != null) {
                query.setString(1, id);
            }
            List<Instrument> instruments = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    instruments.add(new Instrument(
                            row.getString("id"),
                            row.getString("name"),
                            AssetClass.valueOf(row.getString("asset_class")),
                            row.getString("sector"),
                            row.getString("currency")));
                }
            }
            return instruments;
        } catch (SQLException e) {
            throw new StoreException("reading instruments failed: " + e.getMessage(), e);
        }
    }
}
