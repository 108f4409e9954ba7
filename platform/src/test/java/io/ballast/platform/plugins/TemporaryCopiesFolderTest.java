package io.ballast.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporaryCopiesFolderTest {

    @TempDir
    Path temporary;

    @Test
    void theFoldersOfDeadProcessesAreDeletedThoseOfLiveOnesKept() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = Files.createDirectories(temporary.resolve("ballast-plugins-" + ended.pid() + "-123"));
        Files.writeString(dead.resolve("1-equal-weight.jar"), "a copy left behind");
        long parentPid = ProcessHandle.current().parent().map(ProcessHandle::pid).orElseThrow();
        Path live = Files.createDirectories(temporary.resolve("ballast-plugins-" + parentPid + "-456"));
        Path unrelated = Files.createDirectories(temporary.resolve("ballast-plugins-not-a-pid"));

        Path mine = TemporaryCopiesFolder.create(temporary);

        assertThat(dead).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(unrelated).isDirectory();
        assertThat(mine.getFileName().toString()).startsWith("ballast-plugins-" + ProcessHandle.current().pid() + "-");
        assertThat(mine).isDirectory();
    }
}
