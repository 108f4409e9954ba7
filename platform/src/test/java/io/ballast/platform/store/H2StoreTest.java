package io.ballast.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.platform.config.BallastConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: an H2 file database in a fresh data directory. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    Path dataDirectory;

    @Override
    Store openFreshStore() {
        return Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
    }

    @Override
    String expectedSchemaVersion() {
        return "6";
    }

    @Override
    String expectedVendor() {
        return "h2";
    }

    @Test
    void theEmbeddedDatabaseIsAFileInTheDataDirectoryThatKeepsItsDataAcrossRestarts() {
        store.instruments().saveAll(List.of(AAA));
        store.close();

        assertThat(dataDirectory.resolve("data/ballast.mv.db")).isRegularFile();
        assertThat(store.health().details()).doesNotContainKey("url");
        try (Store reopened = Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"))) {
            assertThat(reopened.instruments().findAll()).containsExactly(AAA);
            assertThat(reopened.health().details()).containsEntry("schemaVersion", "6");
        }
    }
}
