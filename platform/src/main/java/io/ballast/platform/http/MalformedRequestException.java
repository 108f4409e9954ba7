package io.ballast.platform.http;

import java.util.Objects;

/**
 * A request the contract lets through but that breaks a rule between its fields (such as "exactly
 * one of"), named by its JSON path: HTTP 400, like a contract violation.
 */
final class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    MalformedRequestException(String field, String problem) {
        super(field + ": " + problem);
        this.field = Objects.requireNonNull(field, "field");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    String field() {
        return field;
    }

    String problem() {
        return problem;
    }
}
