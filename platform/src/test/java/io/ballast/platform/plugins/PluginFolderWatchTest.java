package io.ballast.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which jars the watch hands over, look by look: a jar only once it looked the same twice. */
class PluginFolderWatchTest {

    @TempDir
    Path folder;

    @Test
    void aNewJarIsHandedOverAtTheSecondLookThatFindsItUnchangedAndOnlyOnce() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path jar = Files.write(folder.resolve("a.jar"), new byte[] {1, 2, 3});

        assertThat(watch.look(false).arrived()).as("first sight: it may still be being copied").isEmpty();
        assertThat(watch.look(false).arrived()).containsExactly(jar);
        assertThat(watch.look(false).isEmpty()).isTrue();
    }

    @Test
    void aJarStillGrowingIsNotHandedOverUntilItStopsChanging() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path jar = Files.write(folder.resolve("growing.jar"), new byte[] {1});

        assertThat(watch.look(false).arrived()).isEmpty();
        Files.write(jar, new byte[] {2}, StandardOpenOption.APPEND);
        assertThat(watch.look(false).arrived()).as("it grew since the last look").isEmpty();
        Files.write(jar, new byte[] {3}, StandardOpenOption.APPEND);
        assertThat(watch.look(false).arrived()).isEmpty();
        assertThat(watch.look(false).arrived()).containsExactly(jar);
    }

    @Test
    void aJarRewrittenWithTheSameSizeIsSeenByItsTime() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path jar = Files.write(folder.resolve("a.jar"), new byte[] {1, 2});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        watch.look(true);

        Files.write(jar, new byte[] {3, 4});
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2024-01-02T00:00:00Z")));

        assertThat(watch.look(false).arrived()).isEmpty();
        assertThat(watch.look(false).arrived()).containsExactly(jar);
    }

    @Test
    void theFirstLookAtStartTakesEveryJarAtOnceInFileNameOrder() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path b = Files.write(folder.resolve("b.jar"), new byte[] {1});
        Path a = Files.write(folder.resolve("a.JAR"), new byte[] {1});

        assertThat(watch.look(true).arrived()).containsExactly(a, b);
    }

    @Test
    void aHandledJarThatIsGoneIsReportedRemovedOnce() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path jar = Files.write(folder.resolve("a.jar"), new byte[] {1});
        watch.look(true);

        Files.delete(jar);

        assertThat(watch.look(false).removed()).containsExactly(jar);
        assertThat(watch.look(false).isEmpty()).isTrue();
    }

    @Test
    void aJarThatVanishesBeforeItSettledIsNeitherArrivedNorRemoved() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path jar = Files.write(folder.resolve("a.jar"), new byte[] {1});
        watch.look(false);

        Files.delete(jar);

        assertThat(watch.look(false).isEmpty()).isTrue();
    }

    @Test
    void hiddenFilesOtherFilesAndFoldersAreNotPluginJars() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Files.write(folder.resolve(".upload.jar"), new byte[] {1});
        Files.write(folder.resolve("disabled.txt"), new byte[] {1});
        Files.write(folder.resolve("x.jar.part"), new byte[] {1});
        Files.createDirectory(folder.resolve("dir.jar"));

        assertThat(watch.look(true).arrived()).isEmpty();
    }

    @Test
    void aJarThePlatformWroteItselfIsNotHandedOverAgain() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path jar = Files.write(folder.resolve("uploaded.jar"), new byte[] {1});

        watch.handledAt(jar, FileStamp.of(jar).orElseThrow());

        assertThat(watch.look(false).isEmpty()).isTrue();
        assertThat(watch.look(false).isEmpty()).isTrue();
    }

    @Test
    void aForgottenJarIsHandedOverAgainOnceSettled() throws IOException {
        PluginFolderWatch watch = new PluginFolderWatch(folder);
        Path jar = Files.write(folder.resolve("a.jar"), new byte[] {1});
        assertThat(watch.look(true).arrived()).containsExactly(jar);

        watch.forget(jar);

        assertThat(watch.look(false).arrived()).containsExactly(jar);
        assertThat(watch.handledStamp(jar)).isEqualTo(FileStamp.of(jar));
        assertThat(watch.look(false).removed()).isEqualTo(List.of());
    }
}
