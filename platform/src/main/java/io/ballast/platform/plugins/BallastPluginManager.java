package io.ballast.platform.plugins;

import java.nio.file.Path;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;

/**
 * PF4J set up for Ballast: plugins are jars, a plugin's {@code Plugin-Requires} range is checked
 * against the SPI version of {@code api/}, and the SPI types always come from the platform.
 */
final class BallastPluginManager extends DefaultPluginManager {

    /** The SPI: plugins must see the platform's copy, or their extensions would not be the platform's types. */
    static final String API_PACKAGE_PREFIX = "io.ballast.api.";

    /**
     * @param apiVersion the SPI version (semantic); PF4J refuses, as DISABLED with a failed
     *                   exception, a plugin whose {@code Plugin-Requires} range does not admit it
     */
    BallastPluginManager(Path pluginsDirectory, String apiVersion) {
        super(pluginsDirectory);
        setSystemVersion(apiVersion);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new ApiFirstJarPluginLoader(this);
    }

    private static final class ApiFirstJarPluginLoader extends JarPluginLoader {

        ApiFirstJarPluginLoader(PluginManager pluginManager) {
            super(pluginManager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor pluginDescriptor) {
            return new ApiFirstPluginClassLoader(pluginManager, pluginDescriptor, BallastPluginManager.class.getClassLoader());
        }
    }

    /**
     * PF4J's loader asks the parent first only for {@code java.*} and {@code org.pf4j.*}; for all
     * else it looks in the plugin jar first. A plugin jar that bundles its own copy of the API
     * (a shaded jar, a wrong Maven scope) would then define a second {@code Optimizer} type, and
     * its extensions would silently not be found. The API packages are therefore parent-first too.
     */
    private static final class ApiFirstPluginClassLoader extends PluginClassLoader {

        ApiFirstPluginClassLoader(PluginManager pluginManager, PluginDescriptor pluginDescriptor, ClassLoader parent) {
            super(pluginManager, pluginDescriptor, parent);
        }

        @Override
        protected boolean shouldDelegateToParent(String className) {
            return className.startsWith(API_PACKAGE_PREFIX) || super.shouldDelegateToParent(className);
        }
    }
}
