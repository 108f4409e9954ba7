package io.ballast.platform.store;

import org.junit.jupiter.api.AfterEach;

/** The risk records on PostgreSQL (no TimescaleDB here: portfolio_nav stays a plain table). */
class PostgresRiskRecordsTest extends RiskRecordsContractTest {

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
