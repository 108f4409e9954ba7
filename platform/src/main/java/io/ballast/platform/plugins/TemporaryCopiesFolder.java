package io.ballast.platform.plugins;

import io.ballast.platform.problem.FailureMessages;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary folder of private plugin copies of a host that has no data folder (the CLI):
 * named after the process, so that the folders of processes that died without closing their host
 * (killed, crashed) are found and deleted by the next one.
 */
final class TemporaryCopiesFolder {

    private static final Logger log = LoggerFactory.getLogger(TemporaryCopiesFolder.class);
    private static final String PREFIX = "ballast-plugins-";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");

    private TemporaryCopiesFolder() {
    }

    /** Deletes the copies folders in {@code parent} of processes no longer alive, then makes one for this process. */
    static Path create(Path parent) throws IOException {
        deleteThoseOfDeadProcesses(parent);
        return Files.createTempDirectory(parent, PREFIX + ProcessHandle.current().pid() + "-");
    }

    static void deleteThoseOfDeadProcesses(Path parent) {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path folder : folders) {
                Matcher name = NAME.matcher(folder.getFileName().toString());
                if (name.matches() && Files.isDirectory(folder) && !alive(name.group(1))) {
                    deleteTree(folder);
                }
            }
        } catch (IOException e) {
            log.warn("Left-over plugin copies in {} cannot be looked at: {}", parent, FailureMessages.causeChain(e));
        }
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException tooLong) {
            return false;
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.warn("Left-over plugin copies {} cannot be deleted: {}", folder, FailureMessages.causeChain(e));
        }
    }
}
