package io.ballast.platform.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user gets from the packaged jar when a file is wrong: exit code 2 and one line naming the file. */
class StartupErrorsIT {

    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path home;

    @Test
    void aConfigFileThatDoesNotParseStopsStartUpNamingTheFile() throws Exception {
        Path config = home.resolve("broken.yaml");
        Files.writeString(config, "http:\n  port: 8080\n bad: [\n");

        assertThat(failedStart(config)).containsExactly("ballast: " + config
                + ": not valid YAML at line 3, column 2: expected <block end>, but found '<block mapping start>'");
    }

    @Test
    void anUnknownConfigKeyStopsStartUpNamingTheKey() throws Exception {
        Path config = home.resolve("typo.yaml");
        Files.writeString(config, "http:\n  prot: 8080\n");

        assertThat(failedStart(config)).containsExactly(
                "ballast: " + config + ": unknown key 'http.prot'; known keys here: http.host, http.port");
    }

    @Test
    void aRuleFileThatDoesNotCompileStopsStartUpNamingFileAndLine() throws Exception {
        Path rules = Files.createDirectories(home.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), """
                package rules.broken;

                rule "never closed"
                when
                    $x : String(
                then
                end
                """);
        Path config = config("rules:\n  directory: " + rules + "\n");

        List<String> errors = failedStart(config);

        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst()).startsWith("ballast: ").contains(rules.resolve("broken.drl") + ":");
    }

    @Test
    void aWorkflowThatDoesNotDeployStopsStartUpNamingTheFile() throws Exception {
        Path workflows = Files.createDirectories(home.resolve("workflows"));
        Files.writeString(workflows.resolve("broken.bpmn"), "<definitions>not a process</definitions>\n");
        Path config = config("workflow:\n  directory: " + workflows + "\n");

        List<String> errors = failedStart(config);

        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst()).startsWith("ballast: ").contains("broken.bpmn");
    }

    private Path config(String yaml) throws IOException {
        Path config = home.resolve("ballast.yaml");
        Files.writeString(config, "dataDirectory: " + home.resolve("data") + "\nhttp:\n  port: 0\n"
                + "marketData:\n  loadSampleOnFirstStart: false\n" + yaml);
        return config;
    }

    /** Starts the jar, expects exit code 2, and returns what it printed on stderr (JVM warnings left out). */
    private List<String> failedStart(Path config) throws Exception {
        try (ServedPlatform platform = ServedPlatform.launch(home.resolve("logs"), "serve", "--config", config.toString())) {
            assertThat(platform.awaitExit(EXIT_TIMEOUT)).as(platform::output).isEqualTo(2);
            return platform.stderrLines().stream().filter(line -> !line.startsWith("WARNING:")).toList();
        }
    }
}
