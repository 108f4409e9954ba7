package io.ballast.platform.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection, inside a transaction that {@link Store#inTransaction} commits or rolls back. */
@FunctionalInterface
public interface SqlWork {

    void run(Connection connection) throws SQLException;
}
