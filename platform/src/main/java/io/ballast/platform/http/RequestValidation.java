package io.ballast.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;

/**
 * Validates a request against its operation in the contract; a refused request fails with the
 * validator's exception (answered 400 by {@link ProblemHandler}).
 *
 * <p>The router builder would validate before any handler of ours runs; we validate here instead
 * so that authentication and authorization answer first (401/403 before 400).
 */
final class RequestValidation {

    private final RequestValidator validator;
    private final RequestExtractor extractor = RequestExtractor.withBodyHandler();

    RequestValidation(Vertx vertx, OpenAPIContract contract) {
        this.validator = RequestValidator.create(vertx, contract);
    }

    Handler<RoutingContext> of(Operation operation) {
        String operationId = operation.getOperationId();
        return rc -> extractor.extractValidatableRequest(rc, operation)
                .compose(request -> validator.validate(request, operationId))
                .onSuccess(validated -> {
                    rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
                    rc.next();
                })
                .onFailure(rc::fail);
    }
}
