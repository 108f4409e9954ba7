package io.ballast.platform.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who a request comes from, as established by its bearer token.
 *
 * @param name  the user the token stands for; recorded as the actor of what the request does
 * @param roles what the user may do; never empty
 */
public record AuthenticatedUser(String name, Set<Role> roles) {

    public AuthenticatedUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roles, "roles");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("user " + name + " has no role");
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** True when the user holds at least one of {@code allowed}. */
    public boolean hasAnyOf(Set<Role> allowed) {
        return roles.stream().anyMatch(allowed::contains);
    }
}
