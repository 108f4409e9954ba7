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
 * against the SPI version of {@code api/}, a plugin's class loader sees of the platform only what
 * {@link PluginVisibleClasses} lets through, and the shared types always come from the platform.
 *
 * <p>The host gives each plugin a manager of its own, so a new version of a plugin can be loaded and
 * started while the old one still runs (PF4J holds one plugin per id in a manager); plugins
 * therefore cannot depend on each other.
 */
final class BallastPluginManager extends DefaultPluginManager {

    /** Loaded from the platform even when a plugin jar carries its own copy (see {@link ApiFirstPluginClassLoader}). */
    static final String API_PACKAGE_PREFIX = "io.ballast.api.";
    static final String SLF4J_PACKAGE_PREFIX = "org.slf4j.";

    private final ClassLoader pluginParent;

    /**
     * @param pluginsFolder the plugins folder, where PF4J reads {@code enabled.txt} and {@code disabled.txt}
     * @param apiVersion    the SPI version (semantic) plugins' ranges are checked against
     * @param pluginParent  the parent of the plugin's class loader
     */
    BallastPluginManager(Path pluginsFolder, String apiVersion, ClassLoader pluginParent) {
        super(pluginsFolder);
        this.pluginParent = pluginParent;
        setSystemVersion(apiVersion);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new ApiFirstJarPluginLoader(this);
    }

    private final class ApiFirstJarPluginLoader extends JarPluginLoader {

        ApiFirstJarPluginLoader(PluginManager pluginManager) {
            super(pluginManager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor pluginDescriptor) {
            return new ApiFirstPluginClassLoader(pluginManager, pluginDescriptor, pluginParent);
        }
    }

    /**
     * PF4J's loader asks the parent first only for {@code java.*} and {@code org.pf4j.*}; for all
     * else it looks in the plugin jar first. A plugin jar that bundles its own copy of the API
     * (a shaded jar, a wrong Maven scope) would then define a second {@code Optimizer} type, and
     * its extensions would silently not be found; one that bundles SLF4J would log nowhere. These
     * packages are therefore parent-first too.
     */
    private static final class ApiFirstPluginClassLoader extends PluginClassLoader {

        ApiFirstPluginClassLoader(PluginManager pluginManager, PluginDescriptor pluginDescriptor, ClassLoader parent) {
            super(pluginManager, pluginDescriptor, parent);
        }

        @Override
        public Class<?> loadClass(String className) throws ClassNotFoundException {
            try {
                return super.loadClass(className);
            } catch (ClassNotFoundException notFound) {
                throw getParent() instanceof PluginVisibleClasses visible ? visible.explain(className, notFound) : notFound;
            }
        }

        @Override
        protected boolean shouldDelegateToParent(String className) {
            return className.startsWith(API_PACKAGE_PREFIX) || className.startsWith(SLF4J_PACKAGE_PREFIX)
                    || super.shouldDelegateToParent(className);
        }
    }
}
