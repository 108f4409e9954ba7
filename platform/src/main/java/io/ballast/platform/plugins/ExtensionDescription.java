package io.ballast.platform.plugins;

import io.ballast.api.plugin.ParameterSpec;
import java.util.List;
import java.util.Objects;

/**
 * What an extension says about itself, read once when its plugin started (listing plugins never
 * calls plugin code).
 *
 * @param point       the extension point it implements
 * @param id          its id, unique within the point across all plugins
 * @param version     its own version
 * @param description one sentence for the plugin list
 * @param parameters  the parameters it accepts
 */
public record ExtensionDescription(BallastExtensionPoint point, String id, String version, String description,
        List<ParameterSpec> parameters) {

    public ExtensionDescription {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }

    @Override
    public String toString() {
        return point.wireName() + " " + id;
    }
}
