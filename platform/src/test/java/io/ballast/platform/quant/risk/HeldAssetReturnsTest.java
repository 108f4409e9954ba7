package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class HeldAssetReturnsTest {

    private static final double NaN = Double.NaN;
    private static final List<String> ASSETS = List.of("A", "B", "C");
    // C is listed but not held: its gaps cost no period; A's gap in period 1 drops that period
    private static final double[][] RETURNS = {
        {0.01, 0.02, NaN},
        {NaN, 0.01, 0.00},
        {-0.02, 0.03, 0.01},
        {0.03, -0.01, NaN},
        {0.00, 0.00, 0.02},
    };
    private static final double[] WEIGHTS = {0.6, 0.4, 0.0};

    @Test
    void usesOnlyThePeriodsWhereEveryHeldAssetHasAReturn() {
        HeldAssetReturns held = HeldAssetReturns.of(ASSETS, RETURNS, WEIGHTS);

        assertThat(held.assets()).containsExactly("A", "B");
        assertThat(held.weights()).containsExactly(0.6, 0.4);
        assertThat(held.assetIndices()).containsExactly(0, 1);
        assertThat(held.periodIndices()).containsExactly(0, 2, 3, 4);
        // 0.6*0.01 + 0.4*0.02 = 0.014; -0.012 + 0.012 = 0; 0.018 - 0.004 = 0.014; 0
        assertThat(held.portfolioReturns()).containsExactly(new double[] {0.014, 0.0, 0.014, 0.0}, within(1e-15));
    }

    @Test
    void meansAndSampleCovarianceWorkedByHand() {
        HeldAssetReturns held = HeldAssetReturns.of(ASSETS, RETURNS, WEIGHTS);

        // A over periods 0, 2, 3, 4: 0.01, -0.02, 0.03, 0.00 -> mean 0.005, deviations .005 -.025 .025 -.005
        // B: 0.02, 0.03, -0.01, 0.00 -> mean 0.01, deviations .01 .02 -.02 -.01
        assertThat(held.meanReturns()).containsExactly(new double[] {0.005, 0.01}, within(1e-15));
        RealMatrix covariance = held.periodicCovariance();
        // var A = (25 + 625 + 625 + 25)e-6 / 3; var B = (100 + 400 + 400 + 100)e-6 / 3
        // cov AB = (0.00005 - 0.0005 - 0.0005 + 0.00005) / 3 = -0.0003
        assertThat(covariance.getEntry(0, 0)).isCloseTo(0.0013 / 3, within(1e-16));
        assertThat(covariance.getEntry(1, 1)).isCloseTo(0.001 / 3, within(1e-16));
        assertThat(covariance.getEntry(0, 1)).isCloseTo(-0.0003, within(1e-16));
        assertThat(covariance.getEntry(1, 0)).isCloseTo(-0.0003, within(1e-16));
        // w' Sigma w = 0.36 * 0.0013/3 + 0.16 * 0.001/3 - 2 * 0.24 * 0.0003 = 6.5333e-5
        // = sample variance of the portfolio series 0.014, 0, 0.014, 0: 4 * 0.007^2 / 3
        assertThat(PortfolioVolatility.of(covariance, held.weights())).isCloseTo(Math.sqrt(4 * 0.007 * 0.007 / 3), within(1e-15));
    }

    @Test
    void oneHeldAssetHasItsVarianceAsCovariance() {
        HeldAssetReturns held = HeldAssetReturns.of(List.of("A", "B"), new double[][] {{0.01, 0.5}, {0.03, NaN}}, new double[] {1, 0});

        // 0.01, 0.03: mean 0.02, variance (0.0001 + 0.0001) / 1
        assertThat(held.periodicCovariance().getEntry(0, 0)).isCloseTo(0.0002, within(1e-17));
    }

    @Test
    void refusesBadInputNamingTheField() {
        assertRejected(() -> HeldAssetReturns.of(List.of(), RETURNS, WEIGHTS), "assets", "at least one asset");
        assertRejected(() -> HeldAssetReturns.of(List.of("A", "A", "C"), RETURNS, WEIGHTS), "assets", "'A' is listed twice");
        assertRejected(() -> HeldAssetReturns.of(List.of("A", " ", "C"), RETURNS, WEIGHTS), "assets", "blank");
        assertRejected(() -> HeldAssetReturns.of(ASSETS, RETURNS, new double[] {0.5, 0.5}), "weights", "one weight per asset (3), got 2");
        assertRejected(() -> HeldAssetReturns.of(ASSETS, RETURNS, new double[] {NaN, 0.5, 0.5}), "weights", "'A' is not a finite number");
        assertRejected(() -> HeldAssetReturns.of(ASSETS, RETURNS, new double[] {0, 0, 0}), "weights", "holds nothing");
        assertRejected(() -> HeldAssetReturns.of(ASSETS, new double[0][], WEIGHTS), "returns", "at least one period");
        assertRejected(() -> HeldAssetReturns.of(ASSETS, new double[][] {{0.1, 0.2, 0.3}, {0.1, 0.2}}, WEIGHTS), "returns",
                "period 1 must give one return per asset (3), got 2");
        assertRejected(() -> HeldAssetReturns.of(ASSETS, new double[][] {{0.1, Double.POSITIVE_INFINITY, 0}, {0, 0, 0}}, WEIGHTS),
                "returns", "period 0, asset 1 is infinite");
        assertRejected(() -> HeldAssetReturns.of(ASSETS, new double[][] {{0.1, 0.2, 0}, {NaN, 0.1, 0}, {0.1, NaN, 0}}, WEIGHTS),
                "returns", "at least two periods where every held asset has a return, got 1");
    }
}
