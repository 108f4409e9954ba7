package io.ballast.platform.store;

import io.ballast.platform.config.BallastConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/**
 * A fresh database on the PostgreSQL server the tests run against (127.0.0.1:5432, trust auth, the OS
 * user), dropped again on close. When the server is not there the test fails, it does not skip: CI
 * starts the server, and a skipped PostgreSQL test would hide a broken production path. Public: the
 * packaged platform's end-to-end tests serve on one too.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String USER = System.getProperty("user.name");

    private final String name;

    private PostgresTestDatabase(String name) {
        this.name = name;
    }

    public static PostgresTestDatabase create() {
        String name = "ballast_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE DATABASE " + name);
        return new PostgresTestDatabase(name);
    }

    public String jdbcUrl() {
        return SERVER + name;
    }

    public BallastConfig.Store storeConfig() {
        return new BallastConfig.Store(jdbcUrl(), USER, "", 4, Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new AssertionError("This test needs PostgreSQL at " + SERVER + "postgres as user " + USER
                    + " (trust auth); CI starts it, locally start it first. '" + sql + "' failed: " + e.getMessage(), e);
        }
    }
}
