package io.ballast.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document, the body of every error answer.
 *
 * @param type    {@code about:blank}: the status says what kind of problem it is
 * @param title   the status's reason phrase
 * @param detail  what went wrong, for a person
 * @param errorId for a 500: the id under which the failure was logged; otherwise null
 * @param errors  for a 400 or 422: one entry per refused field; otherwise empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Problem(String type, String title, int status, String detail, String errorId, List<FieldError> errors) {

    /**
     * @param field JSON path of the field, e.g. {@code positions[0].quantity}, or the parameter's name
     * @param problem what is wrong with it
     */
    record FieldError(String field, String problem) {
        FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(problem, "problem");
        }
    }

    Problem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(detail, "detail");
        errors = List.copyOf(errors);
    }

    static Problem of(int status, String detail) {
        return new Problem("about:blank", HttpResponseStatus.valueOf(status).reasonPhrase(), status, detail, null, List.of());
    }

    static Problem withErrors(int status, String detail, List<FieldError> errors) {
        return new Problem("about:blank", HttpResponseStatus.valueOf(status).reasonPhrase(), status, detail, null, errors);
    }

    static Problem internal(String errorId) {
        return new Problem("about:blank", HttpResponseStatus.INTERNAL_SERVER_ERROR.reasonPhrase(), 500,
                "The request failed inside the platform; the failure is logged under error id " + errorId, errorId, List.of());
    }
}
