package io.ballast.plugins.optimizers.hrp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the distance between two clusters follows from the distances between their members, as
 * the Lance–Williams update from clusters x and y (just merged) to another cluster i. The
 * formulas are scipy's ({@code scipy/cluster/_hierarchy_distance_update.pxi}), so the tree is
 * the one {@code scipy.cluster.hierarchy.linkage} builds.
 */
enum Linkage {

    /** Nearest members. */
    SINGLE {
        @Override
        double mergedDistance(double xi, double yi, double xy, int sizeX, int sizeY, int sizeI) {
            return Math.min(xi, yi);
        }
    },
    /** Farthest members. */
    COMPLETE {
        @Override
        double mergedDistance(double xi, double yi, double xy, int sizeX, int sizeY, int sizeI) {
            return Math.max(xi, yi);
        }
    },
    /** Mean over all member pairs (UPGMA). */
    AVERAGE {
        @Override
        double mergedDistance(double xi, double yi, double xy, int sizeX, int sizeY, int sizeI) {
            return (sizeX * xi + sizeY * yi) / (sizeX + sizeY);
        }
    },
    /** Ward's minimum increase of within-cluster variance. */
    WARD {
        @Override
        double mergedDistance(double xi, double yi, double xy, int sizeX, int sizeY, int sizeI) {
            double t = 1.0 / (sizeX + sizeY + sizeI);
            return Math.sqrt((sizeI + sizeX) * t * xi * xi + (sizeI + sizeY) * t * yi * yi - sizeI * t * xy * xy);
        }
    };

    /** The distance from cluster i to the union of clusters x and y, given the distances before the merge and the sizes. */
    abstract double mergedDistance(double xi, double yi, double xy, int sizeX, int sizeY, int sizeI);

    /** The name callers use in the {@code linkage} parameter. */
    String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Linkage named(String name) {
        for (Linkage linkage : values()) {
            if (linkage.parameterName().equals(name)) {
                return linkage;
            }
        }
        throw new IllegalArgumentException("parameters.linkage must be one of "
                + Arrays.stream(values()).map(Linkage::parameterName).collect(Collectors.joining(", ")) + ", not " + name);
    }
}
