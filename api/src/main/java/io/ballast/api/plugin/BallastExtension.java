package io.ballast.api.plugin;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * What every Ballast extension tells the platform about itself, so the API can list it and
 * validate a caller's parameters before the extension is ever called.
 */
public interface BallastExtension extends ExtensionPoint {

    /** A stable id, unique within its extension point, e.g. {@code equal-weight}. Never changes between versions. */
    String id();

    /** The extension's own version (semantic), e.g. {@code 1.0.0}. */
    String version();

    /** One sentence a user reads in the plugin list. */
    String description();

    /** The parameters this extension accepts; empty when it takes none. */
    List<ParameterSpec> parameters();
}
