package io.ballast.plugins.optimizers.meanvariance;

import io.ballast.plugins.optimizers.constraints.ConstraintSystem;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A convex quadratic program over a {@link ConstraintSystem}'s variables:
 * minimise {@code ½ xᵀQx − cᵀx} subject to the system. {@code Q} must be symmetric positive
 * semidefinite; the asset block usually holds a covariance, the rest (trade variables) is zero.
 * Arrays are held as given, not copied: build one per solve and do not change them after.
 */
public final class QuadraticProgram {

    private final double[][] quadratic;
    private final double[] linear;
    private final ConstraintSystem constraints;
    private final double[] startingPoint;

    private QuadraticProgram(double[][] quadratic, double[] linear, ConstraintSystem constraints, double[] startingPoint) {
        this.quadratic = quadratic;
        this.linear = linear;
        this.constraints = constraints;
        this.startingPoint = startingPoint;
    }

    /**
     * A program whose quadratic and linear terms weigh the assets only (zero on trade variables).
     *
     * @param assetQuadratic {@code Q} over the assets, n × n, symmetric positive semidefinite
     * @param assetLinear    {@code c} over the assets, n long
     */
    public static QuadraticProgram overAssets(double[][] assetQuadratic, double[] assetLinear, ConstraintSystem constraints) {
        Objects.requireNonNull(constraints, "constraints");
        int n = constraints.assetCount();
        int m = constraints.variableCount();
        if (assetQuadratic.length != n || assetLinear.length != n) {
            throw new IllegalArgumentException("the objective covers " + assetQuadratic.length + " assets, the constraints " + n);
        }
        double[][] quadratic = new double[m][];
        for (int i = 0; i < m; i++) {
            if (i < n) {
                if (assetQuadratic[i].length != n) {
                    throw new IllegalArgumentException("row " + i + " of the quadratic term has " + assetQuadratic[i].length + " entries for " + n);
                }
                quadratic[i] = m == n ? assetQuadratic[i] : Arrays.copyOf(assetQuadratic[i], m);
            } else {
                quadratic[i] = new double[m];
            }
        }
        double[] linear = Arrays.copyOf(assetLinear, m);
        return new QuadraticProgram(quadratic, linear, constraints, null);
    }

    /**
     * The same program with a point the solver may start from. It is only a hint: the solver
     * checks it meets the constraints and ignores it otherwise.
     */
    public QuadraticProgram startingFrom(double[] point) {
        if (point.length != constraints.variableCount()) {
            throw new IllegalArgumentException("starting point has " + point.length + " entries for " + constraints.variableCount() + " variables");
        }
        return new QuadraticProgram(quadratic, linear, constraints, point.clone());
    }

    public ConstraintSystem constraints() {
        return constraints;
    }

    double quadratic(int row, int column) {
        return quadratic[row][column];
    }

    double[] quadraticRow(int row) {
        return quadratic[row];
    }

    double linear(int variable) {
        return linear[variable];
    }

    Optional<double[]> startingPoint() {
        return Optional.ofNullable(startingPoint);
    }
}
