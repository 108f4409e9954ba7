package io.ballast.platform.store;

import io.ballast.api.alert.Alert;
import java.util.Objects;
import java.util.Optional;

/**
 * An alert as the store keeps it.
 *
 * @param id            the alert's id (a UUID)
 * @param alert         what was raised; its time is stored to the microsecond
 * @param portfolioId   the portfolio it is about, if any
 * @param rulesVersion  the rule base whose decision raised it, if any
 * @param delivery      how far delivery has come
 * @param deliveryError which channels failed and why, when {@code delivery} is FAILED
 */
public record StoredAlert(String id, Alert alert, Optional<String> portfolioId, Optional<String> rulesVersion,
                          AlertDelivery delivery, Optional<String> deliveryError) {

    public StoredAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(rulesVersion, "rulesVersion");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(deliveryError, "deliveryError");
    }
}
