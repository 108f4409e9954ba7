package io.ballast.platform.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatableRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    private final Map<String, Set<String>> opaqueMediaTypes;

    /**
     * @param opaqueMediaTypes by operation id, the request media types to validate as
     *                         {@code application/octet-stream} (see {@link ApiContract#opaqueRequestMediaTypes()})
     */
    RequestValidation(Vertx vertx, OpenAPIContract contract, Map<String, Set<String>> opaqueMediaTypes) {
        this.validator = RequestValidator.create(vertx, contract);
        this.opaqueMediaTypes = Map.copyOf(opaqueMediaTypes);
    }

    Handler<RoutingContext> of(Operation operation) {
        String operationId = operation.getOperationId();
        Set<String> opaque = opaqueMediaTypes.getOrDefault(operationId, Set.of());
        return rc -> extractor.extractValidatableRequest(rc, operation)
                .map(request -> opaque.contains(baseMediaType(request.getContentType())) ? new OpaqueBody(request) : request)
                .compose(request -> validator.validate(request, operationId))
                .onSuccess(validated -> {
                    rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
                    rc.next();
                })
                .onFailure(rc::fail);
    }

    private static String baseMediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip().toLowerCase(Locale.ROOT);
    }

    /** A request whose body is validated as opaque bytes, whatever its declared media type. */
    private record OpaqueBody(ValidatableRequest request) implements ValidatableRequest {

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_OCTET_STREAM;
        }

        @Override
        public Map<String, RequestParameter> getCookies() {
            return request.getCookies();
        }

        @Override
        public Map<String, RequestParameter> getPathParameters() {
            return request.getPathParameters();
        }

        @Override
        public Map<String, RequestParameter> getQuery() {
            return request.getQuery();
        }

        @Override
        public Map<String, RequestParameter> getHeaders() {
            return request.getHeaders();
        }

        @Override
        public RequestParameter getBody() {
            return request.getBody();
        }
    }
}
