package io.ballast.platform.risk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Looks at the rules folder, one look per call, and says when it changed and then settled.
 *
 * <p>Polling rather than a {@link java.nio.file.WatchService}, as the plugins folder does: it works
 * on every file system, and telling a finished save from one in progress needs a second look anyway.
 * The folder's stamp is the relative path, size, modification time and content hash of every
 * {@code .drl} file, of {@code limits.yaml} and of every {@code tests/*.yaml}: size and time alone miss
 * an edit of the same size saved within the file system's time resolution (a limit 0.08 made 0.09
 * within the same second on a file system keeping whole seconds); the files are small, reading them
 * at every look costs little. A change is handed over once the stamp
 * is the same at two looks in a row and differs from the one last handled, so an editor saving
 * several files, or a copy in progress, is reloaded once, when it is done.
 */
final class RulesFolderWatch {

    /** @param files size, time and content of each watched file, by relative path */
    record Stamp(Map<String, FileState> files) {
        Stamp {
            files = Map.copyOf(files);
        }
    }

    /** @param contentHash SHA-256 of the file's bytes, hex */
    record FileState(long size, FileTime lastModified, String contentHash) {
    }

    private final Path directory;
    private Stamp previousLook;
    private Stamp handled;

    /** @param handled the stamp of the folder as it was read at start */
    RulesFolderWatch(Path directory, Stamp handled) {
        this.directory = directory;
        this.previousLook = handled;
        this.handled = handled;
    }

    /**
     * One look.
     *
     * @return the stamp to reload at, when the folder changed since it was last handled and stayed the same since the last look
     */
    Optional<Stamp> look() {
        Stamp current = stampOf(directory);
        boolean settled = current.equals(previousLook);
        previousLook = current;
        return settled && !current.equals(handled) ? Optional.of(current) : Optional.empty();
    }

    /** Records that the folder was read at {@code stamp} (by the watch or by a reload on request). */
    void handled(Stamp stamp) {
        handled = stamp;
    }

    /** The folder's stamp now; files that vanish while it is taken are left out, a folder that cannot be listed is empty. */
    static Stamp stampOf(Path directory) {
        Map<String, FileState> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return new Stamp(files);
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.forEach(path -> {
                String relative = RuleFiles.relativePath(directory, path);
                if (relative.endsWith(".drl") || relative.equals(LimitsFile.FILE_NAME) || RuleFiles.isScenarioPath(relative)) {
                    state(path).ifPresent(state -> files.put(relative, state));
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a file removed during the walk: the next look sees the folder as it then is
            return new Stamp(Map.of("", new FileState(-1, FileTime.fromMillis(System.nanoTime()), "")));
        }
        return new Stamp(files);
    }

    private static Optional<FileState> state(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? Optional.of(new FileState(attributes.size(), attributes.lastModifiedTime(), sha256(Files.readAllBytes(file))))
                    : Optional.empty();
        } catch (IOException gone) {
            return Optional.empty();
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
