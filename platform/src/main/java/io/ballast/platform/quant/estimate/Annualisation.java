package io.ballast.platform.quant.estimate;

import io.ballast.platform.problem.InvalidInputException;

/** Scaling per-period estimates to a year of {@code periodsPerYear} periods (252 trading days, 365 for crypto). */
final class Annualisation {

    static final String FIELD = "periodsPerYear";

    private Annualisation() {
    }

    static int requireValid(int periodsPerYear) {
        if (periodsPerYear < 1) {
            throw new InvalidInputException(FIELD, "must be at least 1, was " + periodsPerYear);
        }
        return periodsPerYear;
    }

    /** Multiplies a per-period (co)variance matrix by the periods per year, in place; returns it. */
    static double[][] annualise(double[][] perPeriod, int periodsPerYear) {
        requireValid(periodsPerYear);
        for (double[] row : perPeriod) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= periodsPerYear;
            }
        }
        return perPeriod;
    }
}
