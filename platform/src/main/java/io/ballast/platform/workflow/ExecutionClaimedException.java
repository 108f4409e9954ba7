package io.ballast.platform.workflow;

import java.time.Duration;
import java.util.Objects;

/**
 * Another run holds the claim on a rebalance's execution (the job was handed to a second worker, or a
 * run that died left its claim, which lapses on its own): this run sends nothing. The execute job is
 * tried again once the claim may have lapsed, without counting it as a failed attempt.
 */
public final class ExecutionClaimedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public ExecutionClaimedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long until the holder's claim lapses, if it does not renew it. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
