package io.ballast.platform.quant.risk;

import static io.ballast.platform.quant.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** Portfolio volatility, diversification ratio and risk contributions from one covariance matrix. */
class PortfolioCovarianceMeasuresTest {

    // sigma 0.2 and 0.3, correlation 0.1: covariance 0.1 * 0.2 * 0.3 = 0.006
    private static final RealMatrix COVARIANCE = new Array2DRowRealMatrix(new double[][] {{0.04, 0.006}, {0.006, 0.09}});
    private static final double[] WEIGHTS = {0.6, 0.4};
    // Sigma w = (0.024 + 0.0024, 0.0036 + 0.036) = (0.0264, 0.0396)
    // w' Sigma w = 0.6 * 0.0264 + 0.4 * 0.0396 = 0.01584 + 0.01584 = 0.03168
    private static final double PORTFOLIO_VOLATILITY = Math.sqrt(0.03168);

    @Test
    void portfolioVolatilityWorkedByHand() {
        assertThat(PortfolioVolatility.of(COVARIANCE, WEIGHTS)).isCloseTo(PORTFOLIO_VOLATILITY, within(1e-16));
    }

    @Test
    void diversificationRatioWorkedByHand() {
        // (0.6 * 0.2 + 0.4 * 0.3) / sqrt(0.03168) = 0.24 / 0.17798876... = 1.34839972...
        assertThat(DiversificationRatio.of(COVARIANCE, WEIGHTS)).hasValueCloseTo(0.24 / PORTFOLIO_VOLATILITY, within(1e-15));
        // one asset, or perfectly correlated ones, do not diversify
        RealMatrix perfectlyCorrelated = new Array2DRowRealMatrix(new double[][] {{0.04, 0.06}, {0.06, 0.09}});
        assertThat(DiversificationRatio.of(perfectlyCorrelated, WEIGHTS)).hasValueCloseTo(1.0, within(1e-14));
    }

    @Test
    void contributionsWorkedByHandAndSummingToTheVolatility() {
        List<RiskContribution> contributions = RiskContributions.of(List.of("A", "B"), COVARIANCE, WEIGHTS).orElseThrow();

        // marginal (Sigma w)_i / sigma_p; component w_i * marginal: 0.01584 / sigma_p each, so 50% each
        RiskContribution a = contributions.get(0);
        RiskContribution b = contributions.get(1);
        assertThat(a.asset()).isEqualTo("A");
        assertThat(a.weight()).isEqualTo(0.6);
        assertThat(a.marginalContribution()).isCloseTo(0.0264 / PORTFOLIO_VOLATILITY, within(1e-15));
        assertThat(b.marginalContribution()).isCloseTo(0.0396 / PORTFOLIO_VOLATILITY, within(1e-15));
        assertThat(a.componentContribution()).isCloseTo(0.01584 / PORTFOLIO_VOLATILITY, within(1e-15));
        assertThat(b.componentContribution()).isCloseTo(0.01584 / PORTFOLIO_VOLATILITY, within(1e-15));
        assertThat(a.percentContribution()).isCloseTo(0.5, within(1e-15));
        assertThat(b.percentContribution()).isCloseTo(0.5, within(1e-15));
        assertThat(a.componentContribution() + b.componentContribution()).isCloseTo(PORTFOLIO_VOLATILITY, within(1e-15));
    }

    @Test
    void contributionsOfAThreeAssetPortfolioSumToItsVolatility() {
        RealMatrix covariance = new Array2DRowRealMatrix(new double[][] {
            {0.0400, 0.0060, -0.0040},
            {0.0060, 0.0900, 0.0150},
            {-0.0040, 0.0150, 0.0625},
        });
        double[] weights = {0.5, 0.2, 0.3};

        List<RiskContribution> contributions = RiskContributions.of(List.of("A", "B", "C"), covariance, weights).orElseThrow();

        double volatility = PortfolioVolatility.of(covariance, weights);
        assertThat(contributions.stream().mapToDouble(RiskContribution::componentContribution).sum()).isCloseTo(volatility, within(1e-15));
        assertThat(contributions.stream().mapToDouble(RiskContribution::percentContribution).sum()).isCloseTo(1, within(1e-15));
    }

    @Test
    void aRisklessPortfolioHasNoContributionsOrRatio() {
        RealMatrix zero = new Array2DRowRealMatrix(2, 2);

        assertThat(RiskContributions.of(List.of("A", "B"), zero, WEIGHTS)).isEmpty();
        assertThat(DiversificationRatio.of(zero, WEIGHTS)).isEmpty();
    }

    @Test
    void refusesAMismatchedMatrix() {
        assertRejected(() -> PortfolioVolatility.of(COVARIANCE, new double[] {1}), "covariance", "one row per weight (1)");
        assertRejected(() -> RiskContributions.of(List.of("A"), COVARIANCE, WEIGHTS), "assets", "one asset per weight (2)");
        RealMatrix broken = new Array2DRowRealMatrix(new double[][] {{0.04, Double.NaN}, {0.006, 0.09}});
        assertRejected(() -> DiversificationRatio.of(broken, WEIGHTS), "covariance", "entry (0, 1) is not a finite number");
    }
}
