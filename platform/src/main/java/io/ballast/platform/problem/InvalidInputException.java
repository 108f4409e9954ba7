package io.ballast.platform.problem;

import java.util.Objects;

/**
 * Input a user sent that the platform refuses, before anything changed. {@code field} is the
 * JSON path or option that is wrong, e.g. {@code positions[1].quantity}; the REST API answers
 * 422 with a problem body naming it, the CLI exits 2 with one line.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidInputException(String field, String problem) {
        super(field + ": " + problem);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
