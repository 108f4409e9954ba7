package io.ballast.platform.quant.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Cross products {@code A^T B} of matrices stored as rows of periods ({@code a[period][column]}),
 * the one heavy computation behind every covariance here.
 *
 * <p>Written by hand because the library route is several times slower: on 2,520 x 500 centred
 * returns Commons Math's {@code BlockRealMatrix} {@code transpose().multiply()} takes about 210 ms,
 * this about 23 ms on one core (see {@code CovarianceMeasurement}). The shape is chosen for the
 * JIT's vectoriser: B's columns are copied in blocks of 128 into rows of their own, and the inner
 * loop adds four periods' contributions to two rows of the result held in one accumulator array,
 * all at the same index, so it compiles to vector fused multiply-adds that load each operand once
 * for two rows. (Two rows in separate arrays, or one array indexed at an offset, defeat the
 * vectoriser's aliasing analysis; four rows run out of registers.) Blocks of 32 periods keep the
 * operands in the L1 cache, and independent pieces of the result run in parallel on the common
 * fork-join pool.
 */
final class CrossProducts {

    /** Columns of B per block: a compile-time constant, so the offset of the second row in the inner loop is known. */
    private static final int WIDTH = 128;
    /** Periods per pass: 32 packed rows of 128 columns fill the 32 KiB L1 data cache. */
    private static final int PERIOD_BLOCK = 32;
    /** Pairs of result rows per parallel task. */
    private static final int PAIRS_PER_TASK = 32;
    /** Below this many multiply-adds a second core does not pay for the fork-join overhead. */
    private static final long PARALLEL_THRESHOLD = 2_000_000L;

    private CrossProducts() {
    }

    /** {@code X^T X} of {@code x[period][column]} with {@code columns} columns; symmetric. */
    static double[][] gram(double[][] x, int columns) {
        double[][] product = compute(x, columns, x, columns, true);
        for (int i = 0; i < columns; i++) {
            for (int j = 0; j < i; j++) {
                product[i][j] = product[j][i];
            }
        }
        return product;
    }

    /** {@code A^T B}: {@code result[i][j] = sum over periods of a[t][i] * b[t][j]}. */
    static double[][] of(double[][] a, int aColumns, double[][] b, int bColumns) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " periods against " + b.length);
        }
        return compute(a, aColumns, b, bColumns, false);
    }

    /** A piece of the result: rows {@code [firstRow, endRow)} of the columns of one block. */
    private record Piece(int block, int firstRow, int endRow) {
    }

    private static double[][] compute(double[][] a, int aColumns, double[][] b, int bColumns, boolean upperOnly) {
        int periods = a.length;
        double[][] product = new double[aColumns][bColumns];
        int blocks = (bColumns + WIDTH - 1) / WIDTH;
        double[][][] packed = new double[blocks][][];
        List<Piece> pieces = new ArrayList<>();
        for (int block = 0; block < blocks; block++) {
            int rows = upperOnly ? Math.min(aColumns, (block + 1) * WIDTH) : aColumns;
            for (int row = 0; row < rows; row += 2 * PAIRS_PER_TASK) {
                pieces.add(new Piece(block, row, Math.min(rows, row + 2 * PAIRS_PER_TASK)));
            }
        }
        boolean parallel = (long) periods * aColumns * bColumns > PARALLEL_THRESHOLD;
        IntStream blockIndices = IntStream.range(0, blocks);
        (parallel ? blockIndices.parallel() : blockIndices).forEach(block -> packed[block] = pack(b, block * WIDTH, bColumns));
        IntStream pieceIndices = IntStream.range(0, pieces.size());
        // each piece writes only its own rows of its own columns: the tasks share no element
        (parallel ? pieceIndices.parallel() : pieceIndices).forEach(p -> {
            Piece piece = pieces.get(p);
            accumulate(a, packed[piece.block()], piece.block() * WIDTH, bColumns, piece.firstRow(), piece.endRow(), upperOnly, product);
        });
        return product;
    }

    /** Columns {@code [first, first + WIDTH)} of every period as rows of their own, zero beyond the last column. */
    private static double[][] pack(double[][] b, int first, int columns) {
        int width = Math.min(WIDTH, columns - first);
        double[][] packed = new double[b.length][WIDTH];
        for (int t = 0; t < b.length; t++) {
            System.arraycopy(b[t], first, packed[t], 0, width);
        }
        return packed;
    }

    private static void accumulate(double[][] a, double[][] packed, int firstColumn, int columns, int firstRow, int endRow,
            boolean upperOnly, double[][] product) {
        int periods = a.length;
        int width = Math.min(WIDTH, columns - firstColumn);
        int pairs = (endRow - firstRow + 1) / 2;
        double[][] sums = new double[pairs][2 * WIDTH];
        for (int start = 0; start < periods; start += PERIOD_BLOCK) {
            int end = Math.min(periods, start + PERIOD_BLOCK);
            for (int pair = 0; pair < pairs; pair++) {
                int first = firstRow + 2 * pair;
                // an odd last row is paired with itself; its copy is not written back
                int second = Math.min(first + 1, endRow - 1);
                int from = upperOnly ? Math.max(0, first - firstColumn) : 0;
                double[] sum = sums[pair];
                int t = start;
                for (; t + 3 < end; t += 4) {
                    double[] a0 = a[t];
                    double[] a1 = a[t + 1];
                    double[] a2 = a[t + 2];
                    double[] a3 = a[t + 3];
                    addFourPeriods(sum, packed[t], packed[t + 1], packed[t + 2], packed[t + 3],
                            a0[first], a1[first], a2[first], a3[first], a0[second], a1[second], a2[second], a3[second], from, width);
                }
                for (; t < end; t++) {
                    addOnePeriod(sum, packed[t], a[t][first], a[t][second], from, width);
                }
            }
        }
        for (int pair = 0; pair < pairs; pair++) {
            int first = firstRow + 2 * pair;
            System.arraycopy(sums[pair], 0, product[first], firstColumn, width);
            if (first + 1 < endRow) {
                System.arraycopy(sums[pair], WIDTH, product[first + 1], firstColumn, width);
            }
        }
    }

    /** Adds four periods to two rows: the first in {@code sum[0, WIDTH)}, the second in {@code sum[WIDTH, 2 WIDTH)}. */
    private static void addFourPeriods(double[] sum, double[] b0, double[] b1, double[] b2, double[] b3,
            double first0, double first1, double first2, double first3,
            double second0, double second1, double second2, double second3, int from, int to) {
        for (int j = from; j < to; j++) {
            double v0 = b0[j];
            double v1 = b1[j];
            double v2 = b2[j];
            double v3 = b3[j];
            sum[j] = Math.fma(first3, v3, Math.fma(first2, v2, Math.fma(first1, v1, Math.fma(first0, v0, sum[j]))));
            sum[j + WIDTH] = Math.fma(second3, v3, Math.fma(second2, v2, Math.fma(second1, v1,
                    Math.fma(second0, v0, sum[j + WIDTH]))));
        }
    }

    private static void addOnePeriod(double[] sum, double[] b, double first, double second, int from, int to) {
        for (int j = from; j < to; j++) {
            sum[j] = Math.fma(first, b[j], sum[j]);
            sum[j + WIDTH] = Math.fma(second, b[j], sum[j + WIDTH]);
        }
    }
}
