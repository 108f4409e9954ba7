package io.ballast.platform.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** {@code listPlugins}, {@code installPlugin}, {@code startPlugin} and {@code stopPlugin}. */
final class PluginHandlers {

    private final PluginPort plugins;

    PluginHandlers(PluginPort plugins) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
    }

    void list(RoutingContext rc) {
        rc.vertx()
                .executeBlocking(plugins::list, false)
                .onSuccess(list -> JsonBodies.send(rc, 200, list))
                .onFailure(rc::fail);
    }

    /** The body is the jar, as the contract let it through (a jar or octet-stream body, within the size limit). */
    void install(RoutingContext rc) {
        byte[] jar = rc.body().buffer().getBytes();
        rc.vertx()
                .executeBlocking(() -> plugins.install(jar), false)
                .onSuccess(installed -> JsonBodies.send(rc, 201, installed))
                .onFailure(rc::fail);
    }

    void start(RoutingContext rc) {
        change(rc, plugins::start);
    }

    void stop(RoutingContext rc) {
        change(rc, plugins::stop);
    }

    private static void change(RoutingContext rc, Function<String, Optional<PluginPort.PluginView>> action) {
        String id = rc.pathParam("id");
        rc.vertx()
                .executeBlocking(() -> action.apply(id), false)
                .onSuccess(changed -> changed.ifPresentOrElse(
                        plugin -> JsonBodies.send(rc, 200, plugin),
                        () -> rc.fail(new ResourceNotFoundException("plugin", id))))
                .onFailure(rc::fail);
    }
}
