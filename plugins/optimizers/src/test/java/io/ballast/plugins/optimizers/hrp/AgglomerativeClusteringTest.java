package io.ballast.plugins.optimizers.hrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.MarketEstimates;
import io.ballast.plugins.optimizers.StockPricesEstimates;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trees must be scipy's, merge for merge: every expected linkage matrix and leaf order here
 * was computed with scipy 1.17.1 ({@code scipy.cluster.hierarchy.linkage(y, method)} on the
 * condensed distances y, and {@code to_tree(Z).pre_order()}), python 3.11, numpy 2.4.
 */
class AgglomerativeClusteringTest {

    /** scipy's own docstring example, points 2, 8, 0, 4, 1, 9, 9, 0 on a line: ties at 0 and 1 decide the layout. */
    private static final double[] LINE_POINTS = {2, 8, 0, 4, 1, 9, 9, 0};

    private static double[][] lineDistances() {
        int n = LINE_POINTS.length;
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                distance[i][j] = Math.abs(LINE_POINTS[i] - LINE_POINTS[j]);
            }
        }
        return distance;
    }

    /** Rows {left, right, height, size} of Z. */
    private static void assertLinkage(Dendrogram tree, double[][] expected) {
        assertThat(tree.leafCount()).isEqualTo(expected.length + 1);
        for (int k = 0; k < expected.length; k++) {
            assertThat(tree.left(k)).as("left of merge %d", k).isEqualTo((int) expected[k][0]);
            assertThat(tree.right(k)).as("right of merge %d", k).isEqualTo((int) expected[k][1]);
            assertThat(tree.height(k)).as("height of merge %d", k).isCloseTo(expected[k][2], within(1e-12));
            if (expected[k].length > 3) {
                assertThat(tree.size(k)).as("size of merge %d", k).isEqualTo((int) expected[k][3]);
            }
        }
    }

    static Stream<Arguments> scipysLineExample() {
        return Stream.of(
                Arguments.of(lineDistances(), Linkage.SINGLE, new double[][] {
                    {2, 7, 0.0, 2},
                    {5, 6, 0.0, 2},
                    {0, 4, 1.0, 2},
                    {8, 10, 1.0, 4},
                    {1, 9, 1.0, 3},
                    {3, 11, 2.0, 5},
                    {12, 13, 4.0, 8},
                }, new int[] {1, 5, 6, 3, 2, 7, 0, 4}),
                Arguments.of(lineDistances(), Linkage.COMPLETE, new double[][] {
                    {5, 6, 0.0, 2},
                    {2, 7, 0.0, 2},
                    {0, 4, 1.0, 2},
                    {1, 8, 1.0, 3},
                    {9, 10, 2.0, 4},
                    {3, 12, 4.0, 5},
                    {11, 13, 9.0, 8},
                }, new int[] {1, 5, 6, 3, 2, 7, 0, 4}),
                Arguments.of(lineDistances(), Linkage.AVERAGE, new double[][] {
                    {5, 6, 0.0, 2},
                    {2, 7, 0.0, 2},
                    {0, 4, 1.0, 2},
                    {1, 8, 1.0, 3},
                    {9, 10, 1.5, 4},
                    {3, 12, 3.25, 5},
                    {11, 13, 7.266666666666666, 8},
                }, new int[] {1, 5, 6, 3, 2, 7, 0, 4}),
                Arguments.of(lineDistances(), Linkage.WARD, new double[][] {
                    {5, 6, 0.0, 2},
                    {2, 7, 0.0, 2},
                    {0, 4, 1.0, 2},
                    {1, 8, 1.1547005383792515, 3},
                    {9, 10, 2.1213203435596424, 4},
                    {3, 12, 4.110960958218893, 5},
                    {11, 13, 14.071839491220281, 8},
                }, new int[] {1, 5, 6, 3, 2, 7, 0, 4}));
    }

    /**
     * 40 points on a small grid, a_i = 7i mod 13 and b_i = 5i mod 11, with Manhattan distances:
     * many equal distances and coincident points, so every tie rule of scipy's algorithms shows.
     */
    private static double[][] gridDistances() {
        int n = 40;
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                distance[i][j] = Math.abs((7 * i) % 13 - (7 * j) % 13) + Math.abs((5 * i) % 11 - (5 * j) % 11);
            }
        }
        return distance;
    }

    @Test
    void tiesOnAGridGiveScipysLeafOrderForEveryLinkage() {
        assertThat(AgglomerativeClustering.cluster(gridDistances(), Linkage.SINGLE).leavesInOrder()).containsExactly(
                37, 24, 35, 0, 38, 36, 34, 33, 32, 31, 30, 29, 28, 27, 25, 11, 22, 9, 20, 7, 18, 5, 16, 3, 14, 1, 12, 23,
                10, 21, 8, 19, 6, 17, 4, 15, 2, 13, 26, 39);
        assertThat(AgglomerativeClustering.cluster(gridDistances(), Linkage.COMPLETE).leavesInOrder()).containsExactly(
                0, 2, 13, 26, 39, 15, 28, 4, 17, 30, 6, 19, 32, 25, 38, 14, 27, 3, 16, 29, 8, 21, 34, 1, 12, 10, 23, 36,
                37, 24, 35, 5, 18, 31, 7, 20, 33, 11, 9, 22);
        assertThat(AgglomerativeClustering.cluster(gridDistances(), Linkage.AVERAGE).leavesInOrder()).containsExactly(
                0, 4, 15, 6, 17, 28, 26, 39, 2, 13, 25, 36, 1, 12, 27, 38, 3, 14, 8, 19, 30, 23, 34, 10, 21, 32, 37, 24,
                35, 11, 22, 33, 9, 20, 29, 5, 16, 31, 7, 18);
        assertThat(AgglomerativeClustering.cluster(gridDistances(), Linkage.WARD).leavesInOrder()).containsExactly(
                0, 6, 17, 30, 8, 19, 32, 2, 13, 26, 39, 4, 15, 28, 23, 36, 10, 21, 34, 1, 12, 25, 38, 3, 14, 27, 37, 24,
                35, 20, 33, 11, 9, 22, 5, 16, 29, 7, 18, 31);
    }

    @Test
    void theTopOfTheGridTreesAreScipys() {
        Dendrogram average = AgglomerativeClustering.cluster(gridDistances(), Linkage.AVERAGE);
        assertThat(average.left(38)).isEqualTo(76);
        assertThat(average.right(38)).isEqualTo(77);
        assertThat(average.height(36)).isCloseTo(10.08, within(1e-12));
        assertThat(average.height(37)).isCloseTo(10.303030303030303, within(1e-12));
        assertThat(average.height(38)).isCloseTo(11.214285714285714, within(1e-12));

        Dendrogram ward = AgglomerativeClustering.cluster(gridDistances(), Linkage.WARD);
        assertThat(ward.left(38)).isEqualTo(75);
        assertThat(ward.right(38)).isEqualTo(77);
        assertThat(ward.height(38)).isCloseTo(44.69193697714646, within(1e-12));
    }

    private static double[][] stockCorrelationDistances() {
        MarketEstimates estimates = StockPricesEstimates.load();
        double[][] correlation = estimates.correlation();
        int n = correlation.length;
        double[][] distance = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                distance[i][j] = i == j ? 0 : Math.sqrt((1 - correlation[i][j]) / 2);
            }
        }
        return distance;
    }

    static Stream<Arguments> stockCorrelations() {
        return Stream.of(
                Arguments.of(stockCorrelationDistances(), Linkage.SINGLE, new double[][] {
                    {8, 18, 0.375093871429929},
                    {9, 20, 0.47582521096286606},
                    {5, 21, 0.48030309515797265},
                    {16, 22, 0.504547325144436},
                    {0, 23, 0.5147763407153514},
                    {1, 24, 0.5220573721602376},
                    {4, 25, 0.5236843048400542},
                    {13, 26, 0.5305562075417836},
                    {19, 27, 0.5328293704654163},
                    {11, 28, 0.541146841031932},
                    {17, 29, 0.5419605138884431},
                    {3, 30, 0.5442297253966287},
                    {10, 31, 0.5459473413480629},
                    {7, 32, 0.5539984370337864},
                    {2, 33, 0.5604719531826083},
                    {14, 34, 0.5635839601709477},
                    {15, 35, 0.5769895564262726},
                    {6, 36, 0.5865467874853662},
                    {12, 37, 0.5871945768540829},
                }, new int[] {12, 6, 15, 14, 2, 7, 10, 3, 17, 11, 19, 13, 4, 1, 0, 16, 5, 9, 8, 18}),
                Arguments.of(stockCorrelationDistances(), Linkage.COMPLETE, new double[][] {
                    {8, 18, 0.375093871429929},
                    {5, 20, 0.4913950373597521},
                    {9, 21, 0.509305761623533},
                    {0, 16, 0.5147763407153514},
                    {1, 23, 0.5368334835102867},
                    {11, 19, 0.541146841031932},
                    {2, 3, 0.5604719531826083},
                    {10, 13, 0.5612884308276787},
                    {4, 26, 0.5727385979885616},
                    {22, 25, 0.5857267199688506},
                    {12, 15, 0.5886751186761864},
                    {7, 17, 0.5902253540967393},
                    {27, 31, 0.6001404207055552},
                    {6, 24, 0.6103621736356893},
                    {29, 30, 0.6171686075044752},
                    {33, 34, 0.6317158038928873},
                    {32, 35, 0.6537628197181886},
                    {14, 36, 0.6710269729837883},
                    {28, 37, 0.6904003089306149},
                }, new int[] {4, 2, 3, 14, 10, 13, 7, 17, 6, 1, 0, 16, 9, 5, 8, 18, 11, 19, 12, 15}),
                Arguments.of(stockCorrelationDistances(), Linkage.AVERAGE, new double[][] {
                    {8, 18, 0.375093871429929},
                    {5, 20, 0.48584906625886237},
                    {9, 21, 0.4937217153343402},
                    {0, 16, 0.5147763407153514},
                    {1, 23, 0.5294454278352622},
                    {11, 19, 0.541146841031932},
                    {4, 24, 0.556133629687329},
                    {3, 26, 0.5596934273333443},
                    {13, 22, 0.5599624450304619},
                    {10, 28, 0.5705458430092729},
                    {25, 29, 0.5793949608390528},
                    {2, 27, 0.5812995774399058},
                    {17, 30, 0.5873520763955051},
                    {12, 15, 0.5886751186761864},
                    {7, 32, 0.5897715817976441},
                    {31, 34, 0.5970657569650757},
                    {6, 35, 0.6183427476594702},
                    {33, 36, 0.6191514898167366},
                    {14, 37, 0.6341178667577845},
                }, new int[] {14, 12, 15, 6, 2, 3, 4, 1, 0, 16, 7, 17, 11, 19, 10, 13, 9, 5, 8, 18}),
                Arguments.of(stockCorrelationDistances(), Linkage.WARD, new double[][] {
                    {8, 18, 0.375093871429929},
                    {5, 9, 0.509305761623533},
                    {0, 16, 0.5147763407153514},
                    {20, 21, 0.5217911015616634},
                    {1, 22, 0.5343137332844181},
                    {11, 19, 0.541146841031932},
                    {2, 3, 0.5604719531826083},
                    {10, 13, 0.5612884308276787},
                    {4, 26, 0.5709247800707549},
                    {12, 15, 0.5886751186761864},
                    {7, 17, 0.5902253540967393},
                    {27, 30, 0.6056492922034503},
                    {24, 28, 0.6138724344823384},
                    {25, 29, 0.6209256219891556},
                    {6, 14, 0.6441714714858838},
                    {33, 34, 0.6694710118378041},
                    {23, 31, 0.6830622652905327},
                    {35, 36, 0.7305779430242826},
                    {32, 37, 0.7894996490026603},
                }, new int[] {1, 0, 16, 4, 2, 3, 11, 19, 12, 15, 6, 14, 8, 18, 5, 9, 10, 13, 7, 17}));
    }

    /**
     * On the line example, ties at 0 and 1 decide the layout: equal heights keep scipy's order, and
     * each merge puts the lower id left; on the stock correlations the heights are all distinct.
     */
    @ParameterizedTest
    @MethodSource({"scipysLineExample", "stockCorrelations"})
    void givesScipysTree(double[][] distances, Linkage linkage, double[][] expectedLinkage, int[] expectedLeaves) {
        Dendrogram tree = AgglomerativeClustering.cluster(distances, linkage);

        assertLinkage(tree, expectedLinkage);
        assertThat(tree.leavesInOrder()).containsExactly(expectedLeaves);
    }

    @Test
    void twoPointsMakeOneMerge() {
        Dendrogram tree = AgglomerativeClustering.cluster(new double[][] {{0, 0.3}, {0.3, 0}}, Linkage.WARD);

        assertLinkage(tree, new double[][] {{0, 1, 0.3, 2}});
        assertThat(tree.leavesInOrder()).containsExactly(0, 1);
    }
}
