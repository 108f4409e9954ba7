package io.ballast.plugins.optimizers.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.ballast.api.optimizer.WeightConstraints;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintSystemTest {

    private static final List<String> ABC = List.of("A", "B", "C");

    @Test
    void longOnlyIsTheBudgetAndNonNegativity() {
        // an upper bound of 1 is implied by Σw = 1 and w ≥ 0, so it is left out
        ConstraintSystem system = ConstraintSystem.of(ABC, WeightConstraints.longOnly());

        assertThat(system.variableCount()).isEqualTo(3);
        assertThat(system.lowerBounds()).containsExactly(0, 0, 0);
        assertThat(system.upperBounds()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(system.equalities()).singleElement().satisfies(budget -> {
            assertThat(budget.coefficients()).containsExactly(1, 1, 1);
            assertThat(budget.bound()).isEqualTo(1);
        });
        assertThat(system.inequalities()).isEmpty();
    }

    @Test
    void anUpperBoundThatCanBindIsKept() {
        // with B at least 0.5, A and C can reach only 0.5 each: C's cap of 0.6 is implied, A's cap of 0.4 is not
        ConstraintSystem system = ConstraintSystem.of(ABC, WeightConstraints.longOnly()
                .withAssetBounds("A", 0, 0.4).withAssetBounds("B", 0.5, 1).withAssetBounds("C", 0, 0.6));

        assertThat(system.upperBounds()).containsExactly(0.4, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Test
    void aMaximumPositionCapsShortsAndLongs() {
        ConstraintSystem system = ConstraintSystem.of(ABC, WeightConstraints.longOnly().withBounds(-1, 1).withMaxPosition(0.5));

        assertThat(system.lowerBounds()).containsExactly(-0.5, -0.5, -0.5);
        assertThat(system.upperBounds()).containsExactly(0.5, 0.5, 0.5);
    }

    @Test
    void aSectorCapIsARowOverItsAssets() {
        ConstraintSystem system = ConstraintSystem.of(ABC, WeightConstraints.longOnly()
                .withSectorCaps(Map.of("A", "tech", "C", "tech", "B", "energy"), Map.of("tech", 0.3, "energy", 1.5)));

        // the energy cap of 1.5 is above B's own upper bound, so it cannot bind and is left out
        assertThat(system.inequalities()).singleElement().satisfies(cap -> {
            assertThat(cap.name()).isEqualTo("constraints.maxWeightBySector.tech");
            assertThat(cap.coefficients()).containsExactly(1, 0, 1);
            assertThat(cap.bound()).isEqualTo(0.3);
        });
    }

    @Test
    void aTurnoverLimitAddsOneTradePerAssetBoundedByTwoRows() {
        // current weights: A 0.6, B 0.4, and 0.1 in an asset outside the universe that must be sold
        ConstraintSystem system = ConstraintSystem.of(List.of("A", "B"), WeightConstraints.longOnly()
                .withTurnoverLimit(0.5, Map.of("A", 0.6, "B", 0.3, "GONE", 0.1)));

        assertThat(system.variableCount()).isEqualTo(4);
        assertThat(system.tradeVariable(1)).isEqualTo(3);
        assertThat(system.lowerBounds()).containsExactly(0, 0, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        List<LinearConstraint> rows = system.inequalities();
        assertThat(rows).hasSize(5);
        // w_A − t_A ≤ 0.6 and −w_A − t_A ≤ −0.6: t_A ≥ |w_A − 0.6|
        assertThat(rows.get(0).coefficients()).containsExactly(1, 0, -1, 0);
        assertThat(rows.get(0).bound()).isEqualTo(0.6);
        assertThat(rows.get(1).coefficients()).containsExactly(-1, 0, -1, 0);
        assertThat(rows.get(1).bound()).isEqualTo(-0.6);
        // the trades sum to at most 0.5 less the 0.1 sold outside
        assertThat(rows.get(4).coefficients()).containsExactly(0, 0, 1, 1);
        assertThat(rows.get(4).bound()).isCloseTo(0.4, within(1e-15));
        assertThat(system.canRest(0)).isFalse();
    }

    @Test
    void homogenisingScalesEveryLimitByTheSumOfTheScaledWeights() {
        // a·w ≤ b becomes (a − b·1)·y ≤ 0; a lower bound of 0 stays a bound, others become rows
        ConstraintSystem system = ConstraintSystem.of(ABC, WeightConstraints.longOnly().withAssetBounds("A", 0.1, 0.4)
                .withSectorCaps(Map.of("B", "tech", "C", "tech"), Map.of("tech", 0.7))).homogenised();

        assertThat(system.isHomogenised()).isTrue();
        assertThat(system.equalities()).isEmpty();
        assertThat(system.lowerBounds()).containsExactly(Double.NEGATIVE_INFINITY, 0, 0);
        assertThat(system.upperBounds()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(system.inequalities()).extracting(LinearConstraint::bound).containsOnly(0.0);
        assertThat(system.inequalities()).extracting(LinearConstraint::coefficients).containsExactly(
                new double[] {-0.7, 0.30000000000000004, 0.30000000000000004}, // tech: y_B + y_C ≤ 0.7 Σy
                new double[] {-0.9, 0.1, 0.1},    // A's floor: 0.1 Σy ≤ y_A
                new double[] {0.6, -0.4, -0.4},   // A's cap: y_A ≤ 0.4 Σy
                new double[] {-1, -1, -1});       // Σy ≥ 0
    }

    @Test
    void theSpreadPointIsTheNearestToEqualWithinTheBounds() {
        ConstraintSystem system = ConstraintSystem.of(ABC, WeightConstraints.longOnly().withAssetBounds("A", 0, 0.2));

        assertThat(system.spreadPoint()).hasValueSatisfying(point -> assertThat(point).containsExactly(0.2, 0.4, 0.4));
    }

    @Test
    void noSpreadPointWhenItBreaksASectorCap() {
        ConstraintSystem system = ConstraintSystem.of(ABC, WeightConstraints.longOnly()
                .withSectorCaps(Map.of("A", "tech", "B", "tech"), Map.of("tech", 0.5)));

        assertThat(system.spreadPoint()).isEmpty();
        assertThat(system.admits(new double[] {0.25, 0.25, 0.5}, 0)).isTrue();
        assertThat(system.admits(new double[] {0.3, 0.3, 0.4}, 0)).isFalse();
    }

    @Test
    void refusesBoundsNoFullyInvestedPortfolioMeets() {
        assertThatThrownBy(() -> ConstraintSystem.of(ABC, WeightConstraints.longOnly().withBounds(0.375, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints: the lower weight bounds (minWeight, minWeightByAsset) add up to 1.125 over the 3 assets,"
                        + " more than 1: no fully invested portfolio meets them");
        assertThatThrownBy(() -> ConstraintSystem.of(ABC, WeightConstraints.longOnly().withBounds(0, 0.25)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints: the upper weight bounds (maxWeight, maxWeightByAsset, maxPosition) add up to 0.75 over the 3"
                        + " assets, less than 1: no fully invested portfolio meets them");
    }

    @Test
    void refusesAFloorAboveTheMaximumPosition() {
        assertThatThrownBy(() -> ConstraintSystem.of(ABC, WeightConstraints.longOnly().withAssetBounds("A", 0.5, 1).withMaxPosition(0.375)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints: asset A must hold at least 0.5 but at most 0.375 (maxWeight, maxWeightByAsset and"
                        + " maxPosition all cap it)");
    }

    @Test
    void refusesASectorCapBelowItsAssetsFloors() {
        WeightConstraints constraints = WeightConstraints.longOnly().withAssetBounds("A", 0.25, 1).withAssetBounds("B", 0.25, 1)
                .withSectorCaps(Map.of("A", "tech", "B", "tech"), Map.of("tech", 0.375));

        assertThatThrownBy(() -> ConstraintSystem.of(ABC, constraints))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints.maxWeightBySector.tech is 0.375, but the lower weight bounds of that sector's assets add up to 0.5");
    }

    @Test
    void refusesSectorCapsThatLeaveTooLittleRoom() {
        // A and B may hold 0.25 together, C at most 0.5: 0.75 in all
        WeightConstraints constraints = WeightConstraints.longOnly().withAssetBounds("C", 0, 0.5)
                .withSectorCaps(Map.of("A", "tech", "B", "tech"), Map.of("tech", 0.25));

        assertThatThrownBy(() -> ConstraintSystem.of(ABC, constraints))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints.maxWeightBySector: with the sector caps and the upper weight bounds the assets can hold at most"
                        + " 0.75 in total, less than 1: no fully invested portfolio meets them");
    }

    @Test
    void refusesATurnoverLimitBelowTheLeastTrade() {
        // A is capped at 0.5 but holds 1: at least 0.5 must be sold
        assertThatThrownBy(() -> ConstraintSystem.of(ABC, WeightConstraints.longOnly().withBounds(0, 0.5)
                .withTurnoverLimit(0.25, Map.of("A", 1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints.maxTurnover is 0.25, but reaching a fully invested portfolio within the weight bounds from"
                        + " currentWeights trades at least 0.5");
        // half the book is outside the universe: selling it alone trades 0.5
        assertThatThrownBy(() -> ConstraintSystem.of(ABC, WeightConstraints.longOnly().withTurnoverLimit(0.25, Map.of("GONE", 0.5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("constraints.maxTurnover is 0.25, but selling the current positions outside the universe alone trades 0.5");
    }
}
