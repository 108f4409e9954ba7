package io.ballast.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the plugin operations of the REST API need from the plugin stage. Every method may block
 * (a start, stop or install waits for the plugin's own code, up to its timeout); the API calls
 * them off the event loop. The records are the contract's Plugin schemas as they go on the wire.
 */
public interface PluginPort {

    /** Every jar of the plugins folder. */
    PluginList list();

    /**
     * Starts a stopped or failed plugin.
     *
     * @return its entry afterwards (state FAILED when it did not start); empty when there is no plugin with that id
     * @throws io.ballast.platform.problem.InvalidInputException when the id is a refused jar's (field {@code id})
     */
    Optional<PluginView> start(String pluginId);

    /** Stops a plugin; empty when there is no plugin with that id. */
    Optional<PluginView> stop(String pluginId);

    /**
     * Installs a plugin jar (checked, loaded and started first; written into the folder only then).
     *
     * @throws io.ballast.platform.problem.InvalidInputException when the jar is refused; nothing was written
     */
    PluginView install(byte[] jar);

    /** @param apiVersion the plugin SPI version this platform provides */
    record PluginList(String apiVersion, List<PluginView> plugins) {
        public PluginList {
            Objects.requireNonNull(apiVersion, "apiVersion");
            plugins = List.copyOf(plugins);
        }
    }

    /**
     * @param version       null when unknown
     * @param state         STARTED, STOPPED or FAILED
     * @param failureReason null when there is none
     * @param refusal       for a jar never loaded, the kind of refusal; null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PluginView(String id, String version, String jar, String state, List<ExtensionView> extensions, String failureReason,
            String refusal) {
        public PluginView {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(state, "state");
            extensions = List.copyOf(extensions);
        }
    }

    /** @param point optimizer, strategy, market-data-source, execution-venue or alert-channel */
    record ExtensionView(String point, String id, String version, String description, List<ParameterView> parameters) {
        public ExtensionView {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * @param defaultValue  a plain JSON value (number, text, boolean or object of numbers); null when the parameter is required
     * @param minimum       null for none; a whole number for an INTEGER parameter
     * @param maximum       null for none; a whole number for an INTEGER parameter
     * @param allowedValues the only values a text parameter takes; null for any
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ParameterView(String name, String type, String description,
            @JsonProperty("default") Object defaultValue, Number minimum, Number maximum, List<String> allowedValues) {

        public ParameterView(String name, String type, String description, Object defaultValue, Number minimum, Number maximum) {
            this(name, type, description, defaultValue, minimum, maximum, null);
        }
    }
}
