package io.ballast.platform.problem;

/**
 * A part the request needs (the workflow engine, the database) did not answer in time or refused
 * the work; nothing was changed and the request can be sent again. The REST API answers 503.
 */
public final class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
