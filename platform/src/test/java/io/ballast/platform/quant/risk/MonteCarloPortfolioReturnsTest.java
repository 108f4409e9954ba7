package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ballast.platform.quant.GeneratedSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonteCarloPortfolioReturnsTest {

    private static final List<String> ASSETS = List.of("A", "B", "C");
    private static final double[] WEIGHTS = {0.5, 0.3, 0.2};
    private static final double[][] RETURNS = threeAssets(500);

    @Test
    void theSameSeedGivesTheSameSampleAndAnotherSeedAnother() {
        double[] first = MonteCarloPortfolioReturns.simulate(ASSETS, RETURNS, WEIGHTS, 30_000, 11L);
        double[] again = MonteCarloPortfolioReturns.simulate(ASSETS, RETURNS, WEIGHTS, 30_000, 11L);
        double[] other = MonteCarloPortfolioReturns.simulate(ASSETS, RETURNS, WEIGHTS, 30_000, 12L);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        // paths are drawn in fixed blocks: a longer run starts with the shorter one's paths
        double[] longer = MonteCarloPortfolioReturns.simulate(ASSETS, RETURNS, WEIGHTS, 50_000, 11L);
        assertThat(Arrays.copyOf(longer, 30_000)).isEqualTo(first);
    }

    @Test
    void convergesToTheParametricNormalOfTheSameMeanAndCovariance() {
        // the model's portfolio return is N(w.mu, w' Sigma w), the normal the parametric method fits to the
        // portfolio series (same periods, so the same mean and variance). With 400,000 paths the standard
        // error of the 99% quantile is about 0.006 sigma, 0.3% of the VaR: 1% is over three standard errors.
        double[] portfolio = HeldAssetReturns.of(ASSETS, RETURNS, WEIGHTS).portfolioReturns();
        EmpiricalTailLoss simulated = EmpiricalTailLoss.of(MonteCarloPortfolioReturns.simulate(ASSETS, RETURNS, WEIGHTS, 400_000, 7L));

        for (double confidence : new double[] {0.95, 0.99}) {
            TailLoss normal = NormalTailLoss.of(portfolio, confidence);
            TailLoss monteCarlo = simulated.at(confidence);
            assertThat(monteCarlo.valueAtRiskFraction())
                    .isCloseTo(normal.valueAtRiskFraction(), within(0.01 * normal.valueAtRiskFraction()));
            assertThat(monteCarlo.expectedShortfallFraction())
                    .isCloseTo(normal.expectedShortfallFraction(), within(0.01 * normal.expectedShortfallFraction()));
        }
    }

    @Test
    void aSingularCovarianceStillSimulatesTheRightDistribution() {
        // C = (A + B) / 2 exactly: the covariance has rank 2 and no ordinary Cholesky factor
        double[][] dependent = new double[RETURNS.length][];
        for (int t = 0; t < RETURNS.length; t++) {
            dependent[t] = new double[] {RETURNS[t][0], RETURNS[t][1], (RETURNS[t][0] + RETURNS[t][1]) / 2};
        }
        double[] portfolio = HeldAssetReturns.of(ASSETS, dependent, WEIGHTS).portfolioReturns();

        TailLoss monteCarlo = EmpiricalTailLoss.of(MonteCarloPortfolioReturns.simulate(ASSETS, dependent, WEIGHTS, 400_000, 3L)).at(0.99);

        double normal = NormalTailLoss.of(portfolio, 0.99).valueAtRiskFraction();
        assertThat(monteCarlo.valueAtRiskFraction()).isCloseTo(normal, within(0.01 * normal));
    }

    @Test
    void moreAssetsThanPeriodsWork() {
        // 4 assets, 3 periods: the covariance has rank 2
        double[][] returns = {{0.01, 0.02, -0.01, 0.0}, {-0.02, 0.01, 0.03, 0.01}, {0.0, -0.01, 0.01, -0.02}};
        double[] weights = {0.25, 0.25, 0.25, 0.25};
        // portfolio: 0.005, 0.0075, -0.005 -> mean 0.0025, sample sd 0.0066143782776614765
        EmpiricalTailLoss simulated = EmpiricalTailLoss.of(
                MonteCarloPortfolioReturns.simulate(List.of("A", "B", "C", "D"), returns, weights, 400_000, 5L));

        double normal = NormalTailLoss.of(0.0025, 0.0066143782776614765, 0.95).valueAtRiskFraction();
        assertThat(simulated.at(0.95).valueAtRiskFraction()).isCloseTo(normal, within(0.01 * normal));
    }

    @Test
    void aRisklessPortfolioEarnsItsMeanOnEveryPath() {
        double[][] flat = {{0.001}, {0.001}, {0.001}};

        double[] simulated = MonteCarloPortfolioReturns.simulate(List.of("CASH"), flat, new double[] {1}, 1_000, 1L);

        assertThat(simulated).containsOnly(0.001);
    }

    @Test
    void refusesAPathCountOutOfRange() {
        assertRejected(() -> MonteCarloPortfolioReturns.simulate(ASSETS, RETURNS, WEIGHTS, 0, 1L), "monteCarloPaths",
                "between 1 and 10000000, got 0");
        assertRejected(() -> MonteCarloPortfolioReturns.simulate(ASSETS, RETURNS, WEIGHTS, 10_000_001, 1L), "monteCarloPaths",
                "got 10000001");
    }

    private static double[][] threeAssets(int n) {
        double[] a = GeneratedSeries.wavy(n);
        double[] b = GeneratedSeries.benchmark(n);
        double[][] returns = new double[n][];
        for (int t = 0; t < n; t++) {
            // C mixes A and B with its own wave, so the three are correlated but not dependent
            returns[t] = new double[] {a[t], b[t], 0.4 * a[t] - 0.3 * b[t] + 0.005 * Math.cos(0.9 * t)};
        }
        return returns;
    }
}
