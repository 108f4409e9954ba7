package io.ballast.platform.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Plugin jars for tests: the real bundled equal-weight jar, copies of it with an edited manifest,
 * and plugins compiled here from source with the JDK's compiler (PF4J manifest and
 * {@code META-INF/extensions.idx} written by hand, as PF4J's annotation processor would).
 */
final class TestPluginJars {

    /** The SPI version this build provides; test plugins require {@code ^} of it. */
    static final String API_VERSION = "1.2.0";

    private TestPluginJars() {
    }

    /** The jar of {@code plugins/optimizer-equal-weight}, built earlier in the same reactor; tests run in platform/. */
    static Path equalWeightJar() {
        Path target = Path.of("..", "plugins", "optimizer-equal-weight", "target");
        try (Stream<Path> files = Files.list(target)) {
            return files
                    .filter(file -> file.getFileName().toString().matches("ballast-optimizer-equal-weight-[0-9.]+(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no plugin jar in " + target + ": build with -am"));
        } catch (IOException e) {
            throw new UncheckedIOException("no plugin jar in " + target + ": build with -am", e);
        }
    }

    /** Copies a jar, editing its manifest's main attributes and adding entries. */
    static Path copyJar(Path source, Path target, Consumer<Attributes> editManifest, Map<String, byte[]> extraEntries) {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            editManifest.accept(manifest.getMainAttributes());
            Map<String, byte[]> entries = new LinkedHashMap<>();
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
            entries.putAll(extraEntries);
            writeJar(target, manifest, entries);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The equal-weight jar as another version of the same plugin. */
    static Path equalWeightVersion(Path target, String version) {
        return copyJar(equalWeightJar(), target, manifest -> manifest.putValue("Plugin-Version", version), Map.of());
    }

    static byte[] classBytes(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A plugin compiled here, against the test class path (the platform's api and PF4J). */
    static CompiledPlugin plugin(String pluginId) {
        return new CompiledPlugin(pluginId);
    }

    /**
     * The source of an optimizer class {@code test.<package>.<simpleName>} with id {@code extensionId},
     * whose {@code optimize(OptimizationRequest request)} runs {@code body}.
     */
    static String optimizerSource(String packageName, String simpleName, String extensionId, String body) {
        return """
                package %s;

                import io.ballast.api.optimizer.*;
                import io.ballast.api.plugin.ParameterSpec;
                import java.util.*;

                public class %s implements Optimizer {
                    public String id() { return "%s"; }
                    public String version() { return "1.0.0"; }
                    public String description() { return "test optimizer"; }
                    public List<ParameterSpec> parameters() { return List.of(); }
                    public TargetWeights optimize(OptimizationRequest request) {
                        %s
                    }
                }
                """.formatted(packageName, simpleName, extensionId, body);
    }

    static final class CompiledPlugin {

        private final String pluginId;
        private String version = "1.0.0";
        private String requires = "^" + API_VERSION;
        private String pluginClass;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final List<String> extensions = new ArrayList<>();

        private CompiledPlugin(String pluginId) {
            this.pluginId = pluginId;
        }

        CompiledPlugin version(String pluginVersion) {
            this.version = pluginVersion;
            return this;
        }

        /** @param range the Plugin-Requires value; null leaves it out */
        CompiledPlugin requires(String range) {
            this.requires = range;
            return this;
        }

        /** The PF4J {@code Plugin} subclass, compiled into the jar and named as Plugin-Class. */
        CompiledPlugin pluginClass(String className, String source) {
            this.pluginClass = className;
            return source(className, source);
        }

        /** A class that is compiled into the jar but not listed as an extension. */
        CompiledPlugin source(String className, String source) {
            sources.put(className, source);
            return this;
        }

        /** A class compiled into the jar and listed in {@code META-INF/extensions.idx}. */
        CompiledPlugin extension(String className, String source) {
            extensions.add(className);
            return source(className, source);
        }

        /** A class listed in {@code META-INF/extensions.idx} that the jar does not hold. */
        CompiledPlugin missingExtension(String className) {
            extensions.add(className);
            return this;
        }

        Path writeTo(Path jar) {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
                Path classes = Files.createTempDirectory("test-plugin-classes-");
                files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
                List<JavaFileObject> units = new ArrayList<>();
                sources.forEach((name, source) -> units.add(new SourceText(name, source)));
                List<String> options = List.of("--release", "21", "-proc:none",
                        "-classpath", System.getProperty("java.class.path"));
                if (!compiler.getTask(null, files, null, options, null, units).call()) {
                    throw new IllegalStateException("test plugin " + pluginId + " does not compile");
                }
                Map<String, byte[]> entries = new LinkedHashMap<>();
                try (Stream<Path> compiled = Files.walk(classes)) {
                    for (Path file : compiled.filter(Files::isRegularFile).sorted().toList()) {
                        entries.put(classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                    }
                }
                entries.put("META-INF/extensions.idx", (String.join("\n", extensions) + "\n").getBytes(StandardCharsets.UTF_8));
                Manifest manifest = new Manifest();
                Attributes main = manifest.getMainAttributes();
                main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
                main.putValue("Plugin-Id", pluginId);
                main.putValue("Plugin-Version", version);
                if (requires != null) {
                    main.putValue("Plugin-Requires", requires);
                }
                if (pluginClass != null) {
                    main.putValue("Plugin-Class", pluginClass);
                }
                writeJar(jar, manifest, entries);
                deleteTree(classes);
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static void writeJar(Path target, Manifest manifest, Map<String, byte[]> entries) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
    }

    private static final class SourceText extends SimpleJavaFileObject {

        private final String source;

        SourceText(String className, String source) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.source = source;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
        }
    }
}
