package io.ballast.platform.security;

import io.ballast.platform.config.BallastConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The bearer tokens the API accepts, each standing for a user with roles.
 *
 * <p>Only SHA-256 digests of the tokens are kept, and a presented token is compared with every
 * one of them in constant time, so neither the answer time nor a heap dump gives a token away.
 */
public final class AccessTokens {

    private record Entry(byte[] tokenDigest, AuthenticatedUser user) {}

    private final List<Entry> entries;

    private AccessTokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException when a token names an unknown role or has none, or when two
     *                                  entries share a token (the message names the users, never the token)
     */
    public static AccessTokens from(BallastConfig.Security security) {
        Objects.requireNonNull(security, "security");
        List<Entry> entries = new ArrayList<>();
        for (BallastConfig.AccessToken token : security.tokens()) {
            if (token.roles().isEmpty()) {
                throw new IllegalArgumentException("security.tokens: the token of user " + token.user() + " has no roles");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : token.roles()) {
                try {
                    roles.add(Role.parse(role));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("security.tokens: the token of user " + token.user() + ": " + e.getMessage(), e);
                }
            }
            byte[] digest = sha256(token.token());
            for (Entry existing : entries) {
                if (MessageDigest.isEqual(existing.tokenDigest(), digest)) {
                    throw new IllegalArgumentException("security.tokens: users " + existing.user().name() + " and "
                            + token.user() + " have the same token; every token must be different");
                }
            }
            entries.add(new Entry(digest, new AuthenticatedUser(token.user(), roles)));
        }
        return new AccessTokens(entries);
    }

    /**
     * The user {@code token} stands for, with that token's roles only, or empty when no configured
     * token matches. A user with several tokens is never given the roles of the others.
     */
    public Optional<AuthenticatedUser> authenticate(String token) {
        Objects.requireNonNull(token, "token");
        byte[] digest = sha256(token);
        AuthenticatedUser match = null;
        // no early exit: the time taken does not depend on which entry matches
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.tokenDigest(), digest)) {
                match = entry.user();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
