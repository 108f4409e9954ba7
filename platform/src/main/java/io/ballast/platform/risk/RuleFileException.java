package io.ballast.platform.risk;

import java.nio.file.Path;
import java.util.List;

/**
 * A candidate rule base that cannot be compiled or read; carries every error found. The message
 * is the first error as a person finds it ({@link RuleFileError#describe}), on one line.
 */
final class RuleFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<RuleFileError> errors;

    RuleFileException(Path directory, List<RuleFileError> errors) {
        super(summary(directory, errors));
        this.errors = List.copyOf(errors);
    }

    RuleFileException(Path directory, RuleFileError error) {
        this(directory, List.of(error));
    }

    List<RuleFileError> errors() {
        return errors;
    }

    private static String summary(Path directory, List<RuleFileError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a rule file exception needs at least one error");
        }
        String first = errors.getFirst().describe(directory);
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more compiler messages in the log)";
    }
}
