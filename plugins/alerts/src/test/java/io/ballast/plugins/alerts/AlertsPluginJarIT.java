package io.ballast.plugins.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ballast.api.alert.AlertChannel;
import io.ballast.api.plugin.BallastExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;

/**
 * The packaged, shaded jar as the platform's plugin host sees it: its manifest and extension
 * index, and loaded by PF4J under a parent that, like the platform's, shows plugins only the JDK,
 * the API, PF4J and SLF4J, so the e-mail channel can only work with the Jakarta Mail inside the jar.
 */
class AlertsPluginJarIT {

    private static final Path JAR = Path.of(System.getProperty("plugin.jar", "target/ballast-alerts-0.1.0-SNAPSHOT.jar"));
    private static final List<String> VISIBLE = List.of("io.ballast.api.", "org.pf4j.", "org.slf4j.");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void theManifestAndIndexNameThePluginAndItsThreeChannelsAndTheLibrariesAreInside() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Attributes manifest = jar.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Plugin-Id")).isEqualTo("alerts");
            assertThat(manifest.getValue("Plugin-Class")).isEqualTo(AlertsPlugin.class.getName());
            assertThat(manifest.getValue("Plugin-Requires")).isEqualTo("^1.2.0");
            try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#")))
                        .containsExactlyInAnyOrder(LogAlertChannel.class.getName(), WebhookAlertChannel.class.getName(),
                                EmailAlertChannel.class.getName());
            }
            assertThat(jar.getEntry("jakarta/mail/Session.class")).isNotNull();
            assertThat(jar.getEntry("org/eclipse/angus/mail/smtp/SMTPTransport.class")).isNotNull();
            assertThat(jar.getEntry("com/fasterxml/jackson/core/JsonFactory.class")).isNotNull();
            assertThat(jar.getEntry("org/slf4j/Logger.class")).as("SLF4J is the platform's").isNull();
            assertThat(jar.getEntry("io/ballast/api/alert/AlertChannel.class")).as("the API is the platform's").isNull();
        }
    }

    @Test
    void loadedInIsolationItsEmailChannelSendsWithTheMailLibraryInsideTheJar(@TempDir Path plugins) throws Exception {
        Files.copy(JAR, plugins.resolve(JAR.getFileName()));
        PluginManager manager = isolatingManager(plugins);
        try {
            manager.loadPlugins();
            assertThat(manager.startPlugin("alerts")).isEqualTo(PluginState.STARTED);
            List<AlertChannel> channels = manager.getExtensions(AlertChannel.class, "alerts");
            assertThat(channels).extracting(BallastExtension::id).containsExactlyInAnyOrder("log", "webhook", "email");
            ClassLoader pluginLoader = manager.getPluginClassLoader("alerts");
            assertThat(Class.forName("jakarta.mail.Session", false, pluginLoader).getClassLoader()).isSameAs(pluginLoader);

            AlertChannel email = channels.stream().filter(channel -> channel.id().equals("email")).findFirst().orElseThrow();
            // as the platform calls a plugin: its own class loader as the thread's context loader
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(pluginLoader);
            try {
                email.deliver(Alerts.stopLoss(), Map.of("host", "127.0.0.1", "port", SMTP.getSmtp().getPort(), "from", "ballast@desk.test",
                        "to", "pm@desk.test", "startTls", false));
            } finally {
                thread.setContextClassLoader(previous);
            }

            assertThat(SMTP.getReceivedMessages()).singleElement()
                    .satisfies(message -> assertThat(message.getSubject()).isEqualTo("[CRITICAL] Hard stop-loss: exit NVLX"));
        } finally {
            manager.unloadPlugins(); // stops them first; PF4J 3.15's stopPlugins threw ConcurrentModificationException here
        }
    }

    private static PluginManager isolatingManager(Path plugins) {
        ClassLoader visible = new OnlySharedPackages(AlertsPluginJarIT.class.getClassLoader());
        PluginManager manager = new DefaultPluginManager(plugins) {
            @Override
            protected PluginLoader createPluginLoader() {
                return new JarPluginLoader(this) {
                    @Override
                    protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                        return new PluginClassLoader(pluginManager, descriptor, visible);
                    }
                };
            }
        };
        manager.setSystemVersion("1.2.0");
        return manager;
    }

    /** The JDK, and from the test's class path only the packages the platform shares with plugins. */
    private static final class OnlySharedPackages extends ClassLoader {

        private final ClassLoader classPath;

        OnlySharedPackages(ClassLoader classPath) {
            super(ClassLoader.getPlatformClassLoader());
            this.classPath = classPath;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (VISIBLE.stream().anyMatch(name::startsWith)) {
                return classPath.loadClass(name);
            }
            throw new ClassNotFoundException(name + " is not shared with plugins");
        }

        @Override
        protected URL findResource(String name) {
            return null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            return Collections.emptyEnumeration();
        }
    }
}
