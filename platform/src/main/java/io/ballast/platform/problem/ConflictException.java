package io.ballast.platform.problem;

/**
 * A request the platform refuses because of the state something is in now, not because of its input:
 * sent again later (once that state has moved on) it may succeed. The REST API answers 409 with a
 * problem body carrying the message; nothing changed.
 */
public final class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
