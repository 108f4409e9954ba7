package io.ballast.platform.store;

/**
 * A database operation failed (connection lost, constraint violated, statement timed out). The
 * transaction it ran in was rolled back, so nothing of the operation is stored. Callers map it to a
 * server error: input a user can fix is refused before it reaches the store.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
