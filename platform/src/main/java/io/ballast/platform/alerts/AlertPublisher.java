package io.ballast.platform.alerts;

import io.ballast.api.alert.Alert;
import io.ballast.api.alert.AlertChannel;
import io.ballast.platform.problem.FailureMessages;
import io.ballast.platform.store.AlertDelivery;
import io.ballast.platform.store.AlertRepository;
import io.ballast.platform.store.StoredAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts stage's entry point: stores an alert, then delivers it to every configured alert
 * channel on its own thread, so a slow webhook never holds up the caller (the monitor, a request).
 * A delivery that fails is logged and recorded with the alert (status FAILED, the channel and the
 * reason); it is never thrown at the caller and not retried here.
 */
public final class AlertPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertPublisher.class);

    /** How long {@link #close} lets queued deliveries finish (each plugin call has its own time-out). */
    private static final long CLOSE_GRACE_SECONDS = 10;

    private final AlertRepository alerts;
    private final Function<String, Optional<AlertChannel>> channels;
    private final List<AlertRoute> routes;
    private final ExecutorService deliveries;

    /**
     * @param channels the alert channel with an extension id, e.g. {@code pluginHost::alertChannel}; looked
     *                 up at each delivery, so a plugin installed or restarted later is used
     * @param routes   where every alert goes, in order
     */
    public AlertPublisher(AlertRepository alerts, Function<String, Optional<AlertChannel>> channels, List<AlertRoute> routes) {
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.routes = List.copyOf(routes);
        // one thread: alerts reach each channel in the order they were raised
        this.deliveries = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("ballast-alerts").daemon(true).factory());
    }

    /**
     * Stores the alert (status PENDING) and queues its delivery.
     *
     * @return the stored alert's id
     * @throws io.ballast.platform.store.StoreException when it cannot be stored; then nothing is delivered
     */
    public String publish(Alert alert, Optional<String> portfolioId, Optional<String> rulesVersion) {
        Objects.requireNonNull(alert, "alert");
        String id = UUID.randomUUID().toString();
        alerts.insert(new StoredAlert(id, alert, portfolioId, rulesVersion, AlertDelivery.PENDING, Optional.empty()));
        try {
            deliveries.execute(() -> deliver(id, alert));
        } catch (RejectedExecutionException closed) {
            LOG.warn("Alert {} ({}) stored but not delivered: the platform is stopping", id, alert.title());
            alerts.recordDelivery(id, AlertDelivery.FAILED, Optional.of("not delivered: the platform was stopping"));
        }
        return id;
    }

    private void deliver(String id, Alert alert) {
        List<String> failures = new ArrayList<>();
        for (AlertRoute route : routes) {
            Optional<AlertChannel> channel = channels.apply(route.channel());
            if (channel.isEmpty()) {
                failures.add(route.channel() + ": no alert channel with that id is loaded");
                continue;
            }
            try {
                channel.get().deliver(alert, route.parameters());
            } catch (RuntimeException e) {
                failures.add(route.channel() + ": " + FailureMessages.rootCause(e));
            }
        }
        try {
            if (failures.isEmpty()) {
                alerts.recordDelivery(id, AlertDelivery.DELIVERED, Optional.empty());
            } else {
                String error = String.join("; ", failures);
                LOG.warn("Alert {} ({}) was not delivered everywhere: {}", id, alert.title(), error);
                alerts.recordDelivery(id, AlertDelivery.FAILED, Optional.of(error));
            }
        } catch (RuntimeException e) {
            LOG.warn("Alert {}: recording its delivery failed: {}", id, FailureMessages.rootCause(e));
        }
    }

    /** Lets queued deliveries finish (for up to 10 seconds), then stops. Calling it again does nothing. */
    @Override
    public void close() {
        deliveries.shutdown();
        try {
            if (!deliveries.awaitTermination(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS)) {
                LOG.warn("Alert deliveries still running after {} s; stopping them", CLOSE_GRACE_SECONDS);
                deliveries.shutdownNow();
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
