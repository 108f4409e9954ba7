package io.ballast.plugins.optimizers.hrp;

import java.util.Arrays;

/**
 * Hierarchical agglomerative clustering of n points from their distance matrix, reproducing
 * {@code scipy.cluster.hierarchy.linkage} merge for merge, ties included: single linkage by
 * Prim's minimum spanning tree ({@code mst_single_linkage}), the others by the
 * nearest-neighbour chain with Lance–Williams updates ({@code nn_chain}); both O(n²) time.
 * Written here because neither Commons Math nor ojAlgo clusters hierarchically, and the HRP
 * weights depend on scipy's exact tree (which child is left).
 */
final class AgglomerativeClustering {

    private AgglomerativeClustering() {
    }

    /**
     * @param distance symmetric, finite, non-negative distances with a zero diagonal; not modified
     */
    static Dendrogram cluster(double[][] distance, Linkage linkage) {
        int n = distance.length;
        if (n < 2) {
            throw new IllegalArgumentException("clustering needs at least two points, not " + n);
        }
        return linkage == Linkage.SINGLE ? minimumSpanningTree(distance) : nearestNeighbourChain(distance, linkage);
    }

    /** Prim's algorithm from point 0; each edge is recorded as (last point added, new point), as scipy records it. */
    private static Dendrogram minimumSpanningTree(double[][] distance) {
        int n = distance.length;
        boolean[] inTree = new boolean[n];
        double[] distanceToTree = new double[n];
        Arrays.fill(distanceToTree, Double.POSITIVE_INFINITY);
        int[] from = new int[n - 1];
        int[] to = new int[n - 1];
        double[] height = new double[n - 1];
        int x = 0;
        int y = 0;
        for (int k = 0; k < n - 1; k++) {
            double nearest = Double.POSITIVE_INFINITY;
            inTree[x] = true;
            double[] row = distance[x];
            for (int i = 0; i < n; i++) {
                if (inTree[i]) {
                    continue;
                }
                if (distanceToTree[i] > row[i]) {
                    distanceToTree[i] = row[i];
                }
                if (distanceToTree[i] < nearest) {
                    y = i;
                    nearest = distanceToTree[i];
                }
            }
            from[k] = x;
            to[k] = y;
            height[k] = nearest;
            x = y;
        }
        return Dendrogram.fromMerges(n, from, to, height);
    }

    /**
     * Follows a chain of nearest neighbours until two clusters are each other's nearest, merges
     * them into the slot of the higher index, and updates that slot's distances by Lance–Williams.
     */
    private static Dendrogram nearestNeighbourChain(double[][] distance, Linkage linkage) {
        int n = distance.length;
        double[][] d = new double[n][];
        for (int i = 0; i < n; i++) {
            d[i] = distance[i].clone();
        }
        int[] size = new int[n];
        Arrays.fill(size, 1);
        int[] chain = new int[n];
        int chainLength = 0;
        int[] memberA = new int[n - 1];
        int[] memberB = new int[n - 1];
        double[] height = new double[n - 1];
        int x;
        int y = 0;
        for (int k = 0; k < n - 1; k++) {
            if (chainLength == 0) {
                chainLength = 1;
                for (int i = 0; i < n; i++) {
                    if (size[i] > 0) {
                        chain[0] = i;
                        break;
                    }
                }
            }
            double nearest;
            while (true) {
                x = chain[chainLength - 1];
                // prefer the previous link of the chain on a tie, so the chain cannot cycle
                if (chainLength > 1) {
                    y = chain[chainLength - 2];
                    nearest = d[x][y];
                } else {
                    nearest = Double.POSITIVE_INFINITY;
                }
                double[] row = d[x];
                for (int i = 0; i < n; i++) {
                    if (size[i] == 0 || i == x) {
                        continue;
                    }
                    if (row[i] < nearest) {
                        nearest = row[i];
                        y = i;
                    }
                }
                if (chainLength > 1 && y == chain[chainLength - 2]) {
                    break;
                }
                chain[chainLength++] = y;
            }
            chainLength -= 2;
            if (x > y) {
                int swap = x;
                x = y;
                y = swap;
            }
            int sizeX = size[x];
            int sizeY = size[y];
            memberA[k] = x;
            memberB[k] = y;
            height[k] = nearest;
            size[x] = 0;
            size[y] = sizeX + sizeY;
            for (int i = 0; i < n; i++) {
                if (size[i] == 0 || i == y) {
                    continue;
                }
                double updated = linkage.mergedDistance(d[i][x], d[i][y], nearest, sizeX, sizeY, size[i]);
                d[i][y] = updated;
                d[y][i] = updated;
            }
        }
        return Dendrogram.fromMerges(n, memberA, memberB, height);
    }
}
