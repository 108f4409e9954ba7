package io.ballast.platform.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The state of one component for {@code GET /health}: up or down, with details a person can act on.
 * A down component carries an {@code error} detail that says what is wrong.
 */
public record ComponentHealth(boolean up, Map<String, Object> details) {

    public ComponentHealth {
        Objects.requireNonNull(details, "details");
        details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static ComponentHealth up(Map<String, Object> details) {
        return new ComponentHealth(true, details);
    }

    public static ComponentHealth down(String error, Map<String, Object> details) {
        Map<String, Object> withError = new LinkedHashMap<>(details);
        withError.put("error", error);
        return new ComponentHealth(false, withError);
    }

    public String status() {
        return up ? "UP" : "DOWN";
    }
}
