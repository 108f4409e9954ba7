package io.ballast.platform.risk;

import io.ballast.platform.app.StartupException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The {@code .drl} files of a rules directory as read at one moment, in a fixed order, with the
 * content hash that names this version of the rule base.
 *
 * @param directory the rules directory as configured; error messages name files under it
 * @param files     every {@code .drl} file below the directory, sorted by relative path
 * @param limits    the text of {@code limits.yaml} at the top of the directory; empty when there is none
 * @param scenarios the scenario files {@code tests/*.yaml}, sorted by relative path; not part of the
 *                  version (they do not change a decision), but run before this version goes live
 * @param version   the first {@value #VERSION_HEX_DIGITS} hex digits of a SHA-256 over the relative
 *                  paths and contents of the rule files and the limits: it changes when any file is
 *                  added, removed, renamed or edited, or a limit changes
 */
record RuleFiles(Path directory, List<RuleFile> files, String limits, List<RuleFile> scenarios, String version) {

    static final int VERSION_HEX_DIGITS = 12;
    /** The folder, below the rules directory, of the scenario files. */
    static final String TESTS_FOLDER = "tests";
    static final String SCENARIO_SUFFIX = ".yaml";

    /** @param relativePath the path below the rules directory, with {@code /} separators on every OS */
    record RuleFile(String relativePath, String content) {
        RuleFile {
            Objects.requireNonNull(relativePath, "relativePath");
            Objects.requireNonNull(content, "content");
        }
    }

    RuleFiles {
        Objects.requireNonNull(directory, "directory");
        files = List.copyOf(files);
        Objects.requireNonNull(limits, "limits");
        scenarios = List.copyOf(scenarios);
        Objects.requireNonNull(version, "version");
    }

    /** The on-disk path of a file, as a person would look for it (the configured directory plus the relative path). */
    Path pathOf(String relativePath) {
        return directory.resolve(relativePath);
    }

    static RuleFiles read(Path directory) {
        if (!Files.exists(directory)) {
            throw new StartupException("rules directory " + directory + " does not exist");
        }
        if (!Files.isDirectory(directory)) {
            throw new StartupException("rules directory " + directory + " is not a directory");
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(directory)) {
            paths = walk.filter(path -> Files.isRegularFile(path) && path.getFileName().toString().endsWith(".drl"))
                    .sorted(Comparator.comparing(path -> relativePath(directory, path)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("rules directory " + directory + " cannot be listed: " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new StartupException("rules directory " + directory + " has no .drl files");
        }
        List<RuleFile> files = new ArrayList<>(paths.size());
        for (Path path : paths) {
            files.add(new RuleFile(relativePath(directory, path), readText(path)));
        }
        Path limitsPath = directory.resolve(LimitsFile.FILE_NAME);
        String limits = Files.isRegularFile(limitsPath) ? readText(limitsPath) : "";
        List<RuleFile> scenarios = new ArrayList<>();
        for (Path path : scenarioPaths(directory)) {
            scenarios.add(new RuleFile(relativePath(directory, path), readText(path)));
        }
        return of(directory, files, limits, scenarios);
    }

    /** Rule files and limits from anywhere, without scenarios. */
    static RuleFiles of(Path directory, List<RuleFile> files, String limits) {
        return of(directory, files, limits, List.of());
    }

    /** Rule files, limits and scenarios from anywhere (a folder read, or a candidate sent to be validated). */
    static RuleFiles of(Path directory, List<RuleFile> files, String limits, List<RuleFile> scenarios) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::relativePath)).toList();
        List<RuleFile> hashed = new ArrayList<>(sorted);
        hashed.add(new RuleFile(LimitsFile.FILE_NAME, limits));
        List<RuleFile> sortedScenarios = scenarios.stream().sorted(Comparator.comparing(RuleFile::relativePath)).toList();
        return new RuleFiles(directory, sorted, limits, sortedScenarios, versionOf(hashed));
    }

    /**
     * These files with some replaced or added: {@code limits.yaml}, a {@code tests/<name>.yaml} or
     * else a {@code .drl} file, by relative path (a candidate sent to be validated).
     */
    RuleFiles withReplacements(Map<String, String> contentByRelativePath) {
        Map<String, RuleFile> drl = new TreeMap<>();
        files.forEach(file -> drl.put(file.relativePath(), file));
        Map<String, RuleFile> tests = new TreeMap<>();
        scenarios.forEach(file -> tests.put(file.relativePath(), file));
        String newLimits = limits;
        for (Map.Entry<String, String> replacement : contentByRelativePath.entrySet()) {
            String path = replacement.getKey();
            RuleFile file = new RuleFile(path, replacement.getValue());
            if (path.equals(LimitsFile.FILE_NAME)) {
                newLimits = replacement.getValue();
            } else if (isScenarioPath(path)) {
                tests.put(path, file);
            } else if (path.endsWith(".drl")) {
                drl.put(path, file);
            } else {
                throw new IllegalArgumentException(path + " is neither a .drl file, " + LimitsFile.FILE_NAME + " nor a "
                        + TESTS_FOLDER + "/<name>" + SCENARIO_SUFFIX + " file");
            }
        }
        return of(directory, List.copyOf(drl.values()), newLimits, List.copyOf(tests.values()));
    }

    /** Whether a relative path names a scenario file: {@code tests/<name>.yaml}, directly in the tests folder. */
    static boolean isScenarioPath(String relativePath) {
        String prefix = TESTS_FOLDER + "/";
        if (!relativePath.startsWith(prefix) || !relativePath.endsWith(SCENARIO_SUFFIX)) {
            return false;
        }
        String name = relativePath.substring(prefix.length());
        return name.length() > SCENARIO_SUFFIX.length() && !name.contains("/") && !name.startsWith(".");
    }

    /** The scenario files of a rules directory, {@code tests/*.yaml}; none when there is no tests folder. */
    static List<Path> scenarioPaths(Path directory) {
        Path tests = directory.resolve(TESTS_FOLDER);
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(tests)) {
            return list.filter(path -> Files.isRegularFile(path) && isScenarioPath(relativePath(directory, path)))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new StartupException("rules directory " + tests + " cannot be listed: " + e.getMessage(), e);
        }
    }

    private static String readText(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new StartupException(path + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new StartupException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static String relativePath(Path directory, Path file) {
        return directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static String versionOf(List<RuleFile> files) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        for (RuleFile file : files) {
            byte[] content = file.content().getBytes(StandardCharsets.UTF_8);
            // path, separator, length, content: no two different file sets feed the same bytes
            sha256.update(file.relativePath().getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(content.length).array());
            sha256.update(content);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, VERSION_HEX_DIGITS);
    }
}
