package io.ballast.platform.plugins;

import io.ballast.platform.problem.FailureMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.pf4j.DefaultVersionManager;
import org.pf4j.VersionManager;

/**
 * What a plugin jar declares, where PF4J reads it: its {@code plugin.properties} when it has one,
 * else its manifest's {@code Plugin-*} attributes. Read before PF4J loads anything, so that a jar is refused with a
 * reason that says what is wrong with it.
 *
 * @param id          Plugin-Id
 * @param version     Plugin-Version
 * @param requires    Plugin-Requires: the range of Ballast API versions it works with, e.g. {@code ^1.1.0}; empty when not declared
 * @param description Plugin-Description; empty when not declared
 */
record PluginJar(String id, String version, Optional<String> requires, String description) {

    private static final VersionManager VERSIONS = new DefaultVersionManager();

    /**
     * @throws PluginRefusedException {@link Refusal#UNREADABLE_JAR} or {@link Refusal#NOT_A_PLUGIN}
     */
    static PluginJar read(Path jar) throws PluginRefusedException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            Attributes attributes = manifest == null ? new Attributes() : manifest.getMainAttributes();
            ZipEntry propertiesEntry = file.getEntry("plugin.properties");
            if (propertiesEntry != null) {
                // PF4J reads plugin.properties before the manifest: so must this
                Properties properties = new Properties();
                try (InputStream in = file.getInputStream(propertiesEntry)) {
                    properties.load(in);
                }
                return declared(properties.getProperty("plugin.id"), properties.getProperty("plugin.version"),
                        properties.getProperty("plugin.requires"), properties.getProperty("plugin.description"), "plugin.properties");
            }
            return declared(attributes.getValue("Plugin-Id"), attributes.getValue("Plugin-Version"),
                    attributes.getValue("Plugin-Requires"), attributes.getValue("Plugin-Description"), "manifest");
        } catch (IOException | SecurityException e) {
            throw new PluginRefusedException(Refusal.UNREADABLE_JAR, "not a readable jar file: " + FailureMessages.causeChain(e));
        }
    }

    private static PluginJar declared(String id, String version, String requires, String description, String where)
            throws PluginRefusedException {
        if (blank(id)) {
            throw new PluginRefusedException(Refusal.NOT_A_PLUGIN, where.equals("manifest")
                    ? "not a plugin: its manifest has no Plugin-Id (and it has no plugin.properties)"
                    : "not a plugin: its plugin.properties has no plugin.id");
        }
        if (blank(version)) {
            throw new PluginRefusedException(Refusal.NOT_A_PLUGIN, "plugin " + id.strip() + ": its " + where + " has no "
                    + (where.equals("manifest") ? "Plugin-Version" : "plugin.version"));
        }
        return new PluginJar(id.strip(), version.strip(), blank(requires) ? Optional.empty() : Optional.of(requires.strip()),
                blank(description) ? "" : description.strip());
    }

    /**
     * @throws PluginRefusedException {@link Refusal#API_MISMATCH} when the jar declares no range,
     *                                a malformed one, or one that does not admit {@code apiVersion}
     */
    void requireApi(String apiVersion) throws PluginRefusedException {
        String range = requires.orElseThrow(() -> new PluginRefusedException(Refusal.API_MISMATCH, "plugin " + id
                + " declares no Plugin-Requires range of the Ballast API; this platform provides " + apiVersion
                + " (declare e.g. ^" + apiVersion + ")").of(this));
        boolean admitted;
        try {
            admitted = VERSIONS.checkVersionConstraint(apiVersion, range);
        } catch (RuntimeException malformed) {
            throw new PluginRefusedException(Refusal.API_MISMATCH, "plugin " + id + ": Plugin-Requires '" + range
                    + "' is not a version range: " + FailureMessages.causeChain(malformed)).of(this);
        }
        if (!admitted) {
            throw new PluginRefusedException(Refusal.API_MISMATCH, "plugin " + id + " requires Ballast API " + range
                    + ", this platform provides " + apiVersion).of(this);
        }
        // a major version may break plugins: a range that admits the next one (e.g. "*", ">=1.0.0") promises what no one knows
        String nextMajor = (majorOf(apiVersion) + 1) + ".0.0";
        if (VERSIONS.checkVersionConstraint(nextMajor, range)) {
            throw new PluginRefusedException(Refusal.API_MISMATCH, "plugin " + id + ": Plugin-Requires '" + range
                    + "' has no upper bound below the next major version " + nextMajor + " of the Ballast API (declare e.g. ^"
                    + apiVersion + ")").of(this);
        }
    }

    private static int majorOf(String version) {
        return Integer.parseInt(version.split("[.-]", 2)[0]);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
