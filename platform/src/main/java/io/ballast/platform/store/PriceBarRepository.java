package io.ballast.platform.store;

import io.ballast.api.marketdata.PriceBar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** Price bars, table {@code price_bar} (a hypertable on TimescaleDB). */
public final class PriceBarRepository {

    /** Rows per JDBC batch: large enough to amortise round trips, small enough to bound driver memory. */
    static final int BATCH_SIZE = 1_000;

    private static final String COLUMNS = "asset_id, bar_time, open, high, low, close, volume";
    /**
     * One asset's bars newest first. Ordered by the whole primary key, not bar_time alone: H2 otherwise
     * reads the asset through its foreign-key index and sorts all its bars to return the newest few; this
     * way both databases read the primary key backwards and stop at the limit.
     */
    private static final String NEWEST_FIRST = "ORDER BY asset_id DESC, bar_time DESC";

    private final DataSource dataSource;
    private final RecentBarsCache recent = new RecentBarsCache();

    public PriceBarRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts the bars in one transaction, sent in JDBC batches.
     *
     * @throws StoreException when a bar exists already, or its asset does not; then none is stored
     */
    public void saveAll(Collection<PriceBar> bars) {
        Transactions.run(dataSource, "storing " + bars.size() + " price bars", connection -> saveAll(connection, bars));
    }

    /** Inserts the bars within the caller's transaction (see {@link Store#inTransaction}). */
    public void saveAll(Connection connection, Collection<PriceBar> bars) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO price_bar (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (PriceBar bar : bars) {
                insert.setString(1, bar.asset());
                insert.setObject(2, OffsetDateTime.ofInstant(bar.time(), ZoneOffset.UTC));
                insert.setBigDecimal(3, bar.open());
                insert.setBigDecimal(4, bar.high());
                insert.setBigDecimal(5, bar.low());
                insert.setBigDecimal(6, bar.close());
                insert.setBigDecimal(7, bar.volume());
                insert.addBatch();
                if (++pending == BATCH_SIZE) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /**
     * The newest bar of each asset asked for; an asset without bars has no entry. One statement: one
     * index probe per asset on the primary key (asset_id, bar_time), read backwards.
     */
    public Map<String, PriceBar> latestBars(Collection<String> assets) {
        Set<String> distinct = new LinkedHashSet<>(assets);
        if (distinct.isEmpty()) {
            return Map.of();
        }
        String probe = "(SELECT " + COLUMNS + " FROM price_bar WHERE asset_id = ? " + NEWEST_FIRST + " LIMIT 1)";
        String sql = String.join(" UNION ALL ", Collections.nCopies(distinct.size(), probe));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            for (String asset : distinct) {
                query.setString(index++, asset);
            }
            Map<String, PriceBar> latest = new LinkedHashMap<>();
            for (PriceBar bar : read(query)) {
                latest.put(bar.asset(), bar);
            }
            return latest;
        } catch (SQLException e) {
            throw new StoreException("reading the latest bars of " + distinct + " failed: " + e.getMessage(), e);
        }
    }

    /** The asset's bars with {@code from <= time < to}, oldest first. */
    public List<PriceBar> bars(String asset, Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM price_bar"
                        + " WHERE asset_id = ? AND bar_time >= ? AND bar_time < ? ORDER BY bar_time")) {
            query.setString(1, asset);
            query.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
            query.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
            return read(query);
        } catch (SQLException e) {
            throw new StoreException("reading the bars of " + asset + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The asset's newest {@code count} bars, oldest first (fewer when it has fewer). One backwards
     * read of the primary key.
     */
    public List<PriceBar> latestBars(String asset, int count) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM price_bar"
                        + " WHERE asset_id = ? " + NEWEST_FIRST + " LIMIT ?")) {
            query.setString(1, asset);
            query.setInt(2, count);
            List<PriceBar> bars = new ArrayList<>(read(query));
            Collections.reverse(bars);
            return bars;
        } catch (SQLException e) {
            throw new StoreException("reading the latest bars of " + asset + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Each asset's newest {@code count} bars, oldest first (fewer when it has fewer, none when it has
     * none), as {@link #latestBars(String, int)} reads them. The proposals, risk checks and triggers of
     * one price day read the same year of bars again and again, so the last read of each asset is kept
     * ({@link RecentBarsCache}) and served while the table still holds exactly those bars: one statement
     * asks, for every kept asset, how many bars it has in the kept window and its newest bar time (an
     * index range of the window, not the bars' rows), then only the assets whose bars moved are read.
     */
    public Map<String, List<PriceBar>> recentBars(Collection<String> assets, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        Set<String> distinct = new LinkedHashSet<>(assets);
        Map<String, RecentBarsCache.Window> kept = new LinkedHashMap<>();
        distinct.forEach(asset -> recent.window(asset).ifPresent(window -> kept.put(asset, window)));
        Map<String, RecentBarsCache.Window> now = windowsNow(kept);
        Map<String, List<PriceBar>> bars = new LinkedHashMap<>();
        for (String asset : distinct) {
            Optional<List<PriceBar>> served = now.containsKey(asset) ? recent.newest(asset, count, now.get(asset)) : Optional.empty();
            bars.put(asset, served.orElseGet(() -> {
                List<PriceBar> read = latestBars(asset, count);
                recent.keep(asset, count, read);
                return List.copyOf(read);
            }));
        }
        return bars;
    }

    /** What the table says now of each kept window: one statement, an index range per asset. */
    private Map<String, RecentBarsCache.Window> windowsNow(Map<String, RecentBarsCache.Window> kept) {
        if (kept.isEmpty()) {
            return Map.of();
        }
        String select = "(SELECT asset_id, COUNT(*) AS bars, MAX(bar_time) AS newest FROM price_bar WHERE asset_id = ?";
        String sql = kept.values().stream()
                .map(window -> select + (window.from().isPresent() ? " AND bar_time >= ?" : "") + " GROUP BY asset_id)")
                .collect(Collectors.joining(" UNION ALL "));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            int index = 1;
            for (Map.Entry<String, RecentBarsCache.Window> window : kept.entrySet()) {
                query.setString(index++, window.getKey());
                if (window.getValue().from().isPresent()) {
                    query.setObject(index++, OffsetDateTime.ofInstant(window.getValue().from().get(), ZoneOffset.UTC));
                }
            }
            Map<String, RecentBarsCache.Window> now = new LinkedHashMap<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    String asset = row.getString("asset_id");
                    now.put(asset, new RecentBarsCache.Window(kept.get(asset).from(), row.getLong("bars"),
                            Optional.of(row.getObject("newest", OffsetDateTime.class).toInstant())));
                }
            }
            // an asset without a bar in its window has no row
            kept.forEach((asset, window) -> now.putIfAbsent(asset, new RecentBarsCache.Window(window.from(), 0, Optional.empty())));
            return now;
        } catch (SQLException e) {
            throw new StoreException("reading the recent bar windows of " + kept.keySet() + " failed: " + e.getMessage(), e);
        }
    }

    /** How far the stored prices reach: the newest bar time of all assets and the number of bars. */
    public PriceWatermark watermark() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT MAX(bar_time) AS newest, COUNT(*) AS bars FROM price_bar");
                ResultSet row = query.executeQuery()) {
            row.next();
            OffsetDateTime newest = row.getObject("newest", OffsetDateTime.class);
            return new PriceWatermark(Optional.ofNullable(newest).map(OffsetDateTime::toInstant), row.getLong("bars"));
        } catch (SQLException e) {
            throw new StoreException("reading the price watermark failed: " + e.getMessage(), e);
        }
    }

    private static List<PriceBar> read(PreparedStatement query) throws SQLException {
        List<PriceBar> bars = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                bars.add(new PriceBar(
                        row.getString("asset_id"),
                        row.getObject("bar_time", OffsetDateTime.class).toInstant(),
                        Decimals.read(row, "open"),
                        Decimals.read(row, "high"),
                        Decimals.read(row, "low"),
                        Decimals.read(row, "close"),
                        Decimals.read(row, "volume")));
            }
        }
        return bars;
    }
}
