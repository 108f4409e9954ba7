package io.ballast.platform.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs work in one transaction: all of it is committed, or on any failure none of it. */
final class Transactions {

    /** Work in a transaction that answers a value. */
    @FunctionalInterface
    interface SqlCall<T> {

        T call(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    static void run(DataSource dataSource, String what, SqlWork work) {
        call(dataSource, what, connection -> {
            work.run(connection);
            return null;
        });
    }

    /** As {@link #run}, answering what the work answered once it is committed. */
    static <T> T call(DataSource dataSource, String what, SqlCall<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.call(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            } finally {
                // the connection goes back to a pool that expects it as it was lent
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(what + " failed, nothing stored: " + e.getMessage(), e);
        }
    }

    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
