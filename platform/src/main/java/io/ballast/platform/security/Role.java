package io.ballast.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a user may do. The wire name (config, OpenAPI {@code x-ballast-roles}) is lower case with dashes. */
public enum Role {
    VIEWER,
    TRADER,
    PORTFOLIO_MANAGER,
    RISK_OFFICER,
    ADMIN;

    /** The name used in the configuration and the OpenAPI document, e.g. {@code portfolio-manager}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException naming the unknown role and the known ones
     */
    public static Role parse(String wireName) {
        for (Role role : values()) {
            if (role.wireName().equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + wireName + "'; known roles: "
                + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return wireName();
    }
}
