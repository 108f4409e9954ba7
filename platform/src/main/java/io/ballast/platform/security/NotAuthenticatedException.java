package io.ballast.platform.security;

/** A request to a protected operation without a bearer token, or with one the platform does not know (HTTP 401). */
public final class NotAuthenticatedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean tokenPresented;

    NotAuthenticatedException(boolean tokenPresented) {
        super(tokenPresented ? "The bearer token is not valid" : "This operation needs an 'Authorization: Bearer <token>' header");
        this.tokenPresented = tokenPresented;
    }

    /** True when the request carried a token that matched none (RFC 6750 {@code invalid_token}), false when it carried none. */
    public boolean tokenPresented() {
        return tokenPresented;
    }
}
