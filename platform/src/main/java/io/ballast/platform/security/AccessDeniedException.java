package io.ballast.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

/** An authenticated user whose roles do not allow the operation (HTTP 403). */
public final class AccessDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    AccessDeniedException(AuthenticatedUser user, String operationId, Set<Role> allowed) {
        super("User " + user.name() + " may not " + operationId + ": it needs one of the roles "
                + allowed.stream().map(Role::wireName).collect(Collectors.joining(", ")));
    }

    /** A refusal that is not about the operation's roles alone (a task's group, four eyes); the message says which rule. */
    public AccessDeniedException(String message) {
        super(message);
    }
}
