package io.ballast.platform.plugins;

import static io.ballast.platform.plugins.TestPluginJars.optimizerSource;
import static io.ballast.platform.plugins.TestPluginJars.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.platform.config.BallastConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins, compiled here, that break while loading: each is refused whole with a reason that says what broke. */
class PluginLoadFailureTest {

    @TempDir
    Path plugins;

    private PluginEntry loadAlone(Path jar) {
        try (PluginHost host = PluginHost.start(new BallastConfig.Plugins(plugins, Duration.ofSeconds(1), Duration.ofMillis(500), 3, 2))) {
            assertThat(host.loadedPluginIds()).isEmpty();
            assertThat(host.optimizers()).isEmpty();
            assertThat(host.plugins()).hasSize(1);
            PluginEntry entry = host.plugins().getFirst();
            assertThat(entry.state()).isEqualTo(PluginState.FAILED);
            assertThat(entry.jar()).isEqualTo(jar.getFileName().toString());
            return entry;
        }
    }

    @Test
    void aPluginWhoseStartThrowsIsRefused() {
        Path jar = plugin("test-bad-start")
                .pluginClass("test.badstart.BadStartPlugin", """
                        package test.badstart;
                        public class BadStartPlugin extends org.pf4j.Plugin {
                            @Override public void start() { throw new IllegalStateException("no licence key"); }
                        }
                        """)
                .extension("test.badstart.Fine", optimizerSource("test.badstart", "Fine", "fine", "return null;"))
                .writeTo(plugins.resolve("bad-start.jar"));

        PluginEntry entry = loadAlone(jar);

        assertThat(entry.refusal()).hasValue(Refusal.LOAD_FAILED);
        assertThat(entry.failureReason().orElseThrow())
                .startsWith("plugin test-bad-start 1.0.0: starting failed: IllegalStateException: its start left it FAILED: ")
                .endsWith("no licence key");
    }

    @Test
    void aPluginWhoseStartHangsIsRefused() {
        Path jar = plugin("test-slow-start")
                .pluginClass("test.slowstart.SlowStartPlugin", """
                        package test.slowstart;
                        public class SlowStartPlugin extends org.pf4j.Plugin {
                            @Override public void start() {
                                try { Thread.sleep(60_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                            }
                        }
                        """)
                .writeTo(plugins.resolve("slow-start.jar"));

        PluginEntry entry = loadAlone(jar);

        assertThat(entry.failureReason()).hasValue("plugin test-slow-start 1.0.0: starting did not finish within PT0.5S (plugins.callTimeout)");
    }

    @Test
    void anExtensionWhoseConstructorThrowsRefusesItsPlugin() {
        Path jar = plugin("test-bad-constructor")
                .extension("test.ctor.Broken", """
                        package test.ctor;
                        public class Broken extends Base {
                            public Broken() { throw new IllegalStateException("config file missing"); }
                        }
                        """)
                .source("test.ctor.Base", optimizerSource("test.ctor", "Base", "broken", "return null;").replace("public class", "public abstract class"))
                .writeTo(plugins.resolve("bad-constructor.jar"));

        PluginEntry entry = loadAlone(jar);

        assertThat(entry.failureReason()).hasValue("plugin test-bad-constructor 1.0.0: starting failed: IllegalStateException:"
                + " its extension test.ctor.Broken cannot be made: IllegalStateException: config file missing");
    }

    @Test
    void anIndexedExtensionClassMissingFromTheJarRefusesItsPlugin() {
        Path jar = plugin("test-missing-class")
                .extension("test.missing.Present", optimizerSource("test.missing", "Present", "present", "return null;"))
                .missingExtension("test.missing.Gone")
                .writeTo(plugins.resolve("missing-class.jar"));

        PluginEntry entry = loadAlone(jar);

        assertThat(entry.failureReason()).hasValue("plugin test-missing-class 1.0.0: starting failed: IllegalStateException:"
                + " its extension class test.missing.Gone cannot be loaded: ClassNotFoundException: test.missing.Gone");
    }

    @Test
    void anExtensionWithoutAnIdRefusesItsPlugin() {
        Path jar = plugin("test-no-id")
                .extension("test.noid.Nameless", optimizerSource("test.noid", "Nameless", "ignored", "return null;")
                        .replace("return \"ignored\";", "return null;"))
                .writeTo(plugins.resolve("no-id.jar"));

        PluginEntry entry = loadAlone(jar);

        assertThat(entry.failureReason()).hasValue("plugin test-no-id 1.0.0: starting failed: IllegalStateException:"
                + " extension test.noid.Nameless: id() returned nothing");
    }

    @Test
    void aPluginOfferingTheSameIdTwiceIsRefused() {
        Path jar = plugin("test-twice")
                .extension("test.twice.One", optimizerSource("test.twice", "One", "twin", "return null;"))
                .extension("test.twice.Two", optimizerSource("test.twice", "Two", "twin", "return null;"))
                .writeTo(plugins.resolve("twice.jar"));

        PluginEntry entry = loadAlone(jar);

        assertThat(entry.refusal()).hasValue(Refusal.DUPLICATE_EXTENSION_ID);
        assertThat(entry.failureReason()).hasValue("plugin test-twice 1.0.0 offers optimizer twin twice");
    }

    @Test
    void aRefusedPluginLeavesNoPrivateCopyBehindAndCloseRemovesTheCopiesFolder() throws Exception {
        plugin("test-twice")
                .extension("test.twice.One", optimizerSource("test.twice", "One", "twin", "return null;"))
                .extension("test.twice.Two", optimizerSource("test.twice", "Two", "twin", "return null;"))
                .writeTo(plugins.resolve("twice.jar"));
        Files.copy(TestPluginJars.equalWeightJar(), plugins.resolve("equal-weight.jar"));
        Path copies;
        try (PluginHost host = PluginHost.start(plugins)) {
            copies = host.privateCopiesFolder();

            try (Stream<Path> files = Files.list(copies)) {
                assertThat(files.map(file -> file.getFileName().toString()).toList())
                        .as("only the loaded plugin's copy").singleElement().asString().endsWith("-equal-weight.jar");
            }
        }
        assertThat(copies).doesNotExist();
    }
}
