package io.ballast.platform.app;

import io.ballast.api.plugin.ParameterSpec;
import io.ballast.platform.http.PluginPort;
import io.ballast.platform.plugins.ExtensionDescription;
import io.ballast.platform.plugins.ExtensionParameters;
import io.ballast.platform.plugins.PluginEntry;
import io.ballast.platform.plugins.PluginHost;
import io.ballast.platform.plugins.PluginRefusedException;
import io.ballast.platform.problem.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** The REST API's plugin operations, served by the plugin host. */
final class PluginHostPort implements PluginPort {

    private final PluginHost host;

    PluginHostPort(PluginHost host) {
        this.host = host;
    }

    @Override
    public PluginList list() {
        return new PluginList(host.apiVersion(), host.plugins().stream().map(PluginHostPort::view).toList());
    }

    @Override
    public Optional<PluginView> start(String pluginId) {
        try {
            return host.startPlugin(pluginId).map(PluginHostPort::view);
        } catch (PluginRefusedException refused) {
            throw new InvalidInputException("id", "plugin " + pluginId + " was refused (" + refused.refusal() + "): "
                    + refused.reason() + "; replace its jar to load it");
        }
    }

    @Override
    public Optional<PluginView> stop(String pluginId) {
        return host.stopPlugin(pluginId).map(PluginHostPort::view);
    }

    @Override
    public PluginView install(byte[] jar) {
        try {
            return view(host.install(jar));
        } catch (PluginRefusedException refused) {
            throw new InvalidInputException(field(refused), refused.reason());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in the uploaded jar is at fault: the body itself, or the manifest attribute the refusal is about. */
    private static String field(PluginRefusedException refused) {
        return switch (refused.refusal()) {
            case UNREADABLE_JAR, LOAD_FAILED -> "body";
            case NOT_A_PLUGIN -> "META-INF/MANIFEST.MF";
            case API_MISMATCH -> "Plugin-Requires";
            case DUPLICATE_PLUGIN_ID, DISABLED -> "Plugin-Id";
            case DUPLICATE_EXTENSION_ID -> "extensions";
        };
    }

    private static PluginView view(PluginEntry entry) {
        return new PluginView(entry.id(), entry.version().orElse(null), entry.jar(), entry.state().name(),
                entry.extensions().stream().map(PluginHostPort::view).toList(), entry.failureReason().orElse(null),
                entry.refusal().map(Enum::name).orElse(null));
    }

    private static ExtensionView view(ExtensionDescription extension) {
        return new ExtensionView(extension.point().wireName(), extension.id(), extension.version(), extension.description(),
                extension.parameters().stream().map(PluginHostPort::view).toList());
    }

    static ParameterView view(ParameterSpec parameter) {
        // plain values converted by the platform: Jackson never calls into a plugin's own default object
        return new ParameterView(parameter.name(), parameter.type().name(), parameter.description(),
                ExtensionParameters.plainDefault(parameter).orElse(null),
                parameter.minimum().map(bound -> ExtensionParameters.bound(parameter, bound)).orElse(null),
                parameter.maximum().map(bound -> ExtensionParameters.bound(parameter, bound)).orElse(null),
                parameter.allowedValues().isEmpty() ? null : parameter.allowedValues());
    }
}
