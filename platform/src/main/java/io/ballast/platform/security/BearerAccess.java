package io.ballast.platform.security;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;
import io.vertx.openapi.contract.SecurityScheme;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call which operation, read from the OpenAPI contract: an operation that requires the
 * bearer scheme lists the roles allowed to call it in {@code x-ballast-roles}; an operation with
 * {@code security: []} is open. The contract is the only place these rules are written.
 *
 * <p>{@link #guard} gives the handler that goes first on an operation's route, before request
 * validation, so a caller who may not call an operation learns nothing about its input.
 */
public final class BearerAccess {

    /** The operation extension listing the roles allowed to call it. */
    public static final String ROLES_EXTENSION = "x-ballast-roles";

    private static final String USER_KEY = BearerAccess.class.getName() + ".user";
    private static final String BEARER_PREFIX = "bearer ";

    private final AccessTokens tokens;
    private final Map<String, Set<Role>> rolesByOperation;

    private BearerAccess(AccessTokens tokens, Map<String, Set<Role>> rolesByOperation) {
        this.tokens = tokens;
        this.rolesByOperation = Map.copyOf(rolesByOperation);
    }

    /**
     * @throws IllegalArgumentException when the contract uses a security scheme other than HTTP bearer, when a
     *                                  protected operation lists no roles or an unknown one, or when an open one lists roles
     */
    public static BearerAccess fromContract(OpenAPIContract contract, AccessTokens tokens) {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(tokens, "tokens");
        Map<String, Set<Role>> rolesByOperation = new HashMap<>();
        for (Operation operation : contract.operations()) {
            String id = operation.getOperationId();
            boolean isProtected = requiresBearer(contract, operation);
            Object declared = operation.getExtensions().get(ROLES_EXTENSION);
            if (isProtected) {
                rolesByOperation.put(id, parseRoles(id, declared));
            } else if (declared != null) {
                throw new IllegalArgumentException("OpenAPI operation " + id + " is open (security: []) but declares "
                        + ROLES_EXTENSION + "; either protect it or drop the roles");
            }
        }
        return new BearerAccess(tokens, rolesByOperation);
    }

    /** The roles allowed to call an operation; empty when it is open to everyone. */
    public Optional<Set<Role>> allowedRoles(String operationId) {
        return Optional.ofNullable(rolesByOperation.get(operationId));
    }

    /**
     * The handler to put first on the operation's route. It fails the request with
     * {@link NotAuthenticatedException} (401) or {@link AccessDeniedException} (403), or stores the
     * {@link AuthenticatedUser} for {@link #user} and passes it on.
     */
    public Handler<RoutingContext> guard(Operation operation) {
        String operationId = operation.getOperationId();
        Set<Role> allowed = rolesByOperation.get(operationId);
        if (allowed == null) {
            return RoutingContext::next;
        }
        return rc -> authenticate(rc).ifPresent(user -> {
            if (!user.hasAnyOf(allowed)) {
                rc.fail(new AccessDeniedException(user, operationId, allowed));
                return;
            }
            rc.put(USER_KEY, user);
            rc.next();
        });
    }

    /**
     * Why the request is not authenticated, if it is not: for answers given before any operation
     * ran (no operation at that path or with that method), so only a caller with a valid token
     * learns which paths and methods exist.
     */
    public Optional<NotAuthenticatedException> refusal(RoutingContext rc) {
        Optional<String> token = bearerToken(rc);
        if (token.isEmpty()) {
            return Optional.of(new NotAuthenticatedException(false));
        }
        return tokens.authenticate(token.get()).isPresent() ? Optional.empty() : Optional.of(new NotAuthenticatedException(true));
    }

    /** The user the request's bearer token stands for; empty after failing the request with 401. */
    private Optional<AuthenticatedUser> authenticate(RoutingContext rc) {
        Optional<NotAuthenticatedException> refused = refusal(rc);
        if (refused.isPresent()) {
            rc.fail(refused.get());
            return Optional.empty();
        }
        return tokens.authenticate(bearerToken(rc).orElseThrow());
    }

    /**
     * The user a {@link #guard} let through.
     *
     * @throws IllegalStateException on a route without a guard or for an open operation
     */
    public static AuthenticatedUser user(RoutingContext rc) {
        AuthenticatedUser user = rc.get(USER_KEY);
        if (user == null) {
            throw new IllegalStateException("no authenticated user on this request; is the route guarded?");
        }
        return user;
    }

    private static Optional<String> bearerToken(RoutingContext rc) {
        String header = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER_PREFIX)) {
            return Optional.empty();
        }
        String token = header.substring(BEARER_PREFIX.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static boolean requiresBearer(OpenAPIContract contract, Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurityRequirements();
        boolean anyRequirement = false;
        for (SecurityRequirement requirement : requirements) {
            for (String schemeName : requirement.getNames()) {
                SecurityScheme scheme = contract.securityScheme(schemeName);
                if (scheme == null || !"http".equals(scheme.getType()) || !"bearer".equalsIgnoreCase(scheme.getScheme())) {
                    throw new IllegalArgumentException("OpenAPI operation " + operation.getOperationId()
                            + " uses security scheme '" + schemeName + "'; only HTTP bearer schemes are supported");
                }
                anyRequirement = true;
            }
        }
        return anyRequirement;
    }

    private static Set<Role> parseRoles(String operationId, Object declared) {
        List<?> names = declared instanceof JsonArray array ? array.getList() : declared instanceof List<?> list ? list : null;
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("OpenAPI operation " + operationId + " needs a bearer token but lists no "
                    + ROLES_EXTENSION + "; list the roles allowed to call it");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object name : names) {
            try {
                roles.add(Role.parse(String.valueOf(name)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("OpenAPI operation " + operationId + ", " + ROLES_EXTENSION + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableSet(roles);
    }
}
