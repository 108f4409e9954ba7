package io.ballast.platform.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Looks at the plugins folder, one look per call, and says which jars arrived (new or changed)
 * and which left since they were last handled.
 *
 * <p>Polling rather than a {@link java.nio.file.WatchService}: it works the same on every file
 * system (network and container mounts do not always deliver events), and telling a finished copy
 * from one in progress needs a second look anyway. A jar counts as arrived only once its
 * {@link FileStamp} is the same as at the previous look, so a jar still being copied in is left
 * alone. Only regular files named {@code *.jar} whose names do not start with a dot are plugin jars
 * (uploads are written under a dot name first).
 */
final class PluginFolderWatch {

    /** @param removed jars handled before that are gone; @param arrived jars to load, in file-name order */
    record Changes(List<Path> removed, List<Path> arrived) {
        boolean isEmpty() {
            return removed.isEmpty() && arrived.isEmpty();
        }
    }

    private final Path folder;
    private Map<Path, FileStamp> previousLook = Map.of();
    private final Map<Path, FileStamp> handled = new HashMap<>();

    PluginFolderWatch(Path folder) {
        this.folder = folder;
    }

    /**
     * One look.
     *
     * @param trustEveryJar take jars as they are, without waiting for a second look (the first look
     *                      at start: the jars were there before the platform)
     * @throws IOException when the folder cannot be listed
     */
    Changes look(boolean trustEveryJar) throws IOException {
        Map<Path, FileStamp> current = jarsWithStamps();
        List<Path> removed = new ArrayList<>();
        for (Path jar : List.copyOf(handled.keySet())) {
            if (!current.containsKey(jar)) {
                handled.remove(jar);
                removed.add(jar);
            }
        }
        List<Path> arrived = new ArrayList<>();
        current.forEach((jar, stamp) -> {
            boolean unhandled = !stamp.equals(handled.get(jar));
            boolean settled = trustEveryJar || stamp.equals(previousLook.get(jar));
            if (unhandled && settled) {
                handled.put(jar, stamp);
                arrived.add(jar);
            }
        });
        previousLook = current;
        removed.sort(null);
        return new Changes(removed, arrived);
    }

    /** The stamp a jar was handled at, to check that what was loaded is still what is there. */
    Optional<FileStamp> handledStamp(Path jar) {
        return Optional.ofNullable(handled.get(jar));
    }

    /** Records that the platform itself put {@code jar} there (an upload), so it is not handled again. */
    void handledAt(Path jar, FileStamp stamp) {
        handled.put(jar, stamp);
        Map<Path, FileStamp> look = new HashMap<>(previousLook);
        look.put(jar, stamp);
        previousLook = look;
    }

    /** Forgets a jar that changed while it was being handled, so the next settled look hands it over again. */
    void forget(Path jar) {
        handled.remove(jar);
    }

    /** Whether {@code fileName} names a plugin jar this watch looks at. */
    static boolean isPluginJarName(String fileName) {
        return !fileName.startsWith(".") && fileName.toLowerCase(Locale.ROOT).endsWith(".jar");
    }

    private Map<Path, FileStamp> jarsWithStamps() throws IOException {
        Map<Path, FileStamp> jars = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(file -> isPluginJarName(file.getFileName().toString()))
                    .forEach(file -> FileStamp.of(file).ifPresent(stamp -> jars.put(file, stamp)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return jars;
    }
}
