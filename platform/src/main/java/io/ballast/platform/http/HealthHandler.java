package io.ballast.platform.http;

import io.ballast.platform.health.ComponentHealth;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** {@code GET /health}: 200 when every component is up, 503 when any is down. */
final class HealthHandler {

    private record HealthBody(String status, Map<String, Map<String, Object>> components) {}

    private final Supplier<Map<String, ComponentHealth>> components;

    HealthHandler(Supplier<Map<String, ComponentHealth>> components) {
        this.components = Objects.requireNonNull(components, "components");
    }

    void handle(RoutingContext rc) {
        // a component's health() may ask its database or engine: off the event loop
        rc.vertx()
                .executeBlocking(components::get, false)
                .onSuccess(health -> {
                    // each component: its status, then its details beside it ({"status":"UP","mode":"embedded",...})
                    Map<String, Map<String, Object>> bodies = new LinkedHashMap<>();
                    health.forEach((name, component) -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("status", component.status());
                        body.putAll(component.details());
                        bodies.put(name, body);
                    });
                    boolean allUp = health.values().stream().allMatch(ComponentHealth::up);
                    JsonBodies.send(rc, allUp ? 200 : 503, new HealthBody(allUp ? "UP" : "DOWN", bodies));
                })
                .onFailure(rc::fail);
    }
}
