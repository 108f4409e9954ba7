package io.ballast.plugins.optimizers.meanvariance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ojalgo.array.ArrayR064;
import org.ojalgo.matrix.store.R064Store;

class KarushKuhnTuckerTest {

    // min x1² + x2² + x3² (Q = 2I, c = 0) subject to x1 + x2 + x3 = 1, x1 ≤ 0.2, −x2 ≤ −0.5, −x3 ≤ 10
    private final R064Store quadratic = R064Store.FACTORY.rows(new double[][] {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}});
    private final R064Store linear = R064Store.FACTORY.column(0, 0, 0);
    private final R064Store budget = R064Store.FACTORY.rows(new double[][] {{1, 1, 1}});
    private final R064Store one = R064Store.FACTORY.column(1.0);
    private final R064Store limits = R064Store.FACTORY.rows(new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}});
    private final R064Store limitRights = R064Store.FACTORY.column(0.2, -0.5, 10);

    @Test
    void theOptimumWithItsMultipliersHolds() {
        // at (0.2, 0.5, 0.3) the gradient is (0.4, 1, 0.6): the budget takes −0.6, the cap on x1 0.2, the floor on x2 0.4
        assertThat(holds(new double[] {0.2, 0.5, 0.3}, -0.6, 0.2, 0.4, 0)).isTrue();
    }

    @Test
    void aFeasiblePointThatIsNotOptimalFails() {
        // (0.2, 0.55, 0.25): x2 above its floor, so its multiplier must be 0, and then x2 and x3 cannot balance
        assertThat(holds(new double[] {0.2, 0.55, 0.25}, -0.5, 0.1, 0.6, 0)).isFalse();
        assertThat(holds(new double[] {0.2, 0.55, 0.25}, -0.5, 0.1, 0, 0)).isFalse();
    }

    @Test
    void aNegativeMultiplierFails() {
        // min x² − 4x subject to x ≤ 3: x = 3 is stationary only with multiplier −2; the optimum is x = 2 inside
        R064Store q = R064Store.FACTORY.rows(new double[][] {{2}});
        R064Store c = R064Store.FACTORY.column(4.0);
        R064Store none = R064Store.FACTORY.make(0, 1);
        R064Store cap = R064Store.FACTORY.rows(new double[][] {{1}});
        R064Store three = R064Store.FACTORY.column(3.0);

        assertThat(KarushKuhnTucker.holds(q, c, none, R064Store.FACTORY.make(0, 1), cap, three, new double[] {3}, ArrayR064.wrap(-2)))
                .isFalse();
        assertThat(KarushKuhnTucker.holds(q, c, none, R064Store.FACTORY.make(0, 1), cap, three, new double[] {2}, ArrayR064.wrap(0)))
                .isTrue();
    }

    @Test
    void anInfeasiblePointFails() {
        // the budget is broken: (0.2, 0.5, 0.4) sums to 1.1
        assertThat(holds(new double[] {0.2, 0.5, 0.4}, -0.8, 0.4, 0.2, 0)).isFalse();
    }

    private boolean holds(double[] x, double... multipliers) {
        return KarushKuhnTucker.holds(quadratic, linear, budget, one, limits, limitRights, x, ArrayR064.wrap(multipliers));
    }
}
