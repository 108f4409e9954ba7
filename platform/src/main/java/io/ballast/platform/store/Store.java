package io.ballast.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ballast.platform.app.StartupException;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.health.ComponentHealth;
import io.ballast.platform.problem.FailureMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store stage: a pooled connection to H2 (embedded default) or PostgreSQL/TimescaleDB, with the
 * schema migrated to the latest version before anything uses it, and the repositories over it.
 *
 * <p>All calls block on JDBC; callers on an event loop run them on a worker thread. Open it first
 * and close it last: every other stage reads or writes through it.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    private static final String POOL_NAME = "ballast-store";
    private static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;

    private final HikariDataSource pool;
    private final String vendor;
    private final String displayUrl;
    private final boolean timescale;
    private final InstrumentRepository instruments;
    private final PriceBarRepository priceBars;
    private final PortfolioRepository portfolios;
    private final RiskEvaluationRepository riskEvaluations;
    private final AlertRepository alerts;
    private final PortfolioNavRepository portfolioNavs;
    private final RebalanceRepository rebalances;

    private Store(HikariDataSource pool, String vendor, String displayUrl, boolean timescale) {
        this.pool = pool;
        this.vendor = vendor;
        this.displayUrl = displayUrl;
        this.timescale = timescale;
        this.instruments = new InstrumentRepository(pool);
        this.priceBars = new PriceBarRepository(pool);
        this.portfolios = new PortfolioRepository(pool);
        this.riskEvaluations = new RiskEvaluationRepository(pool);
        this.alerts = new AlertRepository(pool);
        this.portfolioNavs = new PortfolioNavRepository(pool);
        this.rebalances = new RebalanceRepository(pool);
    }

    /**
     * Connects and migrates. An empty {@code jdbcUrl} means the embedded H2 file database
     * {@code <dataDirectory>/ballast.mv.db}; the folder is created when missing.
     *
     * @throws StartupException when the database cannot be reached or the schema cannot be migrated;
     *                          the one-line message names the JDBC URL (never the password) and the cause
     */
    public static Store open(BallastConfig.Store config, Path dataDirectory) {
        String jdbcUrl = config.jdbcUrl().isEmpty() ? embeddedUrl(dataDirectory) : config.jdbcUrl();
        String vendor = jdbcUrl.startsWith("jdbc:h2:") ? "h2" : "postgresql";
        String displayUrl = BallastConfig.Store.redacted(jdbcUrl);

        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(config, jdbcUrl));
        } catch (RuntimeException e) {
            throw new StartupException("store.jdbcUrl " + displayUrl + ": cannot connect: " + FailureMessages.rootCause(e), e);
        }
        try {
            migrate(pool, vendor);
            boolean timescale = "postgresql".equals(vendor) && isHypertable(pool, "price_bar");
            Store store = new Store(pool, vendor, displayUrl, timescale);
            LOG.info("Store open: {} ({}{})", displayUrl, vendor, timescale ? ", price_bar is a TimescaleDB hypertable" : "");
            return store;
        } catch (FlywayException | SQLException e) {
            pool.close();
            throw new StartupException("store.jdbcUrl " + displayUrl + ": migrating the schema failed: " + describe(e), e);
        } catch (RuntimeException e) {
            pool.close();
            throw new StartupException("store.jdbcUrl " + displayUrl + ": " + FailureMessages.rootCause(e), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    /** {@code h2} or {@code postgresql}. */
    public String vendor() {
        return vendor;
    }

    /** Whether {@code price_bar} is a TimescaleDB hypertable (PostgreSQL with the extension). */
    public boolean timescale() {
        return timescale;
    }

    public InstrumentRepository instruments() {
        return instruments;
    }

    public PriceBarRepository priceBars() {
        return priceBars;
    }

    public PortfolioRepository portfolios() {
        return portfolios;
    }

    public RiskEvaluationRepository riskEvaluations() {
        return riskEvaluations;
    }

    public AlertRepository alerts() {
        return alerts;
    }

    public PortfolioNavRepository portfolioNavs() {
        return portfolioNavs;
    }

    public RebalanceRepository rebalances() {
        return rebalances;
    }

    /**
     * Runs work that spans several repositories (e.g. instruments and their bars) in one transaction:
     * all of it is stored, or none.
     *
     * @throws StoreException when the work or the commit fails; everything it did is rolled back
     */
    public void inTransaction(String what, SqlWork work) {
        Transactions.run(pool, what, work);
    }

    /**
     * Asks the database for the current schema version with a short query timeout. Waiting for a free
     * connection is bounded by {@code store.connectTimeout}.
     */
    public ComponentHealth health() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("vendor", vendor); // not the URL: /health is open, and the URL names hosts and databases
        details.put("timescale", timescale);
        try (Connection connection = pool.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL"
                                + " ORDER BY installed_rank DESC LIMIT 1")) {
            query.setQueryTimeout(HEALTH_QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = query.executeQuery()) {
                details.put("schemaVersion", row.next() ? row.getString(1) : "none");
            }
            return ComponentHealth.up(details);
        } catch (SQLException | RuntimeException e) {
            return ComponentHealth.down(FailureMessages.rootCause(e), details);
        }
    }

    /** Closes the pool; the embedded H2 database closes with its last connection. Calling it again does nothing. */
    @Override
    public void close() {
        if (!pool.isClosed()) {
            pool.close();
            LOG.info("Store closed: {}", displayUrl);
        }
    }

    private static String embeddedUrl(Path dataDirectory) {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StartupException("dataDirectory " + directory + ": cannot create the store folder: " + e, e);
        }
        // H2 refuses relative paths, hence absolute. PostgreSQL mode plus lower-case identifiers and
        // NULLs sorting high make H2 read and order like PostgreSQL, so one set of SQL serves both.
        // AUTO_SERVER stays off (its default): one process owns the file, a second one fails fast
        // with "database may be already in use" instead of sharing it over TCP.
        return "jdbc:h2:file:" + directory.resolve("ballast")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    private static HikariConfig poolConfig(BallastConfig.Store config, String jdbcUrl) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName(POOL_NAME);
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername(config.username());
        pool.setPassword(config.password());
        pool.setMaximumPoolSize(config.maximumPoolSize());
        pool.setConnectionTimeout(config.connectTimeout().toMillis());
        // wait up to connectTimeout for the first connection too, so a database that is still
        // starting (a container next to us) does not fail the start-up at once
        pool.setInitializationFailTimeout(config.connectTimeout().toMillis());
        return pool;
    }

    private static void migrate(DataSource dataSource, String vendor) {
        List<String> locations = new ArrayList<>(List.of("classpath:db/migration/common"));
        // Flyway itself has no {vendor} placeholder; a vendor without its own folder just has none
        if (Store.class.getClassLoader().getResource("db/migration/" + vendor) != null) {
            locations.add("classpath:db/migration/" + vendor);
        }
        var result = Flyway.configure(Store.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .validateMigrationNaming(true)
                .load()
                .migrate();
        LOG.info("Schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
    }

    private static boolean isHypertable(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // the view only exists with the extension, so ask about the extension first
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM pg_extension WHERE extname = 'timescaledb'");
                    ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return false;
                }
            }
            boolean hypertable;
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM timescaledb_information.hypertables"
                            + " WHERE hypertable_schema = current_schema() AND hypertable_name = ?")) {
                query.setString(1, table);
                try (ResultSet row = query.executeQuery()) {
                    hypertable = row.next();
                }
            }
            if (!hypertable) {
                // the versioned migration ran before the extension was installed, and will not run again
                LOG.warn("TimescaleDB is installed but {} is a plain table: convert it once with"
                        + " SELECT create_hypertable('{}', 'bar_time', chunk_time_interval => INTERVAL '30 days', migrate_data => TRUE)",
                        table, table);
            }
            return hypertable;
        }
    }

    /** Flyway's own first line (which migration) plus the database's reason, on one line. */
    private static String describe(Exception e) {
        String own = FailureMessages.firstLine(e.getMessage());
        String root = FailureMessages.rootCause(e);
        return own.contains(root) ? own : own + " (" + root + ")";
    }
}
