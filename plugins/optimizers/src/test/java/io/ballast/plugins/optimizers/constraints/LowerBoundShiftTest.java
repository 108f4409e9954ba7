package io.ballast.plugins.optimizers.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.WeightConstraints;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class LowerBoundShiftTest {

    private static final List<String> ABC = List.of("A", "B", "C");
    /** Lower bounds 0.1, 0.2, 0: L = 0.3, 1 − L = 0.7. */
    private static final WeightConstraints FLOORS = WeightConstraints.longOnly().withAssetBounds("A", 0.1, 1).withAssetBounds("B", 0.2, 1);

    private final LowerBoundShift shift = ConstraintSystem.of(ABC, FLOORS).lowerBoundShift().orElseThrow();

    @Test
    void aRowGainsItsValueAtTheLowerBoundsOverTheFreeShareOnEveryAsset() {
        // Tᵀc = c + 1·(l·c)/(1 − L): l·c = 0.1·1 + 0.2·2 = 0.5, over 0.7
        double[] shifted = shift.row(new double[] {1, 2, 3});

        assertThat(shifted[0]).isCloseTo(1 + 0.5 / 0.7, within(1e-15));
        assertThat(shifted[1]).isCloseTo(2 + 0.5 / 0.7, within(1e-15));
        assertThat(shifted[2]).isCloseTo(3 + 0.5 / 0.7, within(1e-15));
    }

    @Test
    void theQuadraticIsTheCongruenceByT() {
        double[][] q = {{0.04, 0.006, -0.004}, {0.006, 0.09, 0.018}, {-0.004, 0.018, 0.0625}};
        // second method: T = I + l·1ᵀ/(1 − L) written out, TᵀQT multiplied with Commons Math
        RealMatrix t = MatrixUtils.createRealIdentityMatrix(3);
        double[] lower = {0.1, 0.2, 0};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                t.addToEntry(i, j, lower[i] / 0.7);
            }
        }
        RealMatrix expected = t.transpose().multiply(new Array2DRowRealMatrix(q)).multiply(t);

        double[][] shifted = shift.quadratic(q);

        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertThat(shifted[i][j]).isCloseTo(expected.getEntry(i, j), within(1e-15));
            }
        }
    }

    @Test
    void weightsAreTheLowerBoundsPlusTheFreeShareSplitLikeZ() {
        // z = (0, 1, 3): Σz = 4, w = l + 0.7·z/4
        double[] weights = shift.weights(new double[] {0, 1, 3}, 4);

        assertThat(weights).containsExactly(new double[] {0.1, 0.2 + 0.175, 0.525}, within(1e-15));
    }

    @Test
    void fromScaledUndoesTheShiftOfAPortfolio() {
        // w = (0.3, 0.3, 0.4) at scale κ = 2: y = 2w, z = y − lκ = (0.4, 0.2, 0.8), and back to w
        double[] z = shift.fromScaled(new double[] {0.6, 0.6, 0.8});

        assertThat(z).containsExactly(new double[] {0.4, 0.2, 0.8}, within(1e-15));
        assertThat(shift.weights(z, 1.4)).containsExactly(new double[] {0.3, 0.3, 0.4}, within(1e-15));
    }

    @Test
    void theShiftedSystemBoundsEveryVariableBelowByZeroAndMapsTheRows() {
        // A at most 0.5 is z_A − (0.5 − 0.1)·Σz/(1 − L) ≤ 0 in z (from w_A = 0.1 + 0.7·z_A/Σz ≤ 0.5)
        ConstraintSystem system = ConstraintSystem.of(ABC, FLOORS.withAssetBounds("A", 0.1, 0.5));
        ConstraintSystem shifted = system.homogenised(system.lowerBoundShift().orElseThrow());

        assertThat(shifted.lowerBounds()).containsExactly(0, 0, 0);
        assertThat(shifted.upperBounds()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(shifted.equalities()).isEmpty();
        assertThat(shifted.inequalities()).singleElement().satisfies(cap -> {
            assertThat(cap.coefficients()).containsExactly(new double[] {1 - 0.4 / 0.7, -0.4 / 0.7, -0.4 / 0.7}, within(1e-15));
            assertThat(cap.bound()).isZero();
        });
    }

    @Test
    void appliesOnlyToNonNegativeLowerBoundsBelowFullInvestmentWithoutTurnover() {
        assertThat(ConstraintSystem.of(ABC, WeightConstraints.longOnly()).lowerBoundShift()).as("all at 0").isEmpty();
        assertThat(ConstraintSystem.of(ABC, FLOORS.withAssetBounds("C", -0.1, 1)).lowerBoundShift()).as("a short").isEmpty();
        assertThat(ConstraintSystem.of(ABC, FLOORS.withAssetBounds("C", 0.7, 1)).lowerBoundShift()).as("L = 1").isEmpty();
        assertThat(ConstraintSystem.of(ABC, FLOORS.withTurnoverLimit(0.5, Map.of("A", 0.4, "B", 0.6))).lowerBoundShift())
                .as("turnover limit").isEmpty();
    }
}
