package io.ballast.platform.quant.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PositiveSemidefiniteRepairTest {

    @Test
    void recognisesPositiveSemidefiniteMatricesIncludingSingularOnes() {
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(new double[][] {{1, 0}, {0, 2}})).isTrue();
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(new double[][] {{1, 1}, {1, 1}})).isTrue();
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(new double[][] {{0, 0}, {0, 0}})).isTrue();
        // an eigenvalue of -1e-12 is rounding, one of -1e-8 is not
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(new double[][] {{1, 1 + 1e-12}, {1 + 1e-12, 1}})).isTrue();
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(new double[][] {{1, 1 + 1e-8}, {1 + 1e-8, 1}})).isFalse();
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(new double[][] {{-1e-3, 0}, {0, 1}})).isFalse();
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(new double[][] {{0, 1e-9}, {1e-9, 0}})).isFalse();
    }

    @Test
    void clipsNegativeEigenvaluesToZero() {
        // eigenvalues 3 along (1, 1) and -1 along (1, -1): the nearest one keeps 3 * (1, 1)(1, 1)^T / 2
        PositiveSemidefiniteRepair.Outcome outcome = PositiveSemidefiniteRepair.repair(new double[][] {{1, 2}, {2, 1}});

        assertThat(outcome.repaired()).isTrue();
        assertThat(outcome.clippedEigenvalues()).isEqualTo(1);
        assertThat(outcome.smallestEigenvalue()).isCloseTo(-1.0, within(1e-14));
        assertThat(outcome.matrix()[0]).containsExactly(new double[] {1.5, 1.5}, within(1e-14));
        assertThat(outcome.matrix()[1]).containsExactly(new double[] {1.5, 1.5}, within(1e-14));
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(outcome.matrix())).isTrue();
    }

    @Test
    void repairsPyPortfolioOptsNonPositiveSemidefiniteExampleToTheClosedForm() {
        // PyPortfolioOpt tests/test_risk_models.py, test_sample_cov_npd
        double a = 0.03818144;
        double b = 0.04182824;
        double c = 0.04149209;
        double[][] matrix = {{a, b}, {b, c}};
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(matrix)).isFalse();

        PositiveSemidefiniteRepair.Outcome outcome = PositiveSemidefiniteRepair.repair(matrix);

        // 2 x 2 closed form: eigenvalues (a + c)/2 +- sqrt(((a - c)/2)^2 + b^2), the larger along (b, larger - a)
        double root = Math.sqrt((a - c) * (a - c) / 4 + b * b);
        double larger = (a + c) / 2 + root;
        double smaller = (a + c) / 2 - root;
        double[] v = {b, larger - a};
        double norm = v[0] * v[0] + v[1] * v[1];
        assertThat(outcome.smallestEigenvalue()).isCloseTo(smaller, within(1e-16));
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(outcome.matrix()[i][j]).isCloseTo(larger * v[i] * v[j] / norm, within(1e-16));
            }
        }
        // nearest in the Frobenius norm: the distance is the clipped eigenvalue's size
        assertThat(frobeniusDistance(matrix, outcome.matrix())).isCloseTo(-smaller, within(1e-16));
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(outcome.matrix())).isTrue();
    }

    @Test
    void leavesAPositiveSemidefiniteMatrixAsItIs() {
        double[][] matrix = {{0.04, 0.01}, {0.01, 0.09}};

        PositiveSemidefiniteRepair.Outcome outcome = PositiveSemidefiniteRepair.repair(matrix);

        assertThat(outcome.repaired()).isFalse();
        assertThat(outcome.clippedEigenvalues()).isZero();
        assertThat(outcome.matrix()).isNotSameAs(matrix);
        assertThat(outcome.matrix()[0]).containsExactly(0.04, 0.01);
        assertThat(outcome.matrix()[1]).containsExactly(0.01, 0.09);
    }

    @Test
    void theRepairIsNoFurtherThanOtherPositiveSemidefiniteCandidates() {
        // a pairwise covariance with staggered overlaps (see MarketEstimatorTest), eigenvalues about -5.2e-4, 5.6e-4, 1.1e-3
        double[][] matrix = {
            {2e-3 / 7, 1e-3 / 3, -1e-3 / 3},
            {1e-3 / 3, 3e-3 / 7, 2e-3 / 3},
            {-1e-3 / 3, 2e-3 / 3, 3e-3 / 7},
        };

        PositiveSemidefiniteRepair.Outcome outcome = PositiveSemidefiniteRepair.repair(matrix);

        assertThat(outcome.clippedEigenvalues()).isEqualTo(1);
        double distance = frobeniusDistance(matrix, outcome.matrix());
        assertThat(distance).isCloseTo(-outcome.smallestEigenvalue(), within(1e-15));
        // PyPortfolioOpt's other fix, shifting the diagonal by 1.1 times the smallest eigenvalue, is further away
        double[][] shifted = new double[3][];
        for (int i = 0; i < 3; i++) {
            shifted[i] = matrix[i].clone();
            shifted[i][i] -= 1.1 * outcome.smallestEigenvalue();
        }
        assertThat(PositiveSemidefiniteRepair.isPositiveSemidefinite(shifted)).isTrue();
        assertThat(frobeniusDistance(matrix, shifted)).isGreaterThan(distance);
    }

    private static double frobeniusDistance(double[][] x, double[][] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                sum += (x[i][j] - y[i][j]) * (x[i][j] - y[i][j]);
            }
        }
        return Math.sqrt(sum);
    }
}
