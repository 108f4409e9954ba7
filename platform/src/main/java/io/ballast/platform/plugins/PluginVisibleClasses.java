package io.ballast.platform.plugins;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent class loader of every plugin: the JDK, plus from the platform's class path only the
 * SPI ({@code io.ballast.api}), PF4J ({@code org.pf4j}, whose {@code Plugin} and {@code Extension}
 * plugins use) and the SLF4J API ({@code org.slf4j}, so plugins log into the platform's log).
 * Everything else of the platform (its internals, Vert.x, Jackson, Drools...) is not there for
 * plugins, which carry their own libraries.
 *
 * <p>This is class-path isolation, not a security boundary: plugin code runs with the platform's permissions.
 */
final class PluginVisibleClasses extends ClassLoader {

    /** Class name prefixes plugins see from the platform. */
    static final List<String> PACKAGES = List.of("io.ballast.api.", "org.pf4j.", "org.slf4j.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader platform;

    /** @param platform the loader of the platform's class path, where the visible packages come from */
    PluginVisibleClasses(ClassLoader platform) {
        super("ballast-plugin-visible", ClassLoader.getPlatformClassLoader());
        this.platform = platform;
    }

    static boolean isVisible(String className) {
        return PACKAGES.stream().anyMatch(className::startsWith);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        if (isVisible(name)) {
            return platform.loadClass(name);
        }
        throw hidden(name, null);
    }

    /**
     * The failure to give a plugin that did not find a class: when the platform has that class,
     * one that says why the plugin cannot have it, so its author knows to bundle their own copy.
     */
    ClassNotFoundException explain(String name, ClassNotFoundException notFound) {
        boolean platformHasIt = !isVisible(name) && platform.getResource(name.replace('.', '/') + ".class") != null;
        return platformHasIt ? hidden(name, notFound) : notFound;
    }

    private static ClassNotFoundException hidden(String name, ClassNotFoundException cause) {
        return new ClassNotFoundException(name + " is not visible to plugins: they see the JDK and, of the platform, only "
                + String.join(", ", PACKAGES.stream().map(prefix -> prefix + "*").toList())
                + "; a plugin bundles the other libraries it needs", cause);
    }

    @Override
    protected URL findResource(String name) {
        return isVisibleResource(name) ? platform.getResource(name) : null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        return isVisibleResource(name) ? platform.getResources(name) : Collections.emptyEnumeration();
    }

    private static boolean isVisibleResource(String name) {
        return isVisible(name.replace('/', '.'));
    }
}
