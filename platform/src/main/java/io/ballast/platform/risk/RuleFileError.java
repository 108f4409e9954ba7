package io.ballast.platform.risk;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a candidate rule base: a compiler message, a limits or scenario file that
 * cannot be read, or a rules folder that cannot be listed.
 *
 * @param file    the file below the rules folder, with {@code /} separators; empty when the fault is the folder's
 * @param line    the line in that file, from 1; 0 when not known
 * @param message what is wrong, one line
 */
public record RuleFileError(String file, int line, String message) {

    public RuleFileError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative: " + line);
        }
    }

    /** {@code <folder>/<file>:<line>: <message>}, the way a person finds it; the message alone when the folder is at fault. */
    public String describe(Path directory) {
        if (file.isEmpty()) {
            return message;
        }
        return directory.resolve(file) + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
