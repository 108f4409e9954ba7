package io.ballast.plugins.optimizers.constraints;

import java.util.Objects;

/**
 * One linear constraint on a solver's variables, {@code coefficients · x ≤ bound} when it is an
 * inequality or {@code coefficients · x = bound} when it is an equality (which list of a
 * {@link ConstraintSystem} holds it says which). Coefficients and bound are in the variables' own
 * units: fractions of portfolio value for weights.
 *
 * @param name         what the constraint is, as a user would name it, for messages
 *                     (e.g. {@code constraints.maxWeightBySector.tech})
 * @param coefficients one coefficient per variable
 * @param bound        the right-hand side
 */
public record LinearConstraint(String name, double[] coefficients, double bound) {

    public LinearConstraint {
        Objects.requireNonNull(name, "name");
        coefficients = coefficients.clone();
        for (double coefficient : coefficients) {
            if (!Double.isFinite(coefficient)) {
                throw new IllegalArgumentException(name + ": coefficient is not a finite number: " + coefficient);
            }
        }
        if (!Double.isFinite(bound)) {
            throw new IllegalArgumentException(name + ": bound is not a finite number: " + bound);
        }
    }

    /** A copy: the constraint stays immutable. */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    public double coefficient(int variable) {
        return coefficients[variable];
    }

    public int variableCount() {
        return coefficients.length;
    }

    /** {@code coefficients · x}. */
    public double valueAt(double[] x) {
        double value = 0;
        for (int i = 0; i < coefficients.length; i++) {
            value += coefficients[i] * x[i];
        }
        return value;
    }
}
