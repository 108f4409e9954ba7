package io.ballast.platform.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch hands a change over once the folder stayed the same over two looks, and only once. */
class RulesFolderWatchTest {

    private static final FileTime T1 = FileTime.from(Instant.parse("2026-01-01T00:00:01Z"));
    private static final FileTime T2 = FileTime.from(Instant.parse("2026-01-01T00:00:02Z"));
    private static final FileTime T3 = FileTime.from(Instant.parse("2026-01-01T00:00:03Z"));

    @TempDir
    Path rules;

    private RulesFolderWatch watch;

    @BeforeEach
    void folder() throws IOException {
        TestRuleFolder.write(rules, 0.08);
        watch = new RulesFolderWatch(rules, RulesFolderWatch.stampOf(rules));
    }

    /** Writes text and sets the time explicitly, so that two saves within one tick of the file system differ. */
    private void save(String file, String text, FileTime time) throws IOException {
        Path path = rules.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
        Files.setLastModifiedTime(path, time);
    }

    @Test
    void anUnchangedFolderIsNeverHandedOver() {
        assertThat(watch.look()).isEmpty();
        assertThat(watch.look()).isEmpty();
    }

    @Test
    void aChangeIsHandedOverAtTheSecondLookThatSeesItUnchangedAndThenNotAgain() throws IOException {
        save("limits.yaml", "stopLoss:\n  hardLossFraction: 0.05\n", T1);

        assertThat(watch.look()).as("first look at the change: it may still be being written").isEmpty();
        Optional<RulesFolderWatch.Stamp> settled = watch.look();
        assertThat(settled).isPresent();
        watch.handled(settled.get());
        assertThat(watch.look()).isEmpty();
    }

    @Test
    void aFileStillChangingIsWaitedFor() throws IOException {
        save("stop.drl", "partial", T1);
        assertThat(watch.look()).isEmpty();
        save("stop.drl", TestRuleFolder.STOP_DRL + "// more\n", T2);
        assertThat(watch.look()).as("changed since the last look").isEmpty();
        save("stop.drl", TestRuleFolder.STOP_DRL + "// done\n", T3); // same size as before, a later time
        assertThat(watch.look()).as("changed since the last look, in its time only").isEmpty();
        assertThat(watch.look()).isPresent();
    }

    @Test
    void anEditOfTheSameSizeAndTimeIsSeenByItsContent() throws IOException {
        save("limits.yaml", "stopLoss:\n  hardLossFraction: 0.08\n", T1);
        watch.look();
        Optional<RulesFolderWatch.Stamp> first = watch.look();
        assertThat(first).isPresent();
        watch.handled(first.get());

        // 0.08 made 0.09 within the file system's time resolution: the same 35 bytes, the same time
        save("limits.yaml", "stopLoss:\n  hardLossFraction: 0.09\n", T1);
        assertThat(Files.size(rules.resolve("limits.yaml"))).isEqualTo(35);

        assertThat(watch.look()).isEmpty();
        assertThat(watch.look()).as("settled at the new content").isPresent();
    }

    @Test
    void ruleFilesInSubFoldersAndScenarioFilesCountButOtherFilesDoNot() throws IOException {
        save("README.md", "notes", T1);
        save("tests/notes.txt", "notes", T1);
        watch.look();
        assertThat(watch.look()).as("not rule files").isEmpty();

        save("tests/stop.yaml", "scenarios: []\n", T1);
        watch.look();
        Optional<RulesFolderWatch.Stamp> scenario = watch.look();
        assertThat(scenario).isPresent();
        watch.handled(scenario.get());

        save("crypto/more.drl", "x", T1);
        watch.look();
        assertThat(watch.look()).isPresent();
    }

    @Test
    void aRemovedFileIsAChange() throws IOException {
        Files.delete(rules.resolve("limits.yaml"));

        watch.look();
        assertThat(watch.look()).isPresent();
    }

    @Test
    void aFolderReadOnRequestIsNotHandedOverAgain() throws IOException {
        save("limits.yaml", "stopLoss:\n  hardLossFraction: 0.05\n", T1);
        watch.handled(RulesFolderWatch.stampOf(rules)); // a reload on request read it

        assertThat(watch.look()).isEmpty();
        assertThat(watch.look()).isEmpty();
    }
}
