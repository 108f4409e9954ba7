package io.ballast.plugins.optimizers.meanvariance;

/**
 * No point meets all of a quadratic program's constraints together. An optimizer that knows what
 * its extra constraint means (a target return, a return above the risk-free rate) catches it to
 * say so; otherwise it reaches the user as it is.
 */
public final class InfeasibleProgramException extends IllegalArgumentException {

    public InfeasibleProgramException(String message) {
        super(message);
    }

    /** No portfolio meets the weight constraints (and whatever an optimizer added to them) together. */
    static InfeasibleProgramException contradictoryConstraints() {
        return new InfeasibleProgramException("constraints: no portfolio meets all the constraints together"
                + " (weight bounds, sector caps, turnover limit and any target)");
    }
}
