package io.ballast.platform.http;

import io.ballast.platform.problem.ConflictException;
import io.ballast.platform.problem.InvalidInputException;
import io.ballast.platform.problem.ServiceUnavailableException;
import io.ballast.platform.security.AccessDeniedException;
import io.ballast.platform.security.NotAuthenticatedException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failed request with a problem document: 401/403 from the access check, 400 from
 * the contract, 422 for input the platform refuses, 404 for an unknown id, 503 when a part the
 * request needs did not answer, and 500 without
 * internals for anything else, logged under an error id the answer quotes.
 */
final class ProblemHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);

    private final ContractViolations violations;

    ProblemHandler(ContractViolations violations) {
        this.violations = violations;
    }

    @Override
    public void handle(RoutingContext rc) {
        answer(rc, rc.failure());
    }

    /** Answers the request with the problem for {@code failure}; null for a bare error status. */
    void answer(RoutingContext rc, Throwable failure) {
        if (rc.response().headWritten()) {
            // too late for a problem body: the client sees a cut answer
            LOG.error("Request {} {} failed after its answer had started", rc.request().method(), rc.request().path(), failure);
            rc.response().reset();
            return;
        }
        Problem problem = switch (failure) {
            case NotAuthenticatedException e -> {
                rc.response().putHeader("WWW-Authenticate",
                        e.tokenPresented() ? "Bearer realm=\"ballast\", error=\"invalid_token\"" : "Bearer realm=\"ballast\"");
                yield Problem.of(401, e.getMessage());
            }
            case AccessDeniedException e -> Problem.of(403, e.getMessage());
            case ValidatorException e -> violations.toProblem(e);
            case InvalidInputException e -> Problem.withErrors(422, e.getMessage(), List.of(new Problem.FieldError(e.field(), e.problem())));
            case ResourceNotFoundException e -> Problem.of(404, e.getMessage());
            case ConflictException e -> Problem.of(409, e.getMessage());
            case MalformedRequestException e -> Problem.withErrors(400, e.getMessage(), List.of(new Problem.FieldError(e.field(), e.problem())));
            case ServiceUnavailableException e -> {
                LOG.warn("Request {} {} answered 503: {}", rc.request().method(), rc.request().path(), e.getMessage());
                yield Problem.of(503, e.getMessage());
            }
            case HttpException e when e.getStatusCode() < 500 -> Problem.of(e.getStatusCode(), describe(rc, e.getStatusCode()));
            case null -> rc.statusCode() >= 400 && rc.statusCode() < 500 ? Problem.of(rc.statusCode(), describe(rc, rc.statusCode())) : internal(rc, null);
            default -> internal(rc, failure);
        };
        JsonBodies.send(rc, problem.status(), JsonBodies.PROBLEM_JSON, problem);
    }

    private static Problem internal(RoutingContext rc, Throwable failure) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Request {} {} failed with status {} (error id {})",
                rc.request().method(), rc.request().path(), rc.statusCode(), errorId, failure);
        return Problem.internal(errorId);
    }

    private static String describe(RoutingContext rc, int status) {
        String request = rc.request().method() + " " + rc.request().path();
        return switch (status) {
            case 404 -> "There is no resource at " + request;
            case 405 -> request + ": the method is not allowed on this resource";
            case 413 -> request + ": the request body is too large";
            default -> request + " failed";
        };
    }
}
