package io.ballast.platform.store;

import org.junit.jupiter.api.AfterEach;

/** The store contract on the production database: a fresh PostgreSQL database per test (no TimescaleDB here). */
class PostgresStoreTest extends StoreContractTest {

    private PostgresTestDatabase database;

    @Override
    Store openFreshStore() {
        database = PostgresTestDatabase.create();
        return Store.open(database.storeConfig(), java.nio.file.Path.of("unused-for-postgresql"));
    }

    @Override
    String expectedSchemaVersion() {
        return "6";
    }

    @Override
    String expectedVendor() {
        return "postgresql";
    }

    @AfterEach
    void dropDatabase() {
        store.close(); // before the database goes; runs ahead of the superclass's @AfterEach
        if (database != null) {
            database.close();
        }
    }
}
