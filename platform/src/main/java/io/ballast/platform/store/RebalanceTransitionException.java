package io.ballast.platform.store;

/**
 * A status change the rebalance cannot make: the move is not allowed from its current status, or it
 * is no longer in the status the caller expected (someone else moved it first). Nothing was stored.
 */
public final class RebalanceTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RebalanceTransitionException(String message) {
        super(message);
    }
}
