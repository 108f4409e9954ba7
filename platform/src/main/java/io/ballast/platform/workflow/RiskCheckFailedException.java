package io.ballast.platform.workflow;

/**
 * A risk check process did not produce an outcome: the engine refused it, could not be reached,
 * or the process did not finish in time (a failing job retries, then waits as an incident).
 */
public final class RiskCheckFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RiskCheckFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
