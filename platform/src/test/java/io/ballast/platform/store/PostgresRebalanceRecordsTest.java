package io.ballast.platform.store;

import org.junit.jupiter.api.AfterEach;

/** The rebalance records on PostgreSQL, each test in a fresh database of its own. */
class PostgresRebalanceRecordsTest extends RebalanceRecordsContractTest {

    private PostgresTestDatabase database;

    @Override
    Store openFreshStore() {
        database = PostgresTestDatabase.create();
        return Store.open(database.storeConfig(), java.nio.file.Path.of("unused-for-postgresql"));
    }

    @AfterEach
    void dropDatabase() {
        store.close();
        if (database != null) {
            database.close();
        }
    }
}
