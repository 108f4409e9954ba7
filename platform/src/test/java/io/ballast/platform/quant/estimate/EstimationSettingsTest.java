package io.ballast.platform.quant.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ballast.platform.problem.InvalidInputException;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EstimationSettingsTest {

    @Test
    void defaultsFollowTheConventionsAndPyPortfolioOptsDefaults() {
        EstimationSettings settings = EstimationSettings.defaults();

        assertThat(settings.expectedReturnMethod()).isEqualTo(ExpectedReturnMethod.GEOMETRIC_MEAN);
        assertThat(settings.covarianceMethod()).isEqualTo(CovarianceMethod.SAMPLE);
        assertThat(settings.periodsPerYear()).isEqualTo(252);
        assertThat(settings.expectedReturnSpan()).isEqualTo(500);
        assertThat(settings.covarianceHalfLife()).isEqualTo(ExponentialDecay.ofSpan(180).halfLife());
        assertThat(settings.semicovarianceBenchmarkReturn()).isEqualTo(0.000079);
        assertThat(settings.marketReturns()).isEmpty();
        assertThat(settings.annualRiskFreeRate()).isZero();
    }

    @Test
    void eachWitherChangesOneSetting() {
        var market = ReturnTables.columns(new double[] {0.01, 0.02});
        EstimationSettings settings = EstimationSettings.defaults()
                .withExpectedReturnMethod(ExpectedReturnMethod.CAPM)
                .withCovarianceMethod(CovarianceMethod.LEDOIT_WOLF)
                .withPeriodsPerYear(365)
                .withExpectedReturnSpan(60)
                .withCovarianceHalfLife(30)
                .withSemicovarianceBenchmarkReturn(0.0)
                .withMarketReturns(market)
                .withAnnualRiskFreeRate(0.02);

        assertThat(settings).isEqualTo(new EstimationSettings(ExpectedReturnMethod.CAPM, CovarianceMethod.LEDOIT_WOLF, 365, 60,
                30, 0.0, Optional.of(market), 0.02));
    }

    @Test
    void refusesSettingsOutsideTheirRangesNamingTheSetting() {
        EstimationSettings d = EstimationSettings.defaults();
        assertInvalid(() -> d.withExpectedReturnMethod(null), "expectedReturnMethod", "is required");
        assertInvalid(() -> d.withCovarianceMethod(null), "covarianceMethod", "is required");
        assertInvalid(() -> d.withPeriodsPerYear(0), "periodsPerYear", "must be at least 1, was 0");
        assertInvalid(() -> d.withExpectedReturnSpan(0.5), "expectedReturnSpan",
                "must be a finite number of periods of at least 1, was 0.5");
        assertInvalid(() -> d.withCovarianceHalfLife(Double.NaN), "covarianceHalfLife",
                "must be a finite number of periods above 0, was NaN");
        assertInvalid(() -> d.withSemicovarianceBenchmarkReturn(Double.POSITIVE_INFINITY), "semicovarianceBenchmarkReturn",
                "must be a finite return per period, was Infinity");
        assertInvalid(() -> d.withMarketReturns(ReturnTables.columns(new double[] {0.01, 0.02}, new double[] {0.01, 0.02})),
                "marketReturns", "must hold one series, found 2");
        assertInvalid(() -> d.withAnnualRiskFreeRate(-1), "annualRiskFreeRate", "must be a finite annual rate above -100%, was -1.0");
    }

    private static void assertInvalid(Supplier<EstimationSettings> settings, String field, String problem) {
        assertThatThrownBy(settings::get).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }
}
