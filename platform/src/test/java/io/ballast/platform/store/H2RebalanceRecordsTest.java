package io.ballast.platform.store;

import io.ballast.platform.config.BallastConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class H2RebalanceRecordsTest extends RebalanceRecordsContractTest {

    @TempDir
    Path dataDirectory;

    @Override
    Store openFreshStore() {
        return Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
    }
}
