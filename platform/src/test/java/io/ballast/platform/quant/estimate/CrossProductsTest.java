package io.ballast.platform.quant.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CrossProductsTest {

    /** Sizes around the blocks (128 columns, 32 periods, 4-period strips) and past the parallel threshold. */
    @ParameterizedTest(name = "{0} periods x {1} columns")
    @CsvSource({"1, 1", "3, 2", "5, 7", "33, 129", "150, 131", "67, 260"})
    void gramEqualsTheTextbookTripleLoop(int periods, int columns) {
        double[][] x = random(periods, columns, 1);

        double[][] gram = CrossProducts.gram(x, columns);

        double[][] expected = naive(x, x, columns, columns);
        for (int i = 0; i < columns; i++) {
            assertThat(gram[i]).containsExactly(expected[i], within(1e-12));
        }
    }

    @ParameterizedTest(name = "{0} periods x {1} and {2} columns")
    @CsvSource({"2, 1, 3", "9, 5, 130", "150, 131, 140"})
    void crossProductEqualsTheTextbookTripleLoop(int periods, int aColumns, int bColumns) {
        double[][] a = random(periods, aColumns, 2);
        double[][] b = random(periods, bColumns, 3);

        double[][] product = CrossProducts.of(a, aColumns, b, bColumns);

        double[][] expected = naive(a, b, aColumns, bColumns);
        for (int i = 0; i < aColumns; i++) {
            assertThat(product[i]).containsExactly(expected[i], within(1e-12));
        }
    }

    @Test
    void smallExampleByHand() {
        // rows (1, 2) and (3, 4): X^T X = [[1 + 9, 2 + 12], [2 + 12, 4 + 16]]
        double[][] gram = CrossProducts.gram(new double[][] {{1, 2}, {3, 4}}, 2);

        assertThat(gram[0]).containsExactly(10.0, 14.0);
        assertThat(gram[1]).containsExactly(14.0, 20.0);
    }

    private static double[][] naive(double[][] a, double[][] b, int aColumns, int bColumns) {
        double[][] result = new double[aColumns][bColumns];
        for (int i = 0; i < aColumns; i++) {
            for (int j = 0; j < bColumns; j++) {
                double sum = 0;
                for (int t = 0; t < a.length; t++) {
                    sum += a[t][i] * b[t][j];
                }
                result[i][j] = sum;
            }
        }
        return result;
    }

    private static double[][] random(int rows, int columns, long seed) {
        Random random = new Random(seed);
        double[][] matrix = new double[rows][columns];
        for (double[] row : matrix) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return matrix;
    }
}
