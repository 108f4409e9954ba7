package io.ballast.plugins.optimizers.hrp;

import java.util.Arrays;

/**
 * A binary cluster tree over n leaves in scipy's linkage-matrix convention: merge k joins the
 * clusters {@code left(k)} and {@code right(k)} at {@code height(k)} into cluster {@code n + k};
 * ids below n are the leaves (assets). Merges are in order of height, and within a merge the
 * lower id is on the left, so the tree, and the order of its leaves, are those of
 * {@code scipy.cluster.hierarchy.linkage}.
 */
final class Dendrogram {

    private final int leafCount;
    private final int[] left;
    private final int[] right;
    private final double[] height;
    private final int[] size;

    private Dendrogram(int leafCount, int[] left, int[] right, double[] height, int[] size) {
        this.leafCount = leafCount;
        this.left = left;
        this.right = right;
        this.height = height;
        this.size = size;
    }

    /**
     * The tree from merges recorded in the order an algorithm found them, each naming one
     * member (a leaf) of each of the two clusters it joins. As scipy's {@code label} does, the
     * merges are stably sorted by height and then numbered by a union-find, so each new cluster
     * gets the next id from n and each merge puts the lower cluster id on the left.
     */
    static Dendrogram fromMerges(int leafCount, int[] memberA, int[] memberB, double[] mergeHeight) {
        int merges = leafCount - 1;
        Integer[] byHeight = new Integer[merges];
        Arrays.setAll(byHeight, k -> k);
        // a stable sort (TimSort) that, like numpy's mergesort, treats equal heights as equal
        Arrays.sort(byHeight, (a, b) -> mergeHeight[a] < mergeHeight[b] ? -1 : mergeHeight[a] > mergeHeight[b] ? 1 : 0);

        int[] parent = new int[2 * leafCount - 1];
        int[] clusterSize = new int[2 * leafCount - 1];
        Arrays.setAll(parent, i -> i);
        Arrays.fill(clusterSize, 1);
        int[] left = new int[merges];
        int[] right = new int[merges];
        double[] height = new double[merges];
        int[] size = new int[merges];
        for (int k = 0; k < merges; k++) {
            int original = byHeight[k];
            int rootA = root(parent, memberA[original]);
            int rootB = root(parent, memberB[original]);
            int merged = leafCount + k;
            left[k] = Math.min(rootA, rootB);
            right[k] = Math.max(rootA, rootB);
            height[k] = mergeHeight[original];
            parent[rootA] = merged;
            parent[rootB] = merged;
            clusterSize[merged] = clusterSize[rootA] + clusterSize[rootB];
            size[k] = clusterSize[merged];
        }
        return new Dendrogram(leafCount, left, right, height, size);
    }

    private static int root(int[] parent, int node) {
        int root = node;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[node] != root) {
            int next = parent[node];
            parent[node] = root;
            node = next;
        }
        return root;
    }

    int leafCount() {
        return leafCount;
    }

    /** The id of the left (lower-id) cluster joined by merge k. */
    int left(int k) {
        return left[k];
    }

    /** The id of the right (higher-id) cluster joined by merge k. */
    int right(int k) {
        return right[k];
    }

    /** The linkage distance at which merge k happens. */
    double height(int k) {
        return height[k];
    }

    /** How many leaves the cluster made by merge k holds. */
    int size(int k) {
        return size[k];
    }

    /**
     * The leaves from left to right (a pre-order walk from the root, left child first), which
     * is scipy's {@code to_tree(Z).pre_order()} and HRP's quasi-diagonal order.
     */
    int[] leavesInOrder() {
        int[] leaves = new int[leafCount];
        if (leafCount == 1) {
            return leaves;
        }
        int[] pending = new int[leafCount];
        int top = 0;
        pending[top++] = 2 * leafCount - 2;
        int next = 0;
        while (top > 0) {
            int node = pending[--top];
            if (node < leafCount) {
                leaves[next++] = node;
            } else {
                // right first onto the stack so that the left subtree is walked first
                pending[top++] = right[node - leafCount];
                pending[top++] = left[node - leafCount];
            }
        }
        return leaves;
    }
}
