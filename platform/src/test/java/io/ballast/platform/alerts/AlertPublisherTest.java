package io.ballast.platform.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.api.alert.Alert;
import io.ballast.api.alert.AlertChannel;
import io.ballast.api.risk.Severity;
import io.ballast.platform.config.BallastConfig;
import io.ballast.platform.store.AlertDelivery;
import io.ballast.platform.store.Store;
import io.ballast.platform.store.StoredAlert;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertPublisherTest {

    static final Alert EXIT = new Alert(Severity.CRITICAL, "Hard stop-loss: exit AAA", "AAA is down 9.00%",
            Instant.parse("2025-03-03T10:00:00Z"), "rule:hard stop-loss");

    @TempDir
    Path dataDirectory;

    Store store;

    @BeforeEach
    void openStore() {
        store = Store.open(BallastConfig.defaults().store(), dataDirectory.resolve("data"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anAlertIsStoredThenDeliveredToEveryRouteWithItsParameters() {
        Recording log = new Recording("log", null);
        Recording chat = new Recording("chat", null);
        Map<String, AlertChannel> loaded = Map.of("log", log, "chat", chat);
        AlertPublisher publisher = new AlertPublisher(store.alerts(), id -> Optional.ofNullable(loaded.get(id)),
                List.of(new AlertRoute("log", Map.of()), new AlertRoute("chat", Map.of("room", "risk"))));

        String id = publisher.publish(EXIT, Optional.of("6d1f5a7e-0000-4000-8000-000000000001"), Optional.of("abc123"));
        publisher.close(); // waits for the queued delivery

        assertThat(log.received).containsExactly(EXIT);
        assertThat(chat.received).containsExactly(EXIT);
        assertThat(chat.parameters).containsExactly(Map.of("room", "risk"));
        assertThat(store.alerts().latest(10)).containsExactly(new StoredAlert(id, EXIT,
                Optional.of("6d1f5a7e-0000-4000-8000-000000000001"), Optional.of("abc123"), AlertDelivery.DELIVERED, Optional.empty()));
    }

    @Test
    void aFailingOrMissingChannelIsRecordedNotThrownAndTheOthersStillGetIt() {
        Recording broken = new Recording("webhook", "connection refused");
        Recording log = new Recording("log", null);
        Map<String, AlertChannel> loaded = Map.of("webhook", broken, "log", log);
        AlertPublisher publisher = new AlertPublisher(store.alerts(), id -> Optional.ofNullable(loaded.get(id)),
                List.of(new AlertRoute("webhook", Map.of()), new AlertRoute("email", Map.of()), new AlertRoute("log", Map.of())));

        String id = publisher.publish(EXIT, Optional.empty(), Optional.empty());
        publisher.close();

        assertThat(log.received).containsExactly(EXIT);
        StoredAlert stored = store.alerts().latest(1).getFirst();
        assertThat(stored.id()).isEqualTo(id);
        assertThat(stored.delivery()).isEqualTo(AlertDelivery.FAILED);
        assertThat(stored.deliveryError()).contains(
                "webhook: connection refused; email: no alert channel with that id is loaded");
    }

    @Test
    void anAlertPublishedAfterCloseIsStoredAndMarkedUndelivered() {
        Recording log = new Recording("log", null);
        AlertPublisher publisher = new AlertPublisher(store.alerts(), id -> Optional.of(log), List.of(new AlertRoute("log", Map.of())));
        publisher.close();

        publisher.publish(EXIT, Optional.empty(), Optional.empty());

        assertThat(log.received).isEmpty();
        assertThat(store.alerts().latest(1).getFirst().delivery()).isEqualTo(AlertDelivery.FAILED);
    }

    /** An alert channel that records what it receives, or fails with {@code failure} when it is not null. */
    static final class Recording implements AlertChannel {
        final String id;
        final String failure;
        final List<Alert> received = new CopyOnWriteArrayList<>();
        final List<Map<String, Object>> parameters = new CopyOnWriteArrayList<>();

        Recording(String id, String failure) {
            this.id = id;
            this.failure = failure;
        }

        @Override
        public void deliver(Alert alert, Map<String, Object> params) {
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            received.add(alert);
            parameters.add(params);
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String version() {
            return "1";
        }

        @Override
        public String description() {
            return "records alerts";
        }

        @Override
        public List<io.ballast.api.plugin.ParameterSpec> parameters() {
            return List.of();
        }
    }
}
